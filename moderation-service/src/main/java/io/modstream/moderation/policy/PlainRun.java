package io.modstream.moderation.policy;

/**
 * Where a run of plain ASCII ends, for {@link DeobfuscatedText}: chars it keeps as they are, that begin no disguised
 * separator. That is most of every comment, so this is the view's inner loop.
 *
 * <p>Read char by char, the test at every space (is it the space between two words?) is a branch the processor
 * mispredicts about once a word, and that cost more than the rest of the loop. So the run is read in blocks of
 * {@value #BLOCK} chars first, each judged with table lookups and no branch per char, and char by char only in a
 * block that has something else. The block test is conservative (a char it cannot judge cheaply, such as a space
 * after a non-ASCII char, fails the block, which is then read char by char), never the other way. Stateless.
 */
final class PlainRun {

    private static final int BLOCK = 16;

    /** ASCII that cannot begin a separator, the space aside; looked up rather than compared at every char. */
    private static final boolean[] PLAIN = new boolean[0x80];

    // For the block test, as ints to be combined without branches: 1 for an ASCII char that is
    private static final int[] NEVER_PLAIN = new int[0x80]; // not plain in any context
    private static final int[] NOT_AFTER_SPACE = new int[0x80]; // after a space, makes it not plain
    /** All bits set for a space, plain or not by its neighbours; 0 for any other char. A mask, not a flag. */
    private static final int[] SPACE = new int[0x80];

    private static final int[] DOT = new int[0x80];
    private static final int[] LOWER = new int[0x80]; // after a dot and a space, makes the space not plain

    static {
        for (char c = 0; c < 0x80; c++) {
            PLAIN[c] = !DeobfuscatedText.mayStartSeparator(c);
            NEVER_PLAIN[c] = PLAIN[c] || c == ' ' ? 0 : 1;
            SPACE[c] = c == ' ' ? -1 : 0;
            NOT_AFTER_SPACE[c] = ObfuscatedSeparator.mayBeginAfterSpace(c) ? 1 : 0;
            DOT[c] = c == '.' ? 1 : 0;
            LOWER[c] = c >= 'a' && c <= 'z' ? 1 : 0;
        }
    }

    private PlainRun() {}

    /**
     * Whether the char at {@code i} is ASCII that begins no separator: most chars, and the space between two words
     * ({@link ObfuscatedSeparator#isSpaceBetweenWordsAt}).
     */
    static boolean isPlainAt(String body, int i) {
        char c = body.charAt(i);
        return c < 0x80 && (PLAIN[c] || ObfuscatedSeparator.isSpaceBetweenWordsAt(body, i));
    }

    /** The first index at or after {@code from} whose char is not {@link #isPlainAt plain}, or the body's length. */
    static int end(String body, int from) {
        int length = body.length();
        int i = from;
        while (true) {
            while (i >= 1 && i + BLOCK < length && isPlainBlock(body, i)) {
                i += BLOCK;
            }
            int stop = Math.min(length, i + BLOCK);
            while (i < stop && isPlainAt(body, i)) {
                i++;
            }
            if (i < stop || i == length) {
                return i;
            }
        }
    }

    /**
     * Whether every char in {@code [from, from + BLOCK)} is plain, a char before and after the block being there.
     * May say no for a plain block; never says yes for one that is not.
     */
    private static boolean isPlainBlock(String body, int from) {
        int suspect = 0;
        for (int k = from; k < from + BLOCK; k++) {
            int c = body.charAt(k);
            int before = body.charAt(k - 1) & 0x7F; // a non-ASCII char taken for an ASCII one: at worst a dot
            int after = body.charAt(k + 1);
            int ascii = c & 0x7F;
            int nextAscii = after & 0x7F;
            // c is not ASCII, or never plain, or a space before a non-ASCII char, a char that may begin a
            // separator, or a lower-case letter after a dot
            suspect |= (c >>> 7)
                    | NEVER_PLAIN[ascii]
                    | SPACE[ascii] & ((after >>> 7) | NOT_AFTER_SPACE[nextAscii] | DOT[before] & LOWER[nextAscii]);
        }
        return suspect == 0;
    }
}
