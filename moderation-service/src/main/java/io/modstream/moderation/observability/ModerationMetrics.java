package io.modstream.moderation.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modstream.events.CommentModerated;
import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The service's own metrics, named for Prometheus as {@code modstream_*}:
 *
 * <ul>
 *   <li>{@code modstream_comments_moderated_total{site, verdict}}: outcomes, by the pipeline or a moderator;
 *   <li>{@code modstream_comment_reasons_total{site, code}}: reasons given, one per reason;
 *   <li>{@code modstream_moderation_latency_seconds{verdict}} (histogram): from submission to outcome; for a held
 *       comment decided by a moderator it includes the wait in the queue;
 *   <li>{@code modstream_review_queue_size}, {@code modstream_review_queue_oldest_seconds}: the flagged queue (kept
 *       by {@link QueueGauges});
 *   <li>{@code modstream_decisions_total{moderator, action}}: moderators' decisions that took effect;
 *   <li>{@code modstream_dead_letters_total{topic}}: records sent to a dead-letter topic;
 *   <li>{@code modstream_comments_unchecked_total{site}}: comments the policy failed on (a bug), held instead.
 * </ul>
 *
 * Consumer lag per partition comes from the Kafka client's own metrics, which Spring Boot registers
 * ({@code kafka_consumer_fetch_manager_records_lag{topic, partition}}).
 */
@Component
public class ModerationMetrics {

    private final MeterRegistry registry;

    ModerationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts an outcome and its reasons, and times it from the comment's submission. */
    public void moderated(CommentModerated outcome) {
        String site = outcome.siteId();
        Counter.builder("modstream.comments.moderated")
                .description("Outcomes published")
                .tag("site", site)
                .tag("verdict", outcome.verdict().name())
                .register(registry)
                .increment();
        for (Reason reason : outcome.reasons()) {
            Counter.builder("modstream.comment.reasons")
                    .description("Reasons given, one per reason")
                    .tag("site", site)
                    .tag("code", reason.code())
                    .register(registry)
                    .increment();
        }
        Duration latency = Duration.between(outcome.comment().submittedAt(), outcome.decidedAt());
        Timer.builder("modstream.moderation.latency")
                .description("From submission to outcome")
                .tag("verdict", outcome.verdict().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** Counts a moderator's decision that took effect. */
    public void decided(String moderator, Verdict action) {
        Counter.builder("modstream.decisions")
                .description("Moderators' decisions that took effect")
                .tag("moderator", moderator)
                .tag("action", action.name())
                .register(registry)
                .increment();
    }

    /** Counts a comment the policy could not be applied to (a bug), which was held for a moderator instead. */
    public void unchecked(String siteId) {
        Counter.builder("modstream.comments.unchecked")
                .description("Comments the policy could not be applied to, held for a moderator")
                .tag("site", siteId)
                .register(registry)
                .increment();
    }

    /** Counts a record sent to a dead-letter topic. */
    public void deadLettered(String topic) {
        Counter.builder("modstream.dead.letters")
                .description("Records sent to a dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
