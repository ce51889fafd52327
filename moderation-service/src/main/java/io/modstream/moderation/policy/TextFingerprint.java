package io.modstream.moderation.policy;

import java.util.Locale;

/**
 * A short, stable fingerprint of what a comment says, for spotting the same text posted again: case, white space
 * and punctuation do not change it. Not a security hash; collisions only cause a false "duplicate".
 */
public final class TextFingerprint {

    private TextFingerprint() {}

    public static String of(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(letters::appendCodePoint);
        // 64-bit FNV-1a: fast, stable across JVMs, and small to keep in the author's state.
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < letters.length(); i++) {
            hash ^= letters.charAt(i);
            hash *= 0x100000001b3L;
        }
        return Long.toHexString(hash);
    }
}
