package io.modstream.benchmarks;

import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.policy.Submission;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole engine under the default site policy against jsoup's {@code clean} with its basic safelist alone, on the
 * same {@link CommentMix}. One operation is one comment; the comments are taken in turn, so every iteration sees the
 * whole mix many times. The defaults keep a run of both under two minutes on two cores; {@code -f}, {@code -wi},
 * {@code -i}, {@code -w} and {@code -r} override them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
// jsoup's clean reaches its steady speed only after 6-7 s here (C2 competes with the benchmark for two cores).
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
public class PolicyEngineBenchmark {

    private PolicyEngine engine;
    private Safelist basic;
    private Submission[] comments;
    private int next;

    @Setup
    public void setUp() {
        engine = DefaultPolicy.load().engine();
        // Built once, as an application would hold it; Safelist.basic() makes a new one on every call.
        basic = Safelist.basic();
        comments = CommentMix.generate(CommentMix.SIZE, CommentMix.SEED).toArray(Submission[]::new);
    }

    @Benchmark
    public Moderation engine() {
        return engine.moderate(CommentMix.fresh(nextComment()));
    }

    @Benchmark
    public String jsoupCleanOnly() {
        return Jsoup.clean(nextComment().body(), basic);
    }

    private Submission nextComment() {
        Submission comment = comments[next];
        next = next + 1 == comments.length ? 0 : next + 1;
        return comment;
    }
}
