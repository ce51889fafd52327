package io.modstream.moderation.review;

import io.modstream.events.ModeratorDecision;
import io.modstream.events.Verdict;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One decision in the audit trail: who decided what about which comment, when, why, and under which policy version.
 *
 * @param decisionId the decision
 * @param commentId the comment
 * @param siteId its site
 * @param authorId the comment's author
 * @param action approve or reject
 * @param reason what the author was told
 * @param note the moderator's private note
 * @param moderator who
 * @param decidedAt when
 * @param policyVersion the policy the comment was held under
 * @param applied true for the decision that took effect; false for one that came after another had decided
 */
public record AuditEntry(
        String decisionId,
        String commentId,
        String siteId,
        String authorId,
        Verdict action,
        @Nullable String reason,
        @Nullable String note,
        String moderator,
        Instant decidedAt,
        String policyVersion,
        boolean applied) {

    /** The entry for {@code decision}; {@code applied} when it was the first about its comment. */
    public static AuditEntry of(ModeratorDecision decision, boolean applied) {
        return new AuditEntry(
                decision.decisionId(),
                decision.commentId(),
                decision.siteId(),
                decision.held().comment().author().id(),
                decision.action(),
                decision.reason(),
                decision.note(),
                decision.moderator(),
                decision.decidedAt(),
                decision.held().policyVersion(),
                applied);
    }
}
