package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.List;

/**
 * Bounds a comment's length in characters a reader sees: tags, combining marks and invisible format characters do
 * not count, a surrogate pair counts once. Too short spans the whole body; too long spans from the first character
 * past the limit. Immutable and thread-safe.
 */
final class LengthCheck implements Check {

    private final int min;
    private final int max;
    private final Action action;

    LengthCheck(int min, int max, Action action) {
        this.min = min;
        this.max = max;
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        String body = submission.body();
        int visible = 0;
        boolean inTag = false;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            if (cp == '<' && i + 1 < body.length() && isTagStart(body.charAt(i + 1))) {
                inTag = true;
            } else if (inTag && cp == '>') {
                inTag = false;
            } else if (!inTag && isVisible(cp)) {
                visible++;
                if (visible > max) {
                    return List.of(new Finding(
                            ReasonCodes.LENGTH,
                            "Comments may be at most " + max + " characters long.",
                            i,
                            body.length(),
                            action));
                }
            }
            i += Character.charCount(cp);
        }
        if (visible < min) {
            return List.of(new Finding(
                    ReasonCodes.LENGTH,
                    "Comments must be at least " + min + " characters long.",
                    0,
                    body.length(),
                    action));
        }
        return List.of();
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!';
    }

    private static boolean isVisible(int cp) {
        int type = Character.getType(cp);
        return !Character.isWhitespace(cp)
                        && type != Character.NON_SPACING_MARK
                        && type != Character.ENCLOSING_MARK
                        && type != Character.FORMAT
                        && type != Character.CONTROL
                || cp == ' ';
    }
}
