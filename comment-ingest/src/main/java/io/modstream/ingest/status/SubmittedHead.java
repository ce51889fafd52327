package io.modstream.ingest.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.modstream.events.CommentSubmitted;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The part of a {@link CommentSubmitted} record the read side keeps: read from {@code comments.submitted} instead of
 * the whole comment, so that its body and the thread's URL and title (most of the record's bytes) are skipped by the
 * JSON parser without being decoded into strings. Every instance reads every accepted comment back, so this is work
 * done for each comment the service takes (docs/benchmarks.md, issue 12).
 *
 * @param commentId the comment
 * @param siteId the site that posted it
 * @param threadId the site's thread
 * @param parentId the comment it replies to, if any
 * @param author who wrote it: only the name is read
 * @param submittedAt when comment-ingest accepted it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SubmittedHead(
        String commentId,
        String siteId,
        String threadId,
        @Nullable String parentId,
        @Nullable AuthorName author,

        Instant submittedAt) {

    /** @param name the display name the site sent */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuthorName(@Nullable String name) {}

    /** The head of {@code comment}. */
    static SubmittedHead of(CommentSubmitted comment) {
        return new SubmittedHead(
                comment.commentId(),
                comment.siteId(),
                comment.threadId(),
                comment.parentId(),
                comment.author() == null
                        ? null
                        : new AuthorName(comment.author().name()),
                comment.submittedAt());
    }
}
