package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Records moderators' decisions on {@code moderation.decisions} and tells each moderator whether theirs took effect.
 * Blocking: call it off the event loop.
 */
@Component
public class Decisions {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, Object> kafka;
    private final ReviewQueue queue;
    private final Clock clock = Clock.systemUTC();

    Decisions(KafkaTemplate<String, Object> kafka, ReviewQueue queue) {
        this.kafka = kafka;
        this.queue = queue;
    }

    /**
     * What became of a decision.
     *
     * @param status whether it took effect
     * @param decision the decision in force on the comment; null when {@link Status#NOT_FOUND}
     */
    public record Outcome(Status status, @Nullable AuditEntry decision) {

        /** Whether a decision took effect. */
        public enum Status {
            /** It did. */
            DECIDED,
            /** Another decision came first; {@code decision} is that one. */
            CONFLICT,
            /** The comment is not in that site's queue and was never decided there. */
            NOT_FOUND
        }

        static Outcome decided(AuditEntry decision) {
            return new Outcome(Status.DECIDED, decision);
        }

        static Outcome conflict(AuditEntry first) {
            return new Outcome(Status.CONFLICT, first);
        }

        /** The decision in force; only for an outcome that has one. */
        public AuditEntry inForce() {
            if (decision == null) {
                throw new IllegalStateException("no decision: " + status);
            }
            return decision;
        }
    }

    /**
     * Decides a held comment of {@code siteId}: publishes the decision, then waits until the pipeline has recorded it
     * in the comment's audit trail, where the order of decisions on its partition says whether it came first.
     */
    public Outcome decide(
            String siteId,
            String commentId,
            Verdict action,
            @Nullable String reason,
            @Nullable String note,
            String moderator) {
        AuditEntry earlier = queue.decision(commentId).orElse(null);
        if (earlier != null && earlier.siteId().equals(siteId)) {
            return Outcome.conflict(earlier);
        }
        CommentModerated held = queue.held(commentId)
                .filter(outcome -> outcome.siteId().equals(siteId))
                .orElse(null);
        if (held == null) {
            return new Outcome(Outcome.Status.NOT_FOUND, null);
        }
        ModeratorDecision decision = new ModeratorDecision(
                ModeratorDecision.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                commentId,
                siteId,
                action,
                reason,
                note,
                moderator,
                clock.instant(),
                held);
        publish(decision);
        AuditTrail trail = queue.awaitRecorded(commentId, decision.decisionId(), WAIT)
                .orElseThrow(() -> new IllegalStateException(
                        "the decision was written but the pipeline had not recorded it within " + WAIT));
        AuditEntry first = trail.applied().orElseThrow();
        return first.decisionId().equals(decision.decisionId()) ? Outcome.decided(first) : Outcome.conflict(first);
    }

    private RecordMetadata publish(ModeratorDecision decision) {
        try {
            SendResult<String, Object> result = kafka.executeInTransaction(
                            template -> template.send(Topics.MODERATION_DECISIONS, decision.commentId(), decision))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return result.getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a decision", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DecisionNotRecordedException(e);
        }
    }

    /** The broker did not take the decision; nothing was decided. */
    public static final class DecisionNotRecordedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DecisionNotRecordedException(Throwable cause) {
            super("the decision could not be recorded", cause);
        }
    }
}
