package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Reason;
import io.modstream.events.Topics;
import io.modstream.moderation.activity.AuthorActivityStore;
import io.modstream.moderation.authors.AuthorRules;
import io.modstream.moderation.authors.Authors;
import io.modstream.moderation.observability.ModerationMetrics;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.Submission;
import io.modstream.moderation.policy.TextFingerprint;
import io.modstream.moderation.sitepolicy.SitePolicies;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Moderates each submitted comment and publishes its outcome. The container runs every record in a Kafka
 * transaction that also commits the consumed offset, so the outcome is published exactly once: if the process dies
 * before the commit, the transaction is aborted and the record is consumed again.
 */
@Component
class ModerationListener {

    private static final Logger log = LoggerFactory.getLogger(ModerationListener.class);

    private final KafkaTemplate<String, Object> kafka;
    private final SitePolicies policies;
    private final AuthorActivityStore activity;
    private final Authors authors;
    private final ModerationMetrics metrics;
    private final Clock clock;

    ModerationListener(
            KafkaTemplate<String, Object> kafka,
            SitePolicies policies,
            AuthorActivityStore activity,
            Authors authors,
            ModerationMetrics metrics) {
        this.kafka = kafka;
        this.policies = policies;
        this.activity = activity;
        this.authors = authors;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    // idIsGroup = false: the consumer group comes from spring.kafka.consumer.group-id, not from the listener id.
    @KafkaListener(id = "moderation", idIsGroup = false, topics = Topics.COMMENTS_SUBMITTED)
    void onSubmitted(@Nullable CommentSubmitted comment) {
        CommentSubmitted valid = validated(comment);
        // Every log line while this comment is handled carries its id (and, from tracing, the trace id).
        MDC.put("commentId", valid.commentId());
        try {
            moderate(valid);
        } finally {
            MDC.remove("commentId");
        }
    }

    private void moderate(CommentSubmitted valid) {
        SitePolicy policy = policies.forSite(valid.siteId());
        String siteId = valid.siteId();
        String authorId = valid.author().id();
        Instant now = clock.instant();
        Moderation moderation = AuthorRules.apply(
                policy.engine()
                        .moderate(new Submission(
                                valid.body(), authorId, valid.submittedAt(), activity.recent(siteId, authorId))),
                authors.standing(siteId, authorId),
                authors.history(siteId, authorId),
                policy.holdFirstComments(),
                now);
        CommentModerated outcome = new CommentModerated(
                CommentModerated.SCHEMA_VERSION,
                valid.commentId(),
                valid.siteId(),
                moderation.verdict(),
                moderation.reasons(),
                moderation.sanitizedText(),
                moderation.sanitizedHtml(),
                moderation.policyVersion(),
                now,
                valid);
        kafka.send(Topics.outcomeTopic(outcome.verdict()), outcome.commentId(), outcome);
        ModerationMetrics.afterCommit(() -> metrics.moderated(outcome));
        log.info(
                "Comment {} of site {}: {} {} under {}",
                outcome.commentId(),
                outcome.siteId(),
                outcome.verdict(),
                outcome.reasons().stream().map(Reason::code).toList(),
                outcome.policyVersion());
        // In the same transaction: if the outcome is not committed, neither is the post in the author's history.
        kafka.send(
                AuthorActivityStore.TOPIC,
                AuthorActivityStore.key(siteId, authorId),
                activity.record(siteId, authorId, valid.submittedAt(), TextFingerprint.of(valid.body())));
        kafka.send(
                Authors.HISTORY_TOPIC,
                Authors.key(siteId, authorId),
                authors.moderated(
                        siteId,
                        authorId,
                        valid.commentId(),
                        outcome.verdict(),
                        valid.submittedAt(),
                        moderation.sanitizedText()));
    }

    private static CommentSubmitted validated(@Nullable CommentSubmitted comment) {
        if (comment == null) {
            throw new InvalidCommentException("empty record");
        }
        if (comment.schemaVersion() < 1 || comment.schemaVersion() > CommentSubmitted.SCHEMA_VERSION) {
            throw new InvalidCommentException("unsupported schemaVersion " + comment.schemaVersion());
        }
        if (isBlank(comment.commentId()) || isBlank(comment.siteId()) || comment.author() == null) {
            throw new InvalidCommentException("commentId, siteId and author are required");
        }
        if (isBlank(comment.author().id()) || comment.submittedAt() == null) {
            throw new InvalidCommentException("author.id and submittedAt are required");
        }
        if (comment.body() == null) {
            throw new InvalidCommentException("body is required");
        }
        return comment;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
