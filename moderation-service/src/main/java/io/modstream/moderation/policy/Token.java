package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of characters that could be a URL or a domain, with its position in the text. Quotes, angle brackets,
 * brackets and white space end a token, so markup such as {@code <a href="https://x.org">} yields the address on its
 * own; trailing sentence punctuation is not part of a token.
 *
 * @param text the token
 * @param start index of its first char in the text
 * @param end index just past its last char
 */
record Token(String text, int start, int end) {

    /** Splits {@code text} into tokens in one pass. */
    static List<Token> split(String text) {
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inToken = i < text.length() && isTokenChar(text.charAt(i));
            if (inToken && start < 0) {
                start = i;
            } else if (!inToken && start >= 0) {
                int end = i;
                while (end > start && isTrailingPunctuation(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    tokens.add(new Token(text.substring(start, end), start, end));
                }
                start = -1;
            }
        }
        return tokens;
    }

    private static boolean isTokenChar(char c) {
        return !Character.isWhitespace(c) && "\"'<>()[]{}`|\\^".indexOf(c) < 0 && !Character.isISOControl(c);
    }

    private static boolean isTrailingPunctuation(char c) {
        return ".,;:!?".indexOf(c) >= 0;
    }
}
