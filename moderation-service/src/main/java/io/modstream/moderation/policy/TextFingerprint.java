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

    // 64-bit FNV-1a over the letters and digits: fast, stable across JVMs, small to keep in the author's state.
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextFingerprint() {}

    public static String of(String text) {
        String visible = withoutTags(text);
        if (isAscii(visible)) {
            return Long.toHexString(asciiHash(visible));
        }
        String folded = FOLD.normalize(visible);
        long hash = FNV_OFFSET;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                hash = (hash ^ cp) * FNV_PRIME;
            }
            i += Character.charCount(cp);
        }
        return Long.toHexString(hash);
    }

    /**
     * The same hash for text that is all ASCII, without ICU: there NFKC case folding only lowers {@code A-Z}, and the
     * letters and digits are {@code a-z} and {@code 0-9}. Most comments are ASCII, and folding them through ICU was a
     * twentieth of the pipeline's stream thread.
     */
    private static long asciiHash(String text) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                hash = (hash ^ c) * FNV_PRIME;
            }
        }
        return hash;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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
