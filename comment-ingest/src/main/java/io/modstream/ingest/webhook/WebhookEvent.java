package io.modstream.ingest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modstream.events.CommentModerated;
import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body POSTed to a site's callback: one outcome of one comment. The wire format is documented in
 * docs/webhooks.md.
 *
 * @param eventId the same for every delivery of this outcome (a retry, a replay, a duplicate), so receivers can
 *     de-duplicate by it; a comment held and later decided has two outcomes, hence two event ids
 * @param type {@code comment.approved}, {@code comment.rejected} or {@code comment.held}
 * @param occurredAt when the outcome was decided
 * @param data the outcome
 */
record WebhookEvent(String eventId, String type, Instant occurredAt, Data data) {

    /**
     * @param status {@code APPROVED}, {@code REJECTED} or {@code IN_REVIEW}, as the status API says
     * @param sanitizedHtml only for approved comments: safe to insert as HTML
     */
    record Data(
            String commentId,
            String siteId,
            String threadId,
            String status,
            List<Reason> reasons,
            String sanitizedText,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String sanitizedHtml,

            String policyVersion) {}

    static WebhookEvent of(CommentModerated outcome) {
        Verdict verdict = outcome.verdict();
        return new WebhookEvent(
                eventId(outcome.commentId(), verdict),
                switch (verdict) {
                    case APPROVE -> "comment.approved";
                    case REJECT -> "comment.rejected";
                    case REVIEW -> "comment.held";
                },
                outcome.decidedAt(),
                new Data(
                        outcome.commentId(),
                        outcome.siteId(),
                        outcome.comment().threadId(),
                        switch (verdict) {
                            case APPROVE -> "APPROVED";
                            case REJECT -> "REJECTED";
                            case REVIEW -> "IN_REVIEW";
                        },
                        outcome.reasons(),
                        outcome.sanitizedText(),
                        verdict == Verdict.APPROVE ? outcome.sanitizedHtml() : null,
                        outcome.policyVersion()));
    }

    /** Derived from the comment and the verdict alone, so every delivery of one outcome carries the same id. */
    static String eventId(String commentId, Verdict verdict) {
        return UUID.nameUUIDFromBytes(
                        ("modstream-webhook:" + commentId + ":" + verdict).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
