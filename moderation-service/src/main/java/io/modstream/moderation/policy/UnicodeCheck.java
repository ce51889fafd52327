package io.modstream.moderation.policy;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds characters that hide or disguise text: bidirectional overrides and isolates (which can make a comment read
 * differently from what it says), zero-width and other invisible format or default-ignorable characters (the Hangul
 * filler included), control characters, unpaired surrogates, and piles of combining marks or variation selectors
 * ("zalgo", more than {@code maxMarks} on one letter). One finding per run of such characters; stripping removes the
 * run, and for zalgo only the marks past the limit. Left alone: a zero-width joiner inside an emoji sequence, a
 * subdivision flag's tags, the joiners that Persian, Arabic and Indic spelling need (between joining letters or after
 * a virama), and the visible Arabic number signs. Immutable and thread-safe.
 */
final class UnicodeCheck implements Check {

    private static final String MESSAGE = "The comment contains hidden or disguising characters.";

    /** Fewer findings than this are reported; a longer tail is one finding, so hostile input stays cheap. */
    private static final int MAX_FINDINGS = 50;

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    private static final boolean[] PLAIN = new boolean[0x100];

    static {
        for (char c = 0; c < 0x100; c++) {
            PLAIN[c] = isPlain(c);
        }
    }

    /** How far back a joiner looks for the character it joins, past marks, selectors and skin tones. */
    private static final int LOOK_BACK = 8;

    private final int maxMarks;
    private final Action action;

    UnicodeCheck(int maxMarks, Action action) {
        this.maxMarks = maxMarks;
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        if (action == Action.ALLOW) {
            return List.of();
        }
        if (submission.profile().unicodePlain()) {
            return List.of(); // the loop below would pass every char at once
        }
        String body = submission.body();
        List<Finding> findings = new ArrayList<>();
        int runStart = -1;
        int marks = 0;
        for (int i = 0; i < body.length(); ) {
            // Outside a run, plain chars change nothing but the count of marks: past them at once.
            int plainEnd = runStart < 0 ? plainEnd(body, i) : i;
            if (plainEnd > i) {
                marks = 0;
                i = plainEnd;
                continue;
            }
            int cp = body.codePointAt(i);
            int next = cp == BLACK_FLAG ? tagSequenceEnd(body, i + 2) : i + Character.charCount(cp);
            boolean bad;
            if (cp >= 0x20 && cp < 0x7F) {
                marks = 0; // printable ASCII right after a run: never hidden, never a mark
                bad = false;
            } else {
                int type = Character.getType(cp);
                boolean isMark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
                marks = isMark ? marks + 1 : 0;
                bad = isHidden(body, i, cp, type) || (isMark && marks > maxMarks);
            }
            if (bad && runStart < 0) {
                runStart = i;
            } else if (!bad && runStart >= 0) {
                if (!add(findings, runStart, i, body.length())) {
                    return findings;
                }
                runStart = -1;
            }
            i = next;
        }
        if (runStart >= 0) {
            add(findings, runStart, body.length(), body.length());
        }
        return findings;
    }

    /**
     * Where the plain chars from {@code from} end: printable ASCII, tabs, line breaks and the visible Latin-1 chars
     * (accented letters, the no-break space) are never hidden and never a mark, and most of most comments is nothing
     * else, so a tight loop reads them instead of the one that asks about code points.
     */
    private static int plainEnd(String body, int from) {
        int i = from;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c >= 0x100 || !PLAIN[c]) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Whether a char below U+0100 is plain; see {@link #plainEnd}. The soft hyphen (U+00AD) hides. */
    static boolean isPlain(char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' || (c >= 0xA0 && c < 0x100 && c != 0xAD);
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

    static boolean isHidden(String body, int at, int cp, int type) {
        if (type == Character.SURROGATE) {
            return true; // codePointAt returns an unpaired surrogate as itself
        }
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return false;
        }
        if (cp == ZWJ || cp == ZWNJ) {
            return !isWanted(body, at, cp);
        }
        if (type == Character.NON_SPACING_MARK) {
            return false; // variation selectors among them: the limit on marks catches a pile of them
        }
        return type == Character.CONTROL
                || (type == Character.FORMAT
                        && !UCharacter.hasBinaryProperty(cp, UProperty.PREPENDED_CONCATENATION_MARK))
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /**
     * A joiner inside an emoji sequence (woman, skin tone, joiner, laptop), after a virama (Devanagari KA, virama,
     * joiner, SSA), or between joining letters (Persian spelling puts U+200C inside many words).
     */
    private static boolean isWanted(String body, int at, int joiner) {
        if (at == 0 || at + 1 >= body.length()) {
            return false;
        }
        if (UCharacter.getCombiningClass(body.codePointBefore(at)) == 9) {
            return true; // the virama class
        }
        int before = baseBefore(body, at);
        int after = body.codePointAt(at + 1);
        if (before < 0) {
            return false;
        }
        return (joiner == ZWJ && isPictographic(before) && isPictographic(after)) || (joins(before) && joins(after));
    }

    /** The character a joiner at {@code at} attaches to, past marks, selectors and skin tones; -1 if too far. */
    private static int baseBefore(String body, int at) {
        int i = at;
        for (int step = 0; i > 0 && step < LOOK_BACK; step++) {
            int cp = body.codePointBefore(i);
            if (Character.getType(cp) != Character.NON_SPACING_MARK
                    && !UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)) {
                return cp;
            }
            i -= Character.charCount(cp);
        }
        return -1;
    }

    private static boolean joins(int cp) {
        int type = UCharacter.getIntPropertyValue(cp, UProperty.JOINING_TYPE);
        return type != UCharacter.JoiningType.NON_JOINING && type != UCharacter.JoiningType.TRANSPARENT;
    }

    /** Past the tags of a subdivision flag (the flag of Scotland: U+1F3F4, up to six tag letters, the cancel tag). */
    private static int tagSequenceEnd(String body, int from) {
        int i = from;
        while (i < body.length() && i - from < 12 && isTagLetter(body.codePointAt(i))) {
            i += 2;
        }
        return i > from && i < body.length() && body.codePointAt(i) == CANCEL_TAG ? i + 2 : from;
    }

    private static boolean isTagLetter(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007E;
    }

    static boolean isPictographic(int cp) {
        // Below U+203C (‼) only © and ® are Extended_Pictographic: no lookup for the letters of most scripts.
        if (cp < 0x203C) {
            return cp == 0xA9 || cp == 0xAE;
        }
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
