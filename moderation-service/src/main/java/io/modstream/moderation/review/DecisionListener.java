package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.moderation.authors.Authors;
import io.modstream.moderation.observability.ModerationMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies moderators' decisions, exactly once: for the first decision about a comment it publishes the comment to
 * {@code comments.approved} or {@code comments.rejected}, writes a tombstone for it on {@code comments.review}, and
 * moves it in the author's history, all in the Kafka transaction that commits the decision's offset. Later decisions
 * about the same comment change nothing; the audit trail keeps them.
 */
@Component
class DecisionListener {

    private static final Logger log = LoggerFactory.getLogger(DecisionListener.class);
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> kafka;
    private final ReviewQueue queue;
    private final Authors authors;
    private final ModerationMetrics metrics;

    DecisionListener(
            KafkaTemplate<String, Object> kafka, ReviewQueue queue, Authors authors, ModerationMetrics metrics) {
        this.kafka = kafka;
        this.queue = queue;
        this.authors = authors;
        this.metrics = metrics;
    }

    @KafkaListener(
            id = "decisions",
            groupId = "${spring.kafka.consumer.group-id}-decisions",
            topics = Topics.MODERATION_DECISIONS,
            properties = "spring.json.value.default.type=io.modstream.events.ModeratorDecision")
    void onDecision(ConsumerRecord<String, @Nullable ModeratorDecision> record) {
        ModeratorDecision decision = record.value();
        if (decision == null || decision.held() == null || decision.action() == null) {
            throw new InvalidDecisionException("not a decision: commentId, action and held are required");
        }
        MDC.put("commentId", decision.commentId());
        try {
            apply(decision, record);
        } finally {
            MDC.remove("commentId");
        }
    }

    private void apply(ModeratorDecision decision, ConsumerRecord<String, @Nullable ModeratorDecision> record) {
        // Whether this decision came first is read from the queue's view, which must have read this far.
        if (!queue.awaitRead(record.topic(), record.partition(), record.offset(), QUEUE_WAIT)) {
            throw new IllegalStateException("the review queue has not read " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + " within " + QUEUE_WAIT);
        }
        if (!queue.isWinner(decision)) {
            log.info(
                    "Decision {} on comment {} by {} came after another; not applied",
                    decision.decisionId(),
                    decision.commentId(),
                    decision.moderator());
            return;
        }
        CommentModerated outcome = outcome(decision);
        kafka.send(Topics.outcomeTopic(outcome.verdict()), outcome.commentId(), outcome);
        ModerationMetrics.afterCommit(() -> {
            metrics.moderated(outcome);
            metrics.decided(decision.moderator(), decision.action());
        });
        kafka.send(Topics.COMMENTS_REVIEW, decision.commentId(), null);
        String siteId = decision.siteId();
        String authorId = decision.held().comment().author().id();
        kafka.send(
                Authors.HISTORY_TOPIC,
                Authors.key(siteId, authorId),
                authors.decided(siteId, authorId, decision.commentId(), decision.action()));
        log.info(
                "Comment {} of site {}: {} by moderator {}",
                decision.commentId(),
                siteId,
                decision.action(),
                decision.moderator());
    }

    /** The held outcome, decided: the moderator's verdict and time, and their reason after the policy's. */
    static CommentModerated outcome(ModeratorDecision decision) {
        CommentModerated held = decision.held();
        List<Reason> reasons = new ArrayList<>(held.reasons());
        String told = decision.reason() == null || decision.reason().isBlank()
                ? (decision.action() == Verdict.APPROVE
                        ? "A moderator approved this comment."
                        : "A moderator decided not to publish this comment.")
                : decision.reason();
        reasons.add(new Reason(ReasonCodes.MODERATOR, told, 0, 0));
        return new CommentModerated(
                CommentModerated.SCHEMA_VERSION,
                held.commentId(),
                held.siteId(),
                decision.action(),
                reasons,
                held.sanitizedText(),
                held.sanitizedHtml(),
                held.policyVersion(),
                decision.decidedAt(),
                held.comment());
    }
}
