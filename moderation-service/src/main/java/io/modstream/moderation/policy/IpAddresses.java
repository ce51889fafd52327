package io.modstream.moderation.policy;

import java.util.Set;

/**
 * Recognises IP addresses as {@link Links} meets them: dotted IPv4 ({@code 203.0.113.7}), its obscured forms with
 * hex or octal parts ({@code 0x7f.0x0.0x0.0x1}, {@code 0177.0.0.1}), which browsers accept and no prose contains, and
 * bracketed IPv6 literals ({@code [::1]}, {@code [2001:db8::1]}). A bare dotted IPv4 address of one-digit parts reads
 * as a version or section number ({@code 4.2.1.3}), so it counts only when it is a well-known public resolver people
 * send each other to ({@code 1.1.1.1}, {@code 8.8.8.8}). Stateless; each method reads its input once.
 */
final class IpAddresses {

    /** Public DNS resolvers, addresses people point each other at, and whose parts are all one digit. */
    private static final Set<String> WELL_KNOWN = Set.of("1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9");

    private IpAddresses() {}

    /** Whether {@code host} is a decimal dotted IPv4 address, standing {@code bare} (no scheme, port or path). */
    static boolean isLinkIpv4(String host, boolean bare) {
        return isIpv4(host, false) && (!bare || hasTwoDigitPart(host) || WELL_KNOWN.contains(host));
    }

    /**
     * Whether {@code host} is a dotted IPv4 address with a hex part ({@code 0x7f.0.0.1}), or with octal parts only
     * ({@code 0177.0.0.01}: each part 0 or led by a zero, one of them not zero); {@code 5.000.000.000} is a number.
     */
    static boolean isObscuredIpv4(String host) {
        if (!isIpv4(host, true) || isIpv4(host, false)) {
            return false;
        }
        if (host.contains("0x")) {
            return true;
        }
        boolean nonZero = false;
        for (String part : host.split("\\.", -1)) {
            if (part.charAt(0) != '0') {
                return false;
            }
            nonZero |= part.chars().anyMatch(c -> c != '0');
        }
        return nonZero;
    }

    /**
     * Four parts of at most 255; with {@code obscured}, parts may also be hex ({@code 0x7f}) or octal with a leading
     * zero ({@code 0177}); without it, a leading zero is not allowed.
     */
    private static boolean isIpv4(String host, boolean obscured) {
        int parts = 0;
        int from = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                if (++parts > 4 || !isPart(host, from, i, obscured)) {
                    return false;
                }
                from = i + 1;
            }
        }
        return parts == 4;
    }

    private static boolean isPart(String host, int from, int to, boolean obscured) {
        int radix = 10;
        int start = from;
        if (to - from > 1 && host.charAt(from) == '0') {
            if (!obscured) {
                return false;
            }
            boolean hex = host.charAt(from + 1) == 'x';
            radix = hex ? 16 : 8;
            start = from + (hex ? 2 : 1);
        }
        if (start == to || to - start > 3) {
            return false;
        }
        int value = 0;
        for (int i = start; i < to; i++) {
            int digit = Character.digit(host.charAt(i), radix);
            if (digit < 0) {
                return false;
            }
            value = value * radix + digit;
        }
        return value <= 255;
    }

    private static boolean hasTwoDigitPart(String ipv4) {
        int run = 0;
        for (int i = 0; i < ipv4.length(); i++) {
            run = ipv4.charAt(i) == '.' ? 0 : run + 1;
            if (run >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code host} is {@code [}IPv6{@code ]}: groups of at most four hex digits between colons, either eight
     * of them or fewer with one {@code ::}.
     */
    static boolean isIpv6Literal(String host) {
        if (host.length() < 4 || host.charAt(0) != '[' || host.charAt(host.length() - 1) != ']') {
            return false;
        }
        int groups = 0;
        int digits = 0;
        boolean elided = false;
        for (int i = 1; i < host.length() - 1; i++) {
            char c = host.charAt(i);
            if (c == ':') {
                if (host.charAt(i + 1) == ':') {
                    if (elided) {
                        return false;
                    }
                    elided = true;
                    i++;
                } else if (digits == 0) {
                    return false;
                }
                groups += digits > 0 ? 1 : 0;
                digits = 0;
            } else if (Character.digit(c, 16) >= 0 && c < 0x80 && digits < 4) {
                digits++;
            } else {
                return false;
            }
        }
        groups += digits > 0 ? 1 : 0;
        return elided ? groups > 0 && groups < 8 : groups == 8;
    }
}
