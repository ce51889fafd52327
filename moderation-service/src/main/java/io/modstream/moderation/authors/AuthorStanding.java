package io.modstream.moderation.authors;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What moderators decided about one author on one site, part of its {@link AuthorState} in the pipeline's
 * {@code authors} store; changed only by the pipeline, from {@code authors.actions}. Internal to moderation-service.
 *
 * @param schemaVersion 1
 * @param revision rises by one with every change
 * @param siteId the site
 * @param authorId the site's id of the author
 * @param banned every comment is rejected
 * @param suspendedUntil comments are rejected until then; null when not suspended
 * @param premoderated every comment is held for review
 * @param trusted comments held only for suspect terms are approved
 * @param note the moderators' note on the author; never shown to the author
 * @param changedBy who made the last change
 * @param changedAt when
 */
public record AuthorStanding(
        int schemaVersion,
        long revision,
        String siteId,
        String authorId,
        boolean banned,
        @Nullable Instant suspendedUntil,
        boolean premoderated,
        boolean trusted,
        @Nullable String note,
        @Nullable String changedBy,
        @Nullable Instant changedAt) {

    /** An author nobody has acted on. */
    public static AuthorStanding ordinary(String siteId, String authorId) {
        return new AuthorStanding(1, 0, siteId, authorId, false, null, false, false, null, null, null);
    }

    /** Whether the author is suspended at {@code now}. */
    public boolean suspendedAt(Instant now) {
        return suspendedUntil != null && now.isBefore(suspendedUntil);
    }

    /** This standing after {@code action}, made by {@code moderator} at {@code now}. */
    AuthorStanding after(AuthorAction action, String moderator, Instant now) {
        String newNote = action.note() == null ? note : action.note();
        long next = revision + 1;
        return switch (action.action()) {
            case BAN ->
                new AuthorStanding(
                        1, next, siteId, authorId, true, suspendedUntil, premoderated, false, newNote, moderator, now);
            case SUSPEND ->
                new AuthorStanding(
                        1,
                        next,
                        siteId,
                        authorId,
                        banned,
                        now.plus(action.requiredDuration()),
                        premoderated,
                        false,
                        newNote,
                        moderator,
                        now);
            case PREMODERATE ->
                new AuthorStanding(
                        1, next, siteId, authorId, banned, suspendedUntil, true, false, newNote, moderator, now);
            case TRUST ->
                new AuthorStanding(1, next, siteId, authorId, false, null, false, true, newNote, moderator, now);
            case RESET ->
                new AuthorStanding(1, next, siteId, authorId, false, null, false, false, newNote, moderator, now);
        };
    }
}
