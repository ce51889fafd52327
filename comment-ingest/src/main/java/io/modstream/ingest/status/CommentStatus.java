package io.modstream.ingest.status;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Reason;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one comment stands, as the site that posted it may see it.
 *
 * @param id the comment id
 * @param siteId the site that posted it
 * @param threadId the site's thread
 * @param parentId the comment it replies to, if any
 * @param authorName the display name the site sent
 * @param status where it stands
 * @param reasons why, in words a commenter can read, with spans into the submitted body; empty while pending
 * @param sanitizedText the text to show; only when approved
 * @param sanitizedHtml the formatting-only HTML to show; only when approved
 * @param submittedAt when comment-ingest accepted it
 * @param decidedAt when it reached its status; null while pending
 */
public record CommentStatus(
        String id,
        String siteId,
        String threadId,
        @Nullable String parentId,
        @Nullable String authorName,
        Status status,
        List<Reason> reasons,
        @Nullable String sanitizedText,
        @Nullable String sanitizedHtml,
        Instant submittedAt,
        @Nullable Instant decidedAt) {

    public CommentStatus {
        reasons = List.copyOf(reasons);
    }

    /** Where a comment can stand. A comment only ever moves forward: pending, maybe in review, then decided. */
    public enum Status {
        PENDING(0),
        IN_REVIEW(1),
        APPROVED(2),
        REJECTED(2);

        private final int rank;

        Status(int rank) {
            this.rank = rank;
        }

        /** Whether a comment at this status may move to {@code next}. */
        boolean mayMoveTo(Status next) {
            return next.rank > rank;
        }
    }

    static CommentStatus pending(CommentSubmitted comment) {
        return pending(SubmittedHead.of(comment));
    }

    static CommentStatus pending(SubmittedHead comment) {
        return new CommentStatus(
                comment.commentId(),
                comment.siteId(),
                comment.threadId(),
                comment.parentId(),
                comment.author() == null ? null : comment.author().name(),
                Status.PENDING,
                List.of(),
                null,
                null,
                comment.submittedAt(),
                null);
    }

    static CommentStatus of(OutcomeHead outcome) {
        Status status = switch (outcome.verdict()) {
            case APPROVE -> Status.APPROVED;
            case REJECT -> Status.REJECTED;
            case REVIEW -> Status.IN_REVIEW;
        };
        boolean approved = status == Status.APPROVED;
        SubmittedHead comment = outcome.comment();
        return new CommentStatus(
                outcome.commentId(),
                outcome.siteId(),
                comment.threadId(),
                comment.parentId(),
                comment.author() == null ? null : comment.author().name(),
                status,
                outcome.reasons(),
                approved ? outcome.sanitizedText() : null,
                approved ? outcome.sanitizedHtml() : null,
                comment.submittedAt(),
                outcome.decidedAt());
    }

    /** The id of this comment in a thread's event stream: ordered by approval time, then comment id. */
    String eventId() {
        return (decidedAt == null ? 0 : decidedAt.toEpochMilli()) + "-" + id;
    }
}
