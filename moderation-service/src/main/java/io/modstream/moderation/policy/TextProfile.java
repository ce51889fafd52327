package io.modstream.moderation.policy;

/**
 * What one pass over a comment's body learns for several steps of the engine, so that each need not read the body
 * again: the counts {@link SpamCheck} judges, and whether jsoup would return the body as it is
 * ({@link Markup#isPlainText}). Built once per {@link Submission}.
 *
 * <p>The spam counts: letters, capitals, at-signs (every {@code @mention} has one), emoji, and the longest run of one
 * repeatable character. When none of them is past a limit the check has nothing to report, which is true of almost
 * every comment; only the rest pay for the scan that finds where each signal starts. The counts follow the check's
 * scan exactly (same runs, same emoji), and the at-signs can only over-count mentions, so "nothing past a limit"
 * never hides a finding. Latin-1 chars (ASCII and the accented letters of western languages), most of most comments,
 * are answered by table, with no call and no hard-to-predict branch.
 *
 * @param letters letters, as {@link Character#isLetter}
 * @param upper upper-case letters among them
 * @param atSigns at-signs, at least as many as mentions
 * @param emoji emoji, counted as the spam check counts them
 * @param longestRun the longest run of one character (case ignored) that may make a run; white space and digits
 *     never do
 * @param plainText what {@link Markup#isPlainText} answers for the body
 */
record TextProfile(int letters, int upper, int atSigns, int emoji, int longestRun, boolean plainText) {

    // Latin-1 chars jsoup keeps as they are: printable ASCII but for '<' and '&', tab, line feed, and from U+00A0.
    private static final boolean[] LATIN1_PLAIN = new boolean[0x100];

    static {
        for (char c = 0; c < 0x100; c++) {
            LATIN1_PLAIN[c] = (c >= 0x20 && c < 0x7F && c != '<' && c != '&') || c == '\t' || c == '\n' || c >= 0xA0;
        }
    }

    static TextProfile of(String body) {
        int letters = 0;
        int upper = 0;
        int atSigns = 0;
        int emoji = 0;
        int runChar = -1;
        int runLength = 0;
        int longestRun = 0;
        int previous = -1;
        int regionalIndicators = 0;
        boolean plain = true;
        int length = body.length();
        for (int i = 0; i < length; ) {
            char c = body.charAt(i);
            if (c < 0x100) {
                int kind = SpamCheck.latin1Kind(c);
                char folded = SpamCheck.latin1Lower(c);
                // As the spam check's scan: a run goes on while the folded char is the same and may repeat.
                runLength = folded == runChar && (kind & SpamCheck.REPEATABLE) != 0 ? runLength + 1 : 1;
                runChar = folded;
                longestRun = Math.max(longestRun, runLength);
                letters += kind & SpamCheck.LETTER;
                upper += (kind & SpamCheck.UPPER) >> 1;
                atSigns += c == '@' ? 1 : 0;
                plain &= LATIN1_PLAIN[c];
                if ((kind & SpamCheck.PICTOGRAPH) != 0 && SpamCheck.startsEmoji(c, previous, 0)) {
                    emoji++;
                }
                previous = c;
                regionalIndicators = 0;
                i++;
                continue;
            }
            int cp = body.codePointAt(i);
            int kind = SpamCheck.kind(cp);
            int folded = Character.toLowerCase(cp);
            runLength = folded == runChar && (kind & SpamCheck.REPEATABLE) != 0 ? runLength + 1 : 1;
            runChar = folded;
            longestRun = Math.max(longestRun, runLength);
            letters += kind & SpamCheck.LETTER;
            upper += (kind & SpamCheck.UPPER) >> 1;
            plain &= isPlain(cp);
            regionalIndicators = SpamCheck.isRegionalIndicator(cp) ? regionalIndicators + 1 : 0;
            if (SpamCheck.startsEmoji(cp, previous, regionalIndicators)) {
                emoji++;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return new TextProfile(letters, upper, atSigns, emoji, longestRun, plain);
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
