package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds characters that hide or disguise text: bidirectional overrides and isolates (which can make a comment read
 * differently from what it says), zero-width and other invisible format characters, control characters, unpaired
 * surrogates, and piles of combining marks ("zalgo", more than {@code maxMarks} on one letter). One finding per run
 * of such characters; stripping removes the run, and for zalgo only the marks past the limit. A zero-width joiner
 * inside an emoji sequence is left alone. Immutable and thread-safe.
 */
final class UnicodeCheck implements Check {

    private static final String MESSAGE = "The comment contains hidden or disguising characters.";

    /** Fewer findings than this are reported; a longer tail is one finding, so hostile input stays cheap. */
    private static final int MAX_FINDINGS = 50;

    private final int maxMarks;
    private final Action action;

    UnicodeCheck(int maxMarks, Action action) {
        this.maxMarks = maxMarks;
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        String body = submission.body();
        List<Finding> findings = new ArrayList<>();
        int runStart = -1;
        int marks = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int width = Character.charCount(cp);
            boolean isMark = Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.ENCLOSING_MARK;
            marks = isMark ? marks + 1 : 0;
            boolean bad = isHidden(body, i, cp) || (isMark && marks > maxMarks);
            if (bad && runStart < 0) {
                runStart = i;
            } else if (!bad && runStart >= 0) {
                if (!add(findings, runStart, i, body.length())) {
                    return findings;
                }
                runStart = -1;
            }
            i += width;
        }
        if (runStart >= 0) {
            add(findings, runStart, body.length(), body.length());
        }
        return findings;
    }

    /** Adds a finding; past the cap, one last finding covers the rest of the body and the scan stops. */
    private boolean add(List<Finding> findings, int start, int end, int bodyLength) {
        if (findings.size() == MAX_FINDINGS - 1) {
            findings.add(new Finding(ReasonCodes.UNICODE, MESSAGE, start, bodyLength, action));
            return false;
        }
        findings.add(new Finding(ReasonCodes.UNICODE, MESSAGE, start, end, action));
        return true;
    }

    private static boolean isHidden(String body, int at, int cp) {
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            return true; // codePointAt returns an unpaired surrogate as itself
        }
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return false;
        }
        if (cp == 0x200D) {
            return !(isPictographicBefore(body, at) && isPictographicAfter(body, at + 1));
        }
        if (cp == 0xFE0F || cp == 0xFE0E) {
            return false; // emoji / text presentation selectors
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isPictographicBefore(String body, int at) {
        int i = at;
        while (i > 0) {
            int cp = body.codePointBefore(i);
            if (cp != 0xFE0F && Character.getType(cp) != Character.NON_SPACING_MARK) {
                return isPictographic(cp);
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    private static boolean isPictographicAfter(String body, int at) {
        return at < body.length() && isPictographic(body.codePointAt(at));
    }

    static boolean isPictographic(int cp) {
        return com.ibm.icu.lang.UCharacter.hasBinaryProperty(cp, com.ibm.icu.lang.UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
