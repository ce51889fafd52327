package io.modstream.moderation.authors;

import java.time.Instant;

/**
 * A moderator's action on an author, as recorded on {@value #TOPIC} (keyed by {@link io.modstream.events.AuthorKeys#of(String, String)}) by the
 * author-action API. The pipeline's author task applies it to the author's standing; it is the standing's only writer.
 * Internal to moderation-service.
 *
 * @param schemaVersion 1
 * @param siteId the site
 * @param authorId the author
 * @param action what was done
 * @param moderator who did it
 * @param at when
 */
public record AuthorActionTaken(
        int schemaVersion, String siteId, String authorId, AuthorAction action, String moderator, Instant at) {

    /** Written by the author-action API, read by the pipeline; the standing it leads to lives in the author store. */
    public static final String TOPIC = "authors.actions";

    public static final int SCHEMA_VERSION = 1;
}
