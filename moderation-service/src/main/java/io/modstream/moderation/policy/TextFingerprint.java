package io.modstream.moderation.policy;

import com.ibm.icu.text.Normalizer2;

/**
 * A short, stable fingerprint of what a comment says, for spotting the same text posted again. Markup tags, case
 * (with full folding, so {@code ß} equals {@code ss}), compatibility forms (fullwidth letters), composed or decomposed
 * accents, white space and punctuation do not change it. Not a security hash; a collision only causes a false
 * "duplicate". Thread-safe.
 */
public final class TextFingerprint {

    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

    private TextFingerprint() {}

    public static String of(String text) {
        String folded = FOLD.normalize(withoutTags(text));
        // 64-bit FNV-1a over the letters and digits: fast, stable across JVMs, small to keep in the author's state.
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                hash ^= cp;
                hash *= 0x100000001b3L;
            }
            i += Character.charCount(cp);
        }
        return Long.toHexString(hash);
    }

    /** The text with {@code <tag ...>} runs removed, as a reader would not see them. */
    private static String withoutTags(String text) {
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
