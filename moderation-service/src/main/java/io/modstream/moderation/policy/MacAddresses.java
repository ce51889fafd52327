package io.modstream.moderation.policy;

import org.jspecify.annotations.Nullable;

/**
 * Keeps MAC addresses, and other runs of hex groups joined by colons, out of the hosts that {@link Token} finds, for
 * {@link LinkCheck}. A host stops at a colon, so a MAC address after a sentence's end gave its first group to the host
 * and its second to a port: "organisiert. ba:51:95:54:d2:c4" reads {@code organisiert.ba:51} once the spaced dot is
 * undone, and {@code .ba} is a country's domain; "…:d2:c4. es geht" reads {@code c4.es}. A label at either end of a
 * host is not the host's when it is
 *
 * <ul>
 *   <li>a group of a run of hex groups joined by colons: one to four hex digits, either case, with two more groups or
 *       a {@code ::} on its far side ({@code ba:51:95:54:d2:c4}, an IPv6 address without brackets, a time with
 *       seconds). A port is one number, so {@code evil.ru:80} and {@code evil. de:8080/x} keep theirs;
 *   <li>a MAC address joined by hyphens: six pairs of hex digits ({@code BA-51-95-54-D2-C4});
 *   <li>or part of a MAC address in Cisco's dotted form, which takes three labels: {@code ba51.9554.d2c4}.
 * </ul>
 *
 * A host of digits and dots alone is left whole: an IPv4 address has its own rule ({@link IpAddresses}), also inside an
 * IPv6 address ({@code ::ffff:192.0.2.1}). Stateless; looks at most a few groups past either end of the host.
 */
final class MacAddresses {

    private static final int MAX_GROUP = 4;
    /** The length of {@code ba-51-95-54-d2-c4}. */
    private static final int HYPHENED = 17;

    private MacAddresses() {}

    /**
     * {@code token} without the labels at either end of its host that belong to a MAC address or a colon run, and
     * without its port when its last label goes; null when no host with a dot is left. A URL with a scheme is kept
     * whole.
     */
    static @Nullable Token withoutMacAddress(String text, Token token) {
        if (token.scheme()) {
            return token;
        }
        int start = token.hostStart();
        int end = token.hostEnd();
        int hostStart = afterLeadingMac(text, start, end);
        int hostEnd = beforeTrailingMac(text, start, end);
        if ((hostStart == start && hostEnd == end) || !hasLetter(text, start, end)) {
            return token;
        }
        if (hostStart >= hostEnd || dotIn(text, hostStart, hostEnd) < 0) {
            return null;
        }
        return new Token(hostStart, hostStart, hostEnd, hostEnd == end ? token.end() : hostEnd, false);
    }

    /** Where the host in {@code [start, end)} begins without a first label that ends a MAC address or colon run. */
    private static int afterLeadingMac(String text, int start, int end) {
        int dot = dotIn(text, start, end);
        int label = dot < 0 ? end : dot;
        if ((charAt(text, start - 1) == ':' && isGroup(text, start, label) && isRun(text, start - 1, -1))
                || isHyphened(text, start, label)) {
            return Math.min(label + 1, end);
        }
        int dotted = start + Identifiers.CISCO_MAC_LENGTH;
        return dotted <= end && Identifiers.isCiscoMac(text, start) && (dotted == end || text.charAt(dotted) == '.')
                ? Math.min(dotted + 1, end)
                : start;
    }

    /** Where the host in {@code [start, end)} ends without a last label that begins a MAC address or colon run. */
    private static int beforeTrailingMac(String text, int start, int end) {
        int dot = lastDotIn(text, start, end);
        int label = dot < 0 ? start : dot + 1;
        if ((charAt(text, end) == ':' && isGroup(text, label, end) && isRun(text, end, 1))
                || isHyphened(text, label, end)) {
            return Math.max(label - 1, start);
        }
        int dotted = end - Identifiers.CISCO_MAC_LENGTH;
        return dotted >= start
                        && Identifiers.isCiscoMac(text, dotted)
                        && (dotted == start || text.charAt(dotted - 1) == '.')
                ? Math.max(dotted - 1, start)
                : end;
    }

    /** Whether two more groups or a {@code ::} follow ({@code step} 1) or precede (-1) the colon at {@code colon}. */
    private static boolean isRun(String text, int colon, int step) {
        int at = colon;
        for (int groups = 0; groups < 2; groups++) {
            if (charAt(text, at + step) == ':') {
                return true; // an IPv6 address
            }
            int digits = 0;
            while (digits < MAX_GROUP && Identifiers.isHex(charAt(text, at + step * (digits + 1)))) {
                digits++;
            }
            at += step * (digits + 1);
            char next = charAt(text, at);
            if (digits == 0 || Character.isLetterOrDigit(next) || (groups == 0 && next != ':')) {
                return false;
            }
        }
        return true;
    }

    /** One to four hex digits. */
    private static boolean isGroup(String text, int from, int to) {
        if (to <= from || to - from > MAX_GROUP) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Identifiers.isHex(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code [from, to)} is {@code ba-51-95-54-d2-c4}, either case. */
    private static boolean isHyphened(String text, int from, int to) {
        if (to - from != HYPHENED) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if ((i - from) % 3 == 2 ? text.charAt(i) != '-' : !Identifiers.isHex(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first dot in {@code [from, to)}, or -1. */
    private static int dotIn(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    /** The last dot in {@code [from, to)}, or -1. */
    private static int lastDotIn(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (text.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasLetter(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The char at {@code i}, or 0 outside the text. */
    private static char charAt(String text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : 0;
    }
}
