package io.modstream.moderation.policy;

/**
 * What one pass over a comment's body learns for several steps of the engine, so that each need not read the body
 * again: the counts {@link SpamCheck} judges, whether jsoup would return the body as it is
 * ({@link Markup#isPlainText}), and whether {@link UnicodeCheck} has anything to look at. Built once per {@link Submission}.
 *
 * <p>The spam counts: letters, capitals, at-signs (every {@code @mention} has one), emoji, and the longest run of one
 * repeatable character. When none of them is past a limit the check has nothing to report, which is true of almost
 * every comment; only the rest pay for the scan that finds where each signal starts. The counts follow the check's
 * scan exactly (same runs, same emoji), and the at-signs can only over-count mentions, so "nothing past a limit"
 * never hides a finding. Latin-1 chars (ASCII and the accented letters of western languages), most of most comments,
 * are answered by two table lookups, one addition for all counts and no hard-to-predict branch.
 *
 * @param letters letters, as {@link Character#isLetter}
 * @param upper upper-case letters among them
 * @param atSigns at-signs, at least as many as mentions
 * @param emoji emoji, counted as the spam check counts them
 * @param longestRun the longest run of one character (case ignored) that may make a run; white space and digits
 *     never do
 * @param plainText what {@link Markup#isPlainText} answers for the body
 * @param unicodePlain whether every char is one {@link UnicodeCheck} passes without a question ({@link
 *     UnicodeCheck#isPlain}), so that it has nothing to report
 */
record TextProfile(
        int letters, int upper, int atSigns, int emoji, int longestRun, boolean plainText, boolean unicodePlain) {

    // Latin-1 chars are answered by two tables. COUNTS packs what a char adds to six counts, FIELD_BITS each, so
    // one addition counts them all; a stretch of at most CHUNK chars cannot overflow a field.
    private static final int FIELD_BITS = 10;
    private static final int CHUNK = (1 << FIELD_BITS) - 1;
    private static final long FIELD = CHUNK;
    private static final int UPPER_AT = FIELD_BITS;
    private static final int AT_SIGN_AT = 2 * FIELD_BITS;
    private static final int CHANGED_AT = 3 * FIELD_BITS; // chars jsoup would not return as they are
    private static final int PICTOGRAPH_AT = 4 * FIELD_BITS; // © and ®, the only emoji in Latin-1
    private static final int UNICODE_AT = 5 * FIELD_BITS; // chars the Unicode check asks about
    private static final long[] COUNTS = new long[0x100];
    // RUN_KEYS: the folded char when it may make a run, else its complement, which no folded char equals.
    private static final int[] RUN_KEYS = new int[0x100];
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    static {
        for (char c = 0; c < 0x100; c++) {
            int kind = SpamCheck.latin1Kind(c);
            boolean plain = (c >= 0x20 && c < 0x7F && c != '<' && c != '&') || c == '\t' || c == '\n' || c >= 0xA0;
            COUNTS[c] = (kind & SpamCheck.LETTER)
                    | (long) ((kind & SpamCheck.UPPER) >> 1) << UPPER_AT
                    | (long) (c == '@' ? 1 : 0) << AT_SIGN_AT
                    | (long) (plain ? 0 : 1) << CHANGED_AT
                    | (long) ((kind & SpamCheck.PICTOGRAPH) != 0 ? 1 : 0) << PICTOGRAPH_AT
                    | (long) (UnicodeCheck.isPlain(c) ? 0 : 1) << UNICODE_AT;
            int folded = SpamCheck.latin1Lower(c);
            RUN_KEYS[c] = (kind & SpamCheck.REPEATABLE) != 0 ? folded : ~folded;
        }
    }

    static TextProfile of(String body) {
        int letters = 0;
        int upper = 0;
        int atSigns = 0;
        int changed = 0;
        int unicodeQuestions = 0;
        int emoji = 0;
        int runChar = Integer.MIN_VALUE; // the folded char of the run so far; no char folds to this
        int runLength = 0;
        int longestRun = 0;
        int regionalIndicators = 0;
        int length = body.length();
        int i = 0;
        while (i < length) {
            long counts = 0;
            int stretchStart = i;
            int stretchEnd = length - i > CHUNK ? i + CHUNK : length;
            while (i < stretchEnd) {
                char c = body.charAt(i);
                if (c >= 0x100) {
                    break;
                }
                counts += COUNTS[c];
                // As the spam check's scan: a run goes on while the folded char is the same and may repeat.
                int key = RUN_KEYS[c];
                runLength = key == runChar ? runLength + 1 : 1;
                runChar = key ^ (key >> 31);
                longestRun = Math.max(longestRun, runLength);
                i++;
            }
            letters += (int) (counts & FIELD);
            upper += (int) (counts >>> UPPER_AT & FIELD);
            atSigns += (int) (counts >>> AT_SIGN_AT & FIELD);
            changed += (int) (counts >>> CHANGED_AT & FIELD);
            emoji += (int) (counts >>> PICTOGRAPH_AT & FIELD);
            unicodeQuestions += (int) (counts >>> UNICODE_AT & FIELD);
            regionalIndicators = i > stretchStart ? 0 : regionalIndicators;
            if (i == stretchEnd) {
                continue;
            }
            // Any other code point, as the spam check's scan reads it.
            int cp = body.codePointAt(i);
            int kind = SpamCheck.kind(cp);
            int folded = Character.toLowerCase(cp);
            runLength = folded == runChar && (kind & SpamCheck.REPEATABLE) != 0 ? runLength + 1 : 1;
            runChar = folded;
            longestRun = Math.max(longestRun, runLength);
            letters += kind & SpamCheck.LETTER;
            upper += (kind & SpamCheck.UPPER) >> 1;
            changed += isPlain(cp) ? 0 : 1;
            unicodeQuestions++;
            regionalIndicators = SpamCheck.isRegionalIndicator(cp) ? regionalIndicators + 1 : 0;
            int previous = i > 0 ? body.codePointBefore(i) : -1;
            if (SpamCheck.startsEmoji(cp, previous, regionalIndicators)) {
                emoji++;
            }
            i += Character.charCount(cp);
            if (cp == ZERO_WIDTH_JOINER && i < length && (body.charAt(i) == 0xA9 || body.charAt(i) == 0xAE)) {
                emoji--; // the table counts © and ® as emoji, but after a joiner they belong to the one before
            }
        }
        return new TextProfile(letters, upper, atSigns, emoji, longestRun, changed == 0, unicodeQuestions == 0);
    }

    /** Whether any spam count is past its limit; if none is, the spam check finds nothing. */
    boolean pastAnySpamLimit(SpamCheck.Limits limits) {
        return longestRun > limits.maxRun()
                || atSigns > limits.maxMentions()
                || emoji > limits.maxEmoji()
                || SpamCheck.isShouting(letters, upper, limits);
    }

    /**
     * {@link Markup#isPlainText}'s test for a code point from U+0100: a whole surrogate pair is kept, a lone
     * surrogate is not (code points read it as itself), nor are the BOM, noncharacters and line and paragraph
     * separators.
     */
    private static boolean isPlain(int cp) {
        return !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                && cp != 0xFEFF
                && cp != 0xFFFE
                && cp != 0xFFFF
                && cp != 0x2028
                && cp != 0x2029
                && !(cp >= 0xFDD0 && cp <= 0xFDEF);
    }
}
