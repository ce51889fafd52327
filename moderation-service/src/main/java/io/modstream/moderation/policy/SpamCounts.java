package io.modstream.moderation.policy;

/**
 * What {@link SpamCheck} counts over a whole comment, from one pass that records no positions: letters, capitals,
 * at-signs (every {@code @mention} has one), emoji, and the longest run of one repeatable character. When none of
 * them is past a limit the check has nothing to report, which is true of almost every comment; only the rest pay for
 * the scan that finds where each signal starts. The counts follow the check's scan exactly (same runs, same emoji),
 * and the at-signs can only over-count mentions, so "nothing past a limit" never hides a finding. Latin-1 chars (ASCII
 * and the accented letters of western languages), most of most comments, are answered by table with no call and no
 * hard-to-predict branch.
 *
 * @param letters letters, as {@link Character#isLetter}
 * @param upper upper-case letters among them
 * @param atSigns at-signs, at least as many as mentions
 * @param emoji emoji, counted as the check counts them
 * @param longestRun the longest run of one character (case ignored) that may make a run; white space and digits
 *     never do
 */
record SpamCounts(int letters, int upper, int atSigns, int emoji, int longestRun) {

    static SpamCounts of(String body) {
        int letters = 0;
        int upper = 0;
        int atSigns = 0;
        int emoji = 0;
        int runChar = -1;
        int runLength = 0;
        int longestRun = 0;
        int previous = -1;
        int regionalIndicators = 0;
        int length = body.length();
        for (int i = 0; i < length; ) {
            char c = body.charAt(i);
            if (c < 0x100) {
                int kind = SpamCheck.latin1Kind(c);
                char folded = SpamCheck.latin1Lower(c);
                // As the check's scan: a run goes on while the folded char is the same and may repeat.
                runLength = folded == runChar && (kind & SpamCheck.REPEATABLE) != 0 ? runLength + 1 : 1;
                runChar = folded;
                longestRun = Math.max(longestRun, runLength);
                letters += kind & SpamCheck.LETTER;
                upper += (kind & SpamCheck.UPPER) >> 1;
                atSigns += c == '@' ? 1 : 0;
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
            regionalIndicators = SpamCheck.isRegionalIndicator(cp) ? regionalIndicators + 1 : 0;
            if (SpamCheck.startsEmoji(cp, previous, regionalIndicators)) {
                emoji++;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return new SpamCounts(letters, upper, atSigns, emoji, longestRun);
    }

    /** Whether any count is past its limit; if none is, the check finds nothing. */
    boolean pastAnyLimit(SpamCheck.Limits limits) {
        return longestRun > limits.maxRun()
                || atSigns > limits.maxMentions()
                || emoji > limits.maxEmoji()
                || SpamCheck.isShouting(letters, upper, limits);
    }
}
