package io.modstream.moderation.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.modstream.moderation.review.ReviewQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.springframework.stereotype.Component;

/**
 * {@code modstream.review.queue.size} and {@code .oldest}: how many comments wait for a moderator and for how long,
 * read from the queue's store at each scrape. Kept apart from {@link ModerationMetrics}, which the pipeline reports
 * to, because the queue is read through the pipeline.
 */
@Component
class QueueGauges {

    private final Clock clock = Clock.systemUTC();

    QueueGauges(MeterRegistry registry, ReviewQueue queue) {
        Gauge.builder("modstream.review.queue.size", queue, q -> whileReadable(q::size))
                .description("Comments waiting for a moderator")
                .register(registry);
        Gauge.builder("modstream.review.queue.oldest", queue, q -> whileReadable(() -> oldestAgeSeconds(q)))
                .description("How long the oldest comment in the queue has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds(ReviewQueue queue) {
        return queue.oldestHeldAt()
                .map(oldest ->
                        Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /** A store that is restoring or rebalancing cannot be read; the gauge shows no value until it can. */
    private static double whileReadable(DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException notReadableNow) {
            return Double.NaN;
        }
    }
}
