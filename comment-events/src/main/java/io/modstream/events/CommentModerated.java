package io.modstream.events;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of moderating one comment. Published exactly once per comment to {@link Topics#COMMENTS_APPROVED},
 * {@link Topics#COMMENTS_REJECTED} or {@link Topics#COMMENTS_REVIEW} according to {@code verdict}, keyed by
 * {@code commentId}.
 *
 * @param schemaVersion version of this record's JSON shape; {@link #SCHEMA_VERSION} when written by this code
 * @param commentId same as {@code comment.commentId()}, repeated so consumers need not open the comment
 * @param siteId same as {@code comment.siteId()}
 * @param verdict the decision
 * @param reasons every check that fired, in the order the checks ran; empty for a plain approval
 * @param sanitizedText the body as plain text with all markup removed; safe to show after HTML escaping
 * @param sanitizedHtml the body as an HTML fragment reduced to a formatting safelist; nothing in it can run script
 * @param policyVersion the version of the site policy the decision was made under
 * @param decidedAt when the decision was made
 * @param comment the comment as submitted
 */
public record CommentModerated(
        int schemaVersion,
        String commentId,
        String siteId,
        Verdict verdict,
        List<Reason> reasons,
        String sanitizedText,
        String sanitizedHtml,
        String policyVersion,
        Instant decidedAt,
        CommentSubmitted comment) {

    /** The JSON shape this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public CommentModerated {
        reasons = List.copyOf(reasons);
    }
}
