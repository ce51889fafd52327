package io.modstream.moderation.policy;

/**
 * Where a stretch of plain words begins and ends, for {@link NormalizedText}: ASCII letters, and single separators
 * (a space, a comma, a line break: any ASCII char that is not a letter, digit, leet symbol or mask) each between a
 * word of two letters or more and a letter. The normalisation writes such a stretch as it is, lower-cased, with one
 * space for each separator, which is most of every comment.
 *
 * <p>Read char by char, the test at the end of every word (is the next char a letter?) is a branch the processor
 * mispredicts about once a word. So a stretch is judged in blocks of {@value #BLOCK} chars with table lookups and no
 * branch per char, as {@link PlainRun} does for the de-obfuscated view. The block test is conservative: it may fail a
 * block of plain words (then read char by char), never pass one that is not. Stateless.
 */
final class PlainWords {

    static final int BLOCK = 16;

    // As ints, to be combined without branches: 1 for an ASCII char that is
    private static final int[] NOT_LETTER = new int[0x80]; // not a letter
    private static final int[] NEITHER = new int[0x80]; // neither a letter nor a separator
    /** All bits set for a separator, 0 for any other char. A mask, not a flag. */
    private static final int[] SEPARATOR = new int[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean separator = !letter && !Character.isDigit(c) && "@$!|(+<*_#".indexOf(c) < 0;
            NOT_LETTER[c] = letter ? 0 : 1;
            NEITHER[c] = letter || separator ? 0 : 1;
            SEPARATOR[c] = separator ? -1 : 0;
        }
    }

    private PlainWords() {}

    /** For {@code c}, an ASCII char of a stretch of plain words: all bits set for a separator, 0 for a letter. */
    static int separatorMask(char c) {
        return SEPARATOR[c];
    }

    /**
     * The end of the whole blocks of plain words from {@code from}, or {@code from} if the first is not one. The two
     * chars before {@code from} must be read already, as part of a word with no digit or symbol: a separator at
     * {@code from} needs them to be letters.
     */
    static int end(char[] body, int from) {
        int i = from;
        while (i >= 2 && i + BLOCK < body.length && isPlainBlock(body, i)) {
            i += BLOCK;
        }
        return i;
    }

    /**
     * Whether every char in {@code [from, from + BLOCK)} is a letter, or a separator with letters at the two chars
     * before it and at the one after. May say no for a block of plain words; never says yes for one that is not.
     */
    private static boolean isPlainBlock(char[] body, int from) {
        int suspect = 0;
        for (int k = from; k < from + BLOCK; k++) {
            int c = body[k];
            int before = body[k - 1];
            int twoBefore = body[k - 2];
            int after = body[k + 1];
            int lettersAround = (before >>> 7)
                    | NOT_LETTER[before & 0x7F]
                    | (twoBefore >>> 7)
                    | NOT_LETTER[twoBefore & 0x7F]
                    | (after >>> 7)
                    | NOT_LETTER[after & 0x7F];
            suspect |= (c >>> 7) | NEITHER[c & 0x7F] | SEPARATOR[c & 0x7F] & lettersAround;
        }
        return suspect == 0;
    }
}
