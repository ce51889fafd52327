package io.modstream.benchmarks;

import com.sun.management.ThreadMXBean;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.policy.Submission;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the engine's time goes, measured so that a busy shared machine disturbs it as little as possible: stages
 * ({@link Stages}) take turns, each round running every stage once over all the comments in a rotating order, and
 * each pass is timed by the CPU time of the thread that runs it, so time spent waiting for a core does not count.
 * Every stage therefore sees the same machine, and the per-round ratio engine/jsoup is a paired comparison. Garbage
 * collection runs on other threads and is not counted (under JMH it is about 1% of the time); the bytes allocated per
 * comment are reported instead. Reports the median over rounds with the 10th–90th percentile spread. Not JMH: one JVM
 * runs every stage, as production does; checks timed alone may inline better than inside the engine, so the split is
 * a guide, not an exact sum.
 *
 * <p>Options: {@code --warmup-seconds N} (default 30), {@code --rounds N} (default 30).
 */
public final class CheckCostReport {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Keeps results reachable so the JIT cannot drop the work that made them. */
    @SuppressWarnings("unused")
    private static volatile Object sink;

    private CheckCostReport() {}

    public static void main(String[] args) {
        Map<String, Integer> options = options(args);
        int warmupSeconds = options.getOrDefault("--warmup-seconds", 30);
        int rounds = options.getOrDefault("--rounds", 30);

        PolicyEngine engine = DefaultPolicy.load().engine();
        List<Stages.Stage> stages = new ArrayList<>(Stages.of(engine));
        Submission[] comments =
                CommentMix.generate(CommentMix.SIZE, CommentMix.SEED).toArray(Submission[]::new);

        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (Stages.Stage stage : stages) {
                pass(stage, comments);
            }
        }
        Map<String, double[]> micros = new HashMap<>();
        Map<String, double[]> bytes = new HashMap<>();
        for (Stages.Stage stage : stages) {
            micros.put(stage.name(), new double[rounds]);
            bytes.put(stage.name(), new double[rounds]);
        }
        long threadId = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            Collections.rotate(stages, 1);
            for (Stages.Stage stage : stages) {
                long allocated = THREADS.getThreadAllocatedBytes(threadId);
                long cpu = THREADS.getCurrentThreadCpuTime();
                pass(stage, comments);
                micros.get(stage.name())[round] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / comments.length;
                bytes.get(stage.name())[round] =
                        (double) (THREADS.getThreadAllocatedBytes(threadId) - allocated) / comments.length;
            }
        }
        print(engine, stages, micros, bytes, rounds, warmupSeconds);
    }

    private static void pass(Stages.Stage stage, Submission[] comments) {
        for (Submission comment : comments) {
            sink = stage.work().apply(CommentMix.fresh(comment));
        }
    }

    private static void print(
            PolicyEngine engine,
            List<Stages.Stage> stages,
            Map<String, double[]> micros,
            Map<String, double[]> bytes,
            int rounds,
            int warmupSeconds) {
        double[] engineMicros = micros.get(Stages.ENGINE);
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratios[round] = engineMicros[round] / micros.get(Stages.JSOUP)[round];
        }
        double engineMedian = percentile(engineMicros, 50);
        System.out.printf(
                Locale.ROOT,
                "%nThread CPU time per comment, %s, %d rounds after %d s of warm-up;"
                        + " median [10th–90th percentile]%n",
                engine.policy().version(),
                rounds,
                warmupSeconds);
        System.out.println("Inputs: " + CommentMix.describe(CommentMix.generate(CommentMix.SIZE, CommentMix.SEED)));
        System.out.printf(Locale.ROOT, "  %-28s %24s %10s %12s%n", "stage", "µs/comment", "of engine", "B/comment");
        double partsSum = 0;
        stages.sort((a, b) -> Integer.compare(order(a.name()), order(b.name())));
        for (Stages.Stage stage : stages) {
            double[] values = micros.get(stage.name());
            double median = percentile(values, 50);
            if (!stage.name().equals(Stages.ENGINE) && !stage.name().equals(Stages.JSOUP)) {
                partsSum += median;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-28s %8.2f [%6.2f–%6.2f] %9.0f%% %,12.0f%n",
                    stage.name(),
                    median,
                    percentile(values, 10),
                    percentile(values, 90),
                    100 * median / engineMedian,
                    percentile(bytes.get(stage.name()), 50));
        }
        System.out.printf(
                Locale.ROOT,
                "  checks + engine-without-checks: %.2f µs, %.0f%% of the whole engine%n",
                partsSum,
                100 * partsSum / engineMedian);
        System.out.printf(
                Locale.ROOT,
                "engine time / jsoup time, paired per round: %.2f [%.2f–%.2f]; target <= %.1f: %s%n",
                percentile(ratios, 50),
                percentile(ratios, 10),
                percentile(ratios, 90),
                BenchmarkReport.TARGET_RATIO,
                percentile(ratios, 50) <= BenchmarkReport.TARGET_RATIO ? "met" : "NOT met");
    }

    /** The fixed stages first, then the checks in the order the policy runs them. */
    private static int order(String name) {
        return switch (name) {
            case Stages.JSOUP -> -3;
            case Stages.ENGINE -> -2;
            case Stages.NO_CHECKS -> -1;
            default -> Integer.parseInt(name.substring(0, name.indexOf('-')));
        };
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round((sorted.length - 1) * percent / 100.0)];
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--warmup-seconds") && !args[i].equals("--rounds")) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; see the class comment");
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
        }
        return options;
    }
}
