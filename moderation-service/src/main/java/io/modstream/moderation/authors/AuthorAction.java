package io.modstream.moderation.authors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A moderator's action on an author, as posted to {@code POST /api/v1/sites/{siteId}/authors/{authorId}/actions}.
 *
 * @param action what to do
 * @param duration for {@link Kind#SUSPEND}: how long, as ISO-8601 ({@code PT12H}, {@code P7D}); at most a year
 * @param note replaces the moderators' note on the author when given
 * @param rejectPending for {@link Kind#BAN} and {@link Kind#SUSPEND}: also reject the author's comments in the queue;
 *     false when left out
 */
public record AuthorAction(
        @NotNull Kind action,
        @Nullable Duration duration,
        @Nullable @Size(max = 2000) String note,
        @Nullable Boolean rejectPending) {

    static final Duration LONGEST_SUSPENSION = Duration.ofDays(366);

    /** The actions. Ban, suspension and pre-moderation end trust; trust ends them. */
    public enum Kind {
        /** Reject every future comment. */
        BAN,
        /** Reject comments for {@code duration}. */
        SUSPEND,
        /** Hold every comment for review. */
        PREMODERATE,
        /** Approve comments that would be held only for suspect terms. */
        TRUST,
        /** Back to an ordinary author. */
        RESET
    }

    /** Why this action cannot be carried out, or null when it can. */
    @Nullable
    String problem() {
        if (action == Kind.SUSPEND) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                return "A suspension needs a positive duration, e.g. \"P7D\".";
            }
            if (duration.compareTo(LONGEST_SUSPENSION) > 0) {
                return "A suspension lasts at most a year; ban the author instead.";
            }
        } else if (duration != null) {
            return "Only a suspension takes a duration.";
        }
        if (rejectsPending() && action != Kind.BAN && action != Kind.SUSPEND) {
            return "Only a ban or a suspension rejects pending comments.";
        }
        return null;
    }

    boolean rejectsPending() {
        return Boolean.TRUE.equals(rejectPending);
    }

    Duration requiredDuration() {
        if (duration == null) {
            throw new IllegalStateException("checked by problem()");
        }
        return duration;
    }
}
