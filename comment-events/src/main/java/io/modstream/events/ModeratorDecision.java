package io.modstream.events;

import java.time.Instant;

/**
 * A moderator's approve or reject of a comment held for review. Published to {@link Topics#MODERATION_DECISIONS},
 * keyed by {@code commentId}, so every decision about one comment lands on one partition in the order it was made:
 * the first decision there wins, later ones are kept for the audit trail but change nothing.
 *
 * <p>The decision carries the held outcome it decided on, so applying it needs nothing else.
 *
 * @param schemaVersion version of this record's JSON shape; {@link #SCHEMA_VERSION} when written by this code
 * @param decisionId unique id of this decision
 * @param commentId the comment decided on
 * @param siteId the comment's site
 * @param action {@link Verdict#APPROVE} or {@link Verdict#REJECT}
 * @param reason explanation shown to the author; null for none
 * @param note private note for other moderators, never published to the site; null for none
 * @param moderator the username of who decided
 * @param decidedAt when
 * @param held the outcome that put the comment in the queue, with the policy version it was held under
 */
public record ModeratorDecision(
        int schemaVersion,
        String decisionId,
        String commentId,
        String siteId,
        Verdict action,
        String reason,
        String note,
        String moderator,
        Instant decidedAt,
        CommentModerated held) {

    /** The JSON shape this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public ModeratorDecision {
        if (action == Verdict.REVIEW) {
            throw new IllegalArgumentException("a moderator approves or rejects");
        }
    }
}
