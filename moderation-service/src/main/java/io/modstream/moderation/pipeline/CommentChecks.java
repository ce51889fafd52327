package io.modstream.moderation.pipeline;

import io.modstream.events.CommentSubmitted;
import org.jspecify.annotations.Nullable;

/** Whether a parsed record on {@code comments.submitted} can be a comment this code moderates. */
final class CommentChecks {

    private CommentChecks() {}

    /** What is wrong with {@code comment}, or null when nothing is. */
    static @Nullable String problem(CommentSubmitted comment) {
        if (comment.schemaVersion() < 1 || comment.schemaVersion() > CommentSubmitted.SCHEMA_VERSION) {
            return "unsupported schemaVersion " + comment.schemaVersion();
        }
        if (isBlank(comment.commentId()) || isBlank(comment.siteId()) || comment.author() == null) {
            return "commentId, siteId and author are required";
        }
        if (isBlank(comment.author().id()) || comment.submittedAt() == null) {
            return "author.id and submittedAt are required";
        }
        if (comment.body() == null) {
            return "body is required";
        }
        return null;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
