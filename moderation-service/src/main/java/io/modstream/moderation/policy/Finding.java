package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import org.jspecify.annotations.Nullable;

/**
 * What a check found, where, and what the site wants done about it.
 *
 * @param code a stable reason code, see {@link io.modstream.events.ReasonCodes}
 * @param message a sentence a commenter can read
 * @param start index of the first UTF-16 char of the trigger in the original body
 * @param end index just past the trigger ({@code start <= end <= body.length()})
 * @param action what to do; {@link Action#STRIP} replaces the span with {@code replacement}
 * @param replacement the text that replaces the span when stripping; null means remove it
 */
public record Finding(
        String code,
        String message,
        int start,
        int end,
        Action action,
        @Nullable String replacement) {

    public Finding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** A finding with no replacement text. */
    public Finding(String code, String message, int start, int end, Action action) {
        this(code, message, start, end, action, null);
    }

    /** The reason as it appears on the outcome event. */
    public Reason reason() {
        return new Reason(code, message, start, end);
    }
}
