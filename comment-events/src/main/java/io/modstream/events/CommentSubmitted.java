package io.modstream.events;

import java.time.Instant;

/**
 * A comment a site has handed to Modstream, exactly as the site sent it (the body is not yet cleaned). Published
 * to {@link Topics#COMMENTS_SUBMITTED}, keyed by its author ({@link AuthorKeys#of(CommentSubmitted)}).
 *
 * @param schemaVersion version of this record's JSON shape; {@link #SCHEMA_VERSION} when written by this code
 * @param commentId the id Modstream assigned; unique across sites
 * @param siteId the tenant, derived from the API key, never from the request body
 * @param threadId the site's id of the article or thread the comment belongs to
 * @param threadUrl optional public URL of the thread
 * @param threadTitle optional title of the thread
 * @param parentId optional comment id this one replies to
 * @param author who wrote it
 * @param body the raw text, possibly with markup
 * @param submittedAt when comment-ingest accepted it
 */
public record CommentSubmitted(
        int schemaVersion,
        String commentId,
        String siteId,
        String threadId,
        String threadUrl,
        String threadTitle,
        String parentId,
        Author author,
        String body,
        Instant submittedAt) {

    /** The JSON shape this code writes. Readers accept this version and older ones. */
    public static final int SCHEMA_VERSION = 1;
}
