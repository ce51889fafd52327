package io.modstream.moderation.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts {@link PipelineWarmUp} on a thread of its own once the application has started (the pipeline with it), and
 * interrupts it if the application stops first. Not earlier: begun as the context was still being built, it slowed
 * the start, and an instance restarted after a crash took over 15 s to moderate again (docs/benchmarks.md). {@code
 * modstream.moderation.warm-up.comments} sets how many comments (0: none), real ones counted in, {@code
 * modstream.moderation.warm-up.max-time} how long it may take at most.
 */
final class PipelineWarmUpRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PipelineWarmUpRunner.class);

    private final ModerationTopology.Settings settings;
    private final int comments;
    private final LongSupplier realOutcomes;
    private final Duration maxTime;
    private final CompletableFuture<PipelineWarmUp.@Nullable Result> finished = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicInteger threadsStarted = new AtomicInteger();
    private volatile @Nullable Thread thread;

    PipelineWarmUpRunner(
            ModerationTopology.Settings settings, int comments, LongSupplier realOutcomes, Duration maxTime) {
        if (comments < 0) {
            throw new IllegalArgumentException("modstream.moderation.warm-up.comments must be 0 or more: " + comments);
        }
        this.settings = settings;
        this.comments = comments;
        this.realOutcomes = realOutcomes;
        this.maxTime = maxTime;
    }

    /** Completes when the warm-up is over: with what it did, or null if it was off or failed. */
    CompletableFuture<PipelineWarmUp.@Nullable Result> finished() {
        return finished;
    }

    /** How many warm-up threads this runner has started: 0 or 1. */
    int threadsStarted() {
        return threadsStarted.get();
    }

    /** Starts the warm-up once; later calls (a context started again) do nothing. */
    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        if (comments == 0) {
            finished.complete(null);
            return;
        }
        threadsStarted.incrementAndGet();
        Thread warmUp = new Thread(this::warmUp, "pipeline-warm-up");
        warmUp.setDaemon(true);
        thread = warmUp;
        warmUp.start();
    }

    private void warmUp() {
        try {
            PipelineWarmUp.Result result = PipelineWarmUp.run(
                    settings, comments, realOutcomes, Instant.now().plus(maxTime));
            log.info(
                    "Pipeline warm-up: {} made-up comments through the topology in memory in {} ms, {} real ones"
                            + " moderated meanwhile ({})",
                    result.comments(),
                    result.took().toMillis(),
                    result.realOutcomes(),
                    result.writtenByTopic());
            finished.complete(result);
        } catch (RuntimeException e) {
            // Only the JIT loses by it: the pipeline runs the same without.
            log.warn("Pipeline warm-up failed; the pipeline is not affected", e);
            finished.complete(null);
        } finally {
            thread = null;
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
