package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Spam signals within one comment: a run of the same character longer than {@code maxRun} ("!!!!!!!!!!!!",
 * "soooooooooooo"), shouting (more than {@code maxCapsRatio} of the letters upper case, once there are at least
 * {@code minLettersForCaps} letters), more than {@code maxMentions} {@code @mentions}, more than {@code maxEmoji}
 * emoji. Each signal is one finding; the ones past a count span from the first one over the limit. One pass over
 * the body. Immutable and thread-safe.
 */
final class SpamCheck implements Check {

    /** The thresholds; see the class comment. */
    record Limits(int maxRun, double maxCapsRatio, int minLettersForCaps, int maxMentions, int maxEmoji) {}

    private final Limits limits;
    private final Action action;

    SpamCheck(Limits limits, Action action) {
        this.limits = limits;
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        String body = submission.body();
        List<Finding> findings = new ArrayList<>();
        int letters = 0;
        int upper = 0;
        int mentions = 0;
        int emoji = 0;
        int runStart = 0;
        int runChar = -1;
        int runLength = 0;
        boolean runReported = false;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            if (cp == runChar && !Character.isWhitespace(cp)) {
                runLength++;
                if (runLength > limits.maxRun() && !runReported) {
                    runReported = true;
                    findings.add(finding("The comment repeats a character many times.", runStart, runEnd(body, i)));
                }
            } else {
                runChar = cp;
                runStart = i;
                runLength = 1;
                runReported = false;
            }
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                }
            }
            if (cp == '@'
                    && i + 1 < body.length()
                    && Character.isLetterOrDigit(body.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(body.charAt(i - 1)))) {
                mentions++;
                if (mentions == limits.maxMentions() + 1) {
                    findings.add(finding("The comment mentions too many people.", i, body.length()));
                }
            }
            if (UnicodeCheck.isPictographic(cp)) {
                emoji++;
                if (emoji == limits.maxEmoji() + 1) {
                    findings.add(finding("The comment contains too many emoji.", i, body.length()));
                }
            }
            i += Character.charCount(cp);
        }
        if (letters >= limits.minLettersForCaps() && upper > limits.maxCapsRatio() * letters) {
            findings.add(0, finding("Please don't shout: the comment is mostly capital letters.", 0, body.length()));
        }
        return findings;
    }

    /** Where the run that continues at {@code i} ends. */
    private static int runEnd(String body, int i) {
        int cp = body.codePointAt(i);
        int end = i;
        while (end < body.length() && body.codePointAt(end) == cp) {
            end += Character.charCount(cp);
        }
        return end;
    }

    private Finding finding(String message, int start, int end) {
        return new Finding(ReasonCodes.SPAM, message, start, end, action);
    }
}
