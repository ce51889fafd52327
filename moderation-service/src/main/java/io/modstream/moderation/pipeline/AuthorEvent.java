package io.modstream.moderation.pipeline;

import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Verdict;
import io.modstream.moderation.authors.AuthorActionTaken;
import org.jspecify.annotations.Nullable;

/**
 * Something that changes what is kept about an author, on its way to the author's task: the value of the
 * {@code author-events} repartition topic, keyed by {@link io.modstream.events.AuthorKeys#of(String, String)}. Exactly one field is set.
 *
 * @param submitted a new comment to moderate
 * @param decided a moderator's decision on one of the author's held comments that took effect
 * @param action a moderator's action on the author
 */
record AuthorEvent(
        @Nullable CommentSubmitted submitted,
        @Nullable Decided decided,
        @Nullable AuthorActionTaken action) {

    /**
     * A held comment that a moderator decided.
     *
     * @param siteId the comment's site
     * @param authorId its author
     * @param commentId the comment
     * @param verdict approve or reject
     */
    record Decided(String siteId, String authorId, String commentId, Verdict verdict) {}

    static AuthorEvent submitted(CommentSubmitted comment) {
        return new AuthorEvent(comment, null, null);
    }

    static AuthorEvent decided(ModeratorDecision decision) {
        return new AuthorEvent(
                null,
                new Decided(
                        decision.siteId(),
                        decision.held().comment().author().id(),
                        decision.commentId(),
                        decision.action()),
                null);
    }

    static AuthorEvent action(AuthorActionTaken action) {
        return new AuthorEvent(null, null, action);
    }

    static String keyOf(ModeratorDecision decision) {
        return AuthorKeys.of(
                decision.siteId(), decision.held().comment().author().id());
    }

    static String keyOf(AuthorActionTaken action) {
        return AuthorKeys.of(action.siteId(), action.authorId());
    }
}
