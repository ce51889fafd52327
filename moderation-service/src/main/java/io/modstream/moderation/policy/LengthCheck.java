package io.modstream.moderation.policy;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.GraphemeClusterBreak;
import com.ibm.icu.lang.UProperty;
import io.modstream.events.ReasonCodes;
import java.util.List;

/**
 * Bounds a comment's length in characters a reader sees: tags, combining marks and invisible format characters do
 * not count, a surrogate pair counts once, and so does an emoji sequence (a family joined with U+200D, a skin tone,
 * a flag). White space between words counts once however long it is, and white space at either end not at all, so
 * a comment of spaces is empty. Too short spans the whole body; too long spans from the first character past the
 * limit. One pass. Immutable and thread-safe.
 */
final class LengthCheck implements Check {

    private static final int ZWJ = 0x200D;

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
        if (action == Action.ALLOW) {
            return List.of();
        }
        String body = submission.body();
        int visible = 0;
        int spaceAt = -1; // where the white space since the last counted character starts
        int previous = -1;
        int regionalIndicators = 0;
        boolean inTag = false;
        // Each counted character takes at least one char, so a body no longer than the limit is never too long, and
        // once it has the minimum the answer is known: most comments stop counting at their first character.
        int enough = body.length() <= max ? Math.max(min, 1) : Integer.MAX_VALUE;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            regionalIndicators = isRegionalIndicator(cp) ? regionalIndicators + 1 : 0;
            if (inTag) {
                inTag = cp != '>';
            } else if (cp == '<' && i + 1 < body.length() && isTagStart(body.charAt(i + 1))) {
                inTag = true;
            } else if (cp < 0x80
                    ? SpamCheck.isAsciiWhitespace(cp)
                    : Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                spaceAt = visible > 0 && spaceAt < 0 ? i : spaceAt;
            } else if (startsCharacter(cp, previous, regionalIndicators)) {
                if (spaceAt >= 0 && ++visible > max) {
                    return tooLong(spaceAt, body.length());
                }
                spaceAt = -1;
                if (++visible > max) {
                    return tooLong(i, body.length());
                }
                if (visible >= enough) {
                    return List.of();
                }
            }
            previous = cp;
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

    private List<Finding> tooLong(int start, int end) {
        return List.of(new Finding(
                ReasonCodes.LENGTH, "Comments may be at most " + max + " characters long.", start, end, action));
    }

    /** What jsoup reads as markup rather than text: a letter, or a closing, comment or processing tag. */
    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    /** Whether the code point begins a character a reader sees, rather than extending or hiding. */
    private static boolean startsCharacter(int cp, int previous, int regionalIndicators) {
        if (cp > 0x20 && cp < 0x7F) {
            return true; // printable ASCII, most of most comments: no property lookups
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return false;
        }
        return switch (UCharacter.getIntPropertyValue(cp, UProperty.GRAPHEME_CLUSTER_BREAK)) {
            case GraphemeClusterBreak.CONTROL,
                    GraphemeClusterBreak.EXTEND,
                    GraphemeClusterBreak.SPACING_MARK,
                    GraphemeClusterBreak.ZWJ -> false;
            case GraphemeClusterBreak.REGIONAL_INDICATOR -> regionalIndicators % 2 == 1;
            default -> previous != ZWJ || !UnicodeCheck.isPictographic(cp);
        };
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
