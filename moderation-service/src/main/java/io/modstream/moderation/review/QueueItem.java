package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.events.Reason;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A held comment as moderators see it.
 *
 * @param commentId the comment
 * @param siteId its site
 * @param threadId the site's thread
 * @param threadTitle the thread's title, if the site sent one
 * @param author who wrote it
 * @param body the body exactly as submitted; reason spans index into it. Show it as text, never as HTML
 * @param sanitizedText what would be published
 * @param reasons why it was held, with spans in {@code body}
 * @param policyVersion the policy it was held under
 * @param submittedAt when the site sent it
 * @param heldAt when it entered the queue
 */
public record QueueItem(
        String commentId,
        String siteId,
        String threadId,
        @Nullable String threadTitle,
        Author author,
        String body,
        String sanitizedText,
        List<Reason> reasons,
        String policyVersion,
        Instant submittedAt,
        Instant heldAt) {

    /**
     * The author as the site named them.
     *
     * @param id the site's id of the author
     * @param name the display name
     */
    public record Author(String id, @Nullable String name) {}

    static QueueItem of(CommentModerated held) {
        return new QueueItem(
                held.commentId(),
                held.siteId(),
                held.comment().threadId(),
                held.comment().threadTitle(),
                new Author(held.comment().author().id(), held.comment().author().name()),
                held.comment().body(),
                held.sanitizedText(),
                held.reasons(),
                held.policyVersion(),
                held.comment().submittedAt(),
                held.decidedAt());
    }

    boolean hasReason(String code) {
        return reasons.stream().anyMatch(reason -> reason.code().equals(code));
    }
}
