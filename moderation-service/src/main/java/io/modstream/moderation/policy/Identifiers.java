package io.modstream.moderation.policy;

import java.nio.CharBuffer;

/**
 * Recognises the words of a comment that are machine identifiers, which {@link NormalizedText} reads as written
 * rather than as leetspeak: a hex group inside a UUID reads as a slur ({@code 4bb0}, {@code 48b0} as "abo") as
 * readily as a disguised word does, and no person writes a UUID to disguise one. Two shapes count:
 *
 * <ul>
 *   <li>a run of at least {@value #MIN_HEX_RUN} hex digits, either case ({@code 4bb0a1f2}, a git hash, a hex id, a
 *       UUID without its hyphens); a git short hash of seven is not one, and reads as a word once in about 300,000;
 *   <li>a group of a UUID, 8-4-4-4-12 hex digits joined by hyphens with no letter or digit on either side
 *       ({@code 3fa85f64-5717-4562-b3fc-2c963f66afa6}, either case, in braces or a URL); its four-digit groups are the
 *       ones a shorter rule would not cover;
 *   <li>a group of a MAC address in Cisco's dotted form, three groups of four hex digits joined by dots
 *       ({@code 44b0.abb0.c2d4}), with no letter or digit on either side and not part of a longer dotted name.
 * </ul>
 *
 * <p>Leetspeak seldom takes either shape: its words carry letters past {@code f} ({@code sh1t}, {@code f4gg0t}), and a
 * listed word of eight letters or more that can be spelled in hex digits alone ({@code fe11a710}) must have every one
 * of its other letters turned into a digit. Shorter codes ({@code AB12-CD34}, {@code #a55}) are not identifiers here:
 * their groups look like the leet words people join with hyphens. Stateless and allocation-free; reads the word once,
 * and for a four-digit group the three UUIDs' lengths of body that could hold it, so a body of nothing but hex groups
 * stays linear.
 */
final class Identifiers {

    /** The fewest hex digits of a run that counts as an identifier on its own. */
    static final int MIN_HEX_RUN = 8;

    private static final int UUID_LENGTH = 36;
    /** Where each four-digit group of a UUID starts, after the first group and its hyphen. */
    private static final int[] INNER_GROUPS = {9, 14, 19};

    /** The length of {@code ba51.9554.d2c4}. */
    static final int CISCO_MAC_LENGTH = 14;
    /** Where each group of a MAC address in Cisco's form ({@code 44b0.abb0.c2d4}) starts. */
    private static final int[] CISCO_GROUPS = {0, 5, 10};

    private Identifiers() {}

    /**
     * Whether {@code [from, to)} of {@code body} is a whole word of an identifier: a run of at least
     * {@value #MIN_HEX_RUN} hex digits, or a group of a UUID, with no letter or digit just before or after it.
     */
    static boolean isIdentifier(char[] body, int from, int to) {
        int length = to - from;
        if (length < 4
                || from < 0
                || !isHex(body, from, to)
                || isAlphanumericAt(body, from - 1)
                || isAlphanumericAt(body, to)) {
            return false;
        }
        if (length >= MIN_HEX_RUN) {
            return true;
        }
        if (length == 4) {
            for (int group : INNER_GROUPS) {
                if (isUuidAt(body, from - group)) {
                    return true;
                }
            }
            for (int group : CISCO_GROUPS) {
                if (isCiscoMacAt(body, from - group)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a MAC address in Cisco's form, {@code ba51.9554.d2c4} in either case, begins at {@code start} of
     * {@code text}, which goes on at least {@value #CISCO_MAC_LENGTH} chars from there. The shape alone: what may stand
     * around it is the caller's rule ({@link MacAddresses} reads it in a host, this class in a word).
     */
    static boolean isCiscoMac(CharSequence text, int start) {
        for (int i = start; i < start + CISCO_MAC_LENGTH; i++) {
            int offset = i - start;
            boolean dot = offset == 4 || offset == 9;
            if (dot ? text.charAt(i) != '.' : !isHex(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a MAC address in Cisco's form starts at {@code start} of {@code body}: three groups of four hex digits
     * joined by dots, with no letter or digit on either side, and no dot joining it to more of a name
     * ({@code 44b0.abb0.c2d4.example} is a host, not an address).
     */
    private static boolean isCiscoMacAt(char[] body, int start) {
        int end = start + CISCO_MAC_LENGTH;
        return start >= 0
                && end <= body.length
                && !isAlphanumericAt(body, start - 1)
                && !isAlphanumericAt(body, end)
                && !isDotBeforeAlphanumeric(body, end)
                && !isDotAfterAlphanumeric(body, start - 1)
                && isCiscoMac(CharBuffer.wrap(body), start);
    }

    private static boolean isDotBeforeAlphanumeric(char[] body, int index) {
        return index < body.length && body[index] == '.' && isAlphanumericAt(body, index + 1);
    }

    private static boolean isDotAfterAlphanumeric(char[] body, int index) {
        return index >= 0 && body[index] == '.' && isAlphanumericAt(body, index - 1);
    }

    /** Whether a UUID, with no letter or digit on either side, starts at {@code start} of {@code body}. */
    private static boolean isUuidAt(char[] body, int start) {
        int end = start + UUID_LENGTH;
        if (start < 0 || end > body.length || isAlphanumericAt(body, start - 1) || isAlphanumericAt(body, end)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            int offset = i - start;
            boolean hyphen = offset == 8 || offset == 13 || offset == 18 || offset == 23;
            if (hyphen ? body[i] != '-' : !isHex(body[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHex(body[i])) {
                return false;
            }
        }
        return true;
    }

    /** One hex digit, either case. */
    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isAlphanumericAt(char[] body, int index) {
        if (index < 0 || index >= body.length) {
            return false;
        }
        char c = body[index];
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
