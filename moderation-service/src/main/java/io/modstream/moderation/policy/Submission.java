package io.modstream.moderation.policy;

import java.time.Instant;

/**
 * One comment as the engine sees it: the original body, who wrote it and when, and what that author did recently
 * (for the checks that compare a comment with earlier ones).
 *
 * @param body the original body, markup included
 * @param authorId the site's id of the author
 * @param submittedAt when the site submitted it
 * @param recent the author's recent activity on this site; {@link AuthorActivity#NONE} when unknown
 */
public record Submission(String body, String authorId, Instant submittedAt, AuthorActivity recent) {

    /** A submission with no known history, for text-only checks, dry runs and tests. */
    public static Submission of(String body) {
        return new Submission(body, "anonymous", Instant.EPOCH, AuthorActivity.NONE);
    }
}
