package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Spam signals within one comment: a run of the same character longer than {@code maxRun} ("!!!!!!!!!!!!",
 * "soooooooooooo", case ignored; digits and white space never make a run, so "1000000" is a number), shouting (more
 * than {@code maxCapsRatio} of the letters upper case, once there are at least {@code minLettersForCaps} letters),
 * more than {@code maxMentions} {@code @mentions}, more than {@code maxEmoji} emoji (an emoji sequence joined with
 * U+200D, such as a family, and a flag count as one). Each signal is one finding; the ones past a count span from the
 * first one over the limit. One pass over the body counts the signals ({@link TextProfile}, shared with other steps); only a comment with a count
 * past its limit is read again, and only as far as its signals need: shouting spans the whole body, mentions are found
 * from the at-signs, and only runs and emoji take the full scan. Immutable and thread-safe.
 */
final class SpamCheck implements Check {

    /** The thresholds; see the class comment. */
    record Limits(int maxRun, double maxCapsRatio, int minLettersForCaps, int maxMentions, int maxEmoji) {}

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    // What the scan asks of a char, as bits; UPPER only with LETTER. Printable text is mostly ASCII and the accented
    // letters of Latin-1, answered by table; PICTOGRAPH (© and ®, the only emoji there) only in the table.
    static final int LETTER = 1;
    static final int UPPER = 2;
    static final int REPEATABLE = 4; // white space and digits never make a run
    static final int PICTOGRAPH = 8;
    private static final byte[] LATIN1_KINDS = new byte[0x100];
    private static final char[] LATIN1_LOWER = new char[0x100]; // Latin-1 letters lower-case within Latin-1

    static {
        for (char c = 0; c < 0x100; c++) {
            LATIN1_KINDS[c] = (byte) (kind(c) | (UnicodeCheck.isPictographic(c) ? PICTOGRAPH : 0));
            LATIN1_LOWER[c] = (char) Character.toLowerCase((int) c);
        }
    }

    private final Limits limits;
    private final Action action;

    SpamCheck(Limits limits, Action action) {
        this.limits = limits;
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        if (action == Action.ALLOW) {
            return List.of();
        }
        String body = submission.body();
        TextProfile profile = submission.profile();
        if (!profile.pastAnySpamLimit(limits)) {
            return List.of(); // most comments: counting is cheaper than the scan that records where signals start
        }
        if (profile.longestRun() > limits.maxRun() || profile.emoji() > limits.maxEmoji()) {
            return scan(body); // where runs and emoji start takes the full reading
        }
        // Shouting spans the whole body, and mentions are found from the at-signs alone.
        List<Finding> findings = new ArrayList<>(2);
        if (isShouting(profile.letters(), profile.upper(), limits)) {
            findings.add(shouting(body));
        }
        int mentions = 0;
        for (int at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
            if (isMention(body, at) && ++mentions == limits.maxMentions() + 1) {
                findings.add(tooManyMentions(body, at));
                break;
            }
        }
        return findings;
    }

    /** Every finding, with where it starts; {@link #inspect} skips this when the counts show there is none. */
    List<Finding> scan(String body) {
        List<Finding> findings = new ArrayList<>();
        int letters = 0;
        int upper = 0;
        int mentions = 0;
        int emoji = 0;
        int runStart = 0;
        int runChar = -1;
        int runLength = 0;
        boolean runReported = false;
        int previous = -1;
        int regionalIndicators = 0;
        for (int i = 0; i < body.length(); ) {
            // Printable text is mostly ASCII: a run of it needs only the run, letter and mention counts, in a tight
            // loop.
            char c;
            while (i < body.length() && (c = body.charAt(i)) < 0x80) {
                int kind = LATIN1_KINDS[c];
                if (LATIN1_LOWER[c] == runChar && (kind & REPEATABLE) != 0) {
                    runLength++;
                    if (runLength > limits.maxRun() && !runReported) {
                        runReported = true;
                        findings.add(finding("The comment repeats a character many times.", runStart, runEnd(body, i)));
                    }
                } else {
                    runChar = LATIN1_LOWER[c];
                    runStart = i;
                    runLength = 1;
                    runReported = false;
                }
                letters += kind & LETTER;
                upper += (kind & UPPER) >> 1;
                if (c == '@' && isMention(body, i)) {
                    mentions++;
                    if (mentions == limits.maxMentions() + 1) {
                        findings.add(tooManyMentions(body, i));
                    }
                }
                previous = c;
                regionalIndicators = 0;
                i++;
            }
            if (i == body.length()) {
                break;
            }
            int cp = body.codePointAt(i);
            int kind = kind(cp);
            int folded = Character.toLowerCase(cp);
            if (folded == runChar && (kind & REPEATABLE) != 0) {
                runLength++;
                if (runLength > limits.maxRun() && !runReported) {
                    runReported = true;
                    findings.add(finding("The comment repeats a character many times.", runStart, runEnd(body, i)));
                }
            } else {
                runChar = folded;
                runStart = i;
                runLength = 1;
                runReported = false;
            }
            // Added rather than tested: whether a char is a letter changes at every word, too often to predict.
            letters += kind & LETTER;
            upper += (kind & UPPER) >> 1;
            regionalIndicators = isRegionalIndicator(cp) ? regionalIndicators + 1 : 0;
            if (startsEmoji(cp, previous, regionalIndicators)) {
                emoji++;
                if (emoji == limits.maxEmoji() + 1) {
                    findings.add(finding("The comment contains too many emoji.", i, body.length()));
                }
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        if (isShouting(letters, upper, limits)) {
            findings.add(0, shouting(body));
        }
        return findings;
    }

    /** Two regional indicators make one flag; a pictograph after a joiner belongs to the emoji before it. */
    static boolean startsEmoji(int cp, int previous, int regionalIndicators) {
        return regionalIndicators % 2 == 1 || (UnicodeCheck.isPictographic(cp) && previous != ZERO_WIDTH_JOINER);
    }

    /**
     * Mostly capitals, once there are enough letters. Divides rather than multiplies the ratio: 63 of 90 letters is
     * exactly 0.7, but 0.7 * 90 is 62.99999999999999.
     */
    static boolean isShouting(int letters, int upper, Limits limits) {
        return letters >= limits.minLettersForCaps() && (double) upper / letters > limits.maxCapsRatio();
    }

    /** {@link #kind} of a Latin-1 char, with {@link #PICTOGRAPH} for an emoji. */
    static int latin1Kind(char c) {
        return LATIN1_KINDS[c];
    }

    /** {@link Character#toLowerCase(int)} of a Latin-1 char. */
    static char latin1Lower(char c) {
        return LATIN1_LOWER[c];
    }

    /** Whether the at-sign at {@code i} begins an {@code @mention}. */
    private static boolean isMention(String body, int i) {
        return i + 1 < body.length()
                && Character.isLetterOrDigit(body.charAt(i + 1))
                && (i == 0 || !Character.isLetterOrDigit(body.charAt(i - 1)));
    }

    static int kind(int cp) {
        boolean letter = Character.isLetter(cp);
        return (letter ? LETTER : 0)
                | (letter && Character.isUpperCase(cp) ? UPPER : 0)
                | (Character.isWhitespace(cp) || Character.isDigit(cp) ? 0 : REPEATABLE);
    }

    /** Where the run that continues at {@code i} ends. */
    private static int runEnd(String body, int i) {
        int folded = Character.toLowerCase(body.codePointAt(i));
        int end = i;
        while (end < body.length() && Character.toLowerCase(body.codePointAt(end)) == folded) {
            end += Character.charCount(body.codePointAt(end));
        }
        return end;
    }

    /** {@link Character#isWhitespace} for code points below 0x80. */
    static boolean isAsciiWhitespace(int cp) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }

    static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private Finding shouting(String body) {
        return finding("Please don't shout: the comment is mostly capital letters.", 0, body.length());
    }

    private Finding tooManyMentions(String body, int at) {
        return finding("The comment mentions too many people.", at, body.length());
    }

    private Finding finding(String message, int start, int end) {
        return new Finding(ReasonCodes.SPAM, message, start, end, action);
    }
}
