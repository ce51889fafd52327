package io.modstream.events;

/**
 * The key of everything kept about one author on one site: {@code siteId + "/" + authorId}. It is also the key of
 * {@link Topics#COMMENTS_SUBMITTED}, so that each author's comments arrive in one partition, in order, at the task
 * that holds the author's state.
 */
public final class AuthorKeys {

    private AuthorKeys() {}

    public static String of(String siteId, String authorId) {
        return siteId + "/" + authorId;
    }

    /** The key {@code comment} is published under. */
    public static String of(CommentSubmitted comment) {
        return of(comment.siteId(), comment.author().id());
    }
}
