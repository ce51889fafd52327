package io.modstream.moderation.policy;

import com.ibm.icu.text.Normalizer2;

/**
 * A short, stable fingerprint of what a comment says, for spotting the same text posted again. Markup tags, case
 * (with full folding, so {@code ß} equals {@code ss}), compatibility forms (fullwidth letters), composed or decomposed
 * accents, white space and punctuation do not change it. Not a security hash; a collision only causes a false
 * "duplicate". Thread-safe.
 *
 * <p>Folding a whole comment through ICU was most of the duplicate check's cost once a comment had one accented
 * letter. Folding goes piece by piece instead, at ICU's normalisation boundaries, and a Latin-1 char that is a piece on
 * its own (almost every char) is folded by table; both give the letters and digits that folding the whole text gives.
 */
public final class TextFingerprint {

    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

    // 64-bit FNV-1a over the letters and digits: fast, stable across JVMs, small to keep in the author's state.
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    // What each Latin-1 char folds to on its own: its one letter or digit, 0 for none (punctuation, space), -1
    // for more (ß is ss, ¼ is 1⁄4); and whether it always starts a new piece of folding. Both from ICU itself.
    private static final int[] LATIN1_FOLDED = new int[0x100];
    private static final boolean[] LATIN1_STARTS_SEGMENT = new boolean[0x100];

    static {
        for (char c = 0; c < 0x100; c++) {
            String folded = FOLD.normalize(String.valueOf(c));
            long kept = folded.codePoints().filter(Character::isLetterOrDigit).count();
            LATIN1_FOLDED[c] = kept == 0 ? 0 : kept == 1 && folded.length() == 1 ? folded.charAt(0) : -1;
            LATIN1_STARTS_SEGMENT[c] = FOLD.hasBoundaryBefore(c);
        }
    }

    private TextFingerprint() {}

    public static String of(String text) {
        String visible = withoutTags(text);
        long hash = FNV_OFFSET;
        int length = visible.length();
        int i = 0;
        while (i < length) {
            char c = visible.charAt(i);
            int next = i + 1;
            if (c < 0x100 && (next == length || startsSegmentAt(visible, next))) {
                // A Latin-1 char that folds on its own, as almost every char of most comments: by table.
                int folded = LATIN1_FOLDED[c];
                if (folded > 0) {
                    hash = (hash ^ folded) * FNV_PRIME;
                } else if (folded < 0) {
                    hash = hashLettersAndDigits(hash, FOLD.normalize(String.valueOf(c)));
                }
                i = next;
                continue;
            }
            int end = i + Character.charCount(visible.codePointAt(i));
            while (end < length && !startsSegmentAt(visible, end)) {
                end += Character.charCount(visible.codePointAt(end));
            }
            hash = hashLettersAndDigits(hash, FOLD.normalize(visible.subSequence(i, end)));
            i = end;
        }
        return Long.toHexString(hash);
    }

    /**
     * Whether nothing before the code point at {@code at} changes how it folds (ICU's normalisation boundary): the text is then folded
     * in pieces that start at such code points, each on its own, which gives what folding all of it gives.
     */
    private static boolean startsSegmentAt(String text, int at) {
        char c = text.charAt(at);
        return c < 0x100 ? LATIN1_STARTS_SEGMENT[c] : FOLD.hasBoundaryBefore(text.codePointAt(at));
    }

    private static long hashLettersAndDigits(long hash, String folded) {
        long result = hash;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                result = (result ^ cp) * FNV_PRIME;
            }
            i += Character.charCount(cp);
        }
        return result;
    }

    /** The text with {@code <tag ...>} runs removed, as a reader would not see them. */
    static String withoutTags(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<' && i + 1 < text.length() && isTagStart(text.charAt(i + 1))) {
                int close = text.indexOf('>', i + 1);
                if (close < 0) {
                    break; // an unclosed tag: jsoup drops the rest too
                }
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/';
    }
}
