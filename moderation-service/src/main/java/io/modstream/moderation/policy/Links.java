package io.modstream.moderation.policy;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a {@link Token} is a web address. A URL with a scheme always is. A host is when it starts with
 * {@code www.}, is an IPv4 address, or is a registrable name under a public suffix of the ICANN section of the Public
 * Suffix List ({@code example.com}, {@code news.bbc.co.uk}, {@code github.io}, {@code 例え.jp},
 * {@code xn--r8jz45g.jp}); a host whose ending is disguised with look-alike letters ({@code example.соm}) is judged
 * as the Latin it imitates.
 *
 * <p>A bare host, with no path or port after it, must also not read as prose: a capitalised ending other than
 * {@code .Com}, {@code .Net} and {@code .Org} (two sentences joined without a space, {@code agree.Best}, or an
 * abbreviation, {@code M.Sc}), a file name ({@code setup.py}, {@code notes.zip}, {@code libc.so}), a product name
 * ({@code ASP.NET}), or a version or section number ({@code 4.2.1.3}: a bare IPv4 address needs a part of two digits
 * or more). Lower-case joins ({@code agree.best}) stay links: a news site would rather hold a few sentences for a
 * moderator than let links through. Stateless.
 */
final class Links {

    private static final int MAX_HOST = 253;
    /** Endings that are top-level domains but, after a bare name, far more often a file's. */
    private static final Set<String> FILE_ENDINGS = Set.of("zip mov py md sh so java mo pm".split(" "));

    private static final Set<String> PRODUCT_NAMES = Set.of("asp.net", "vb.net", "ado.net");
    private static final Set<String> CAPITALISED_LINKS = Set.of("com", "net", "org");

    private Links() {}

    static boolean isLink(String text, Token token) {
        if (token.scheme()) {
            return true;
        }
        String host = text.substring(token.hostStart(), token.hostEnd());
        boolean bare = token.end() == token.hostEnd();
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.length() > MAX_HOST) {
            return false;
        }
        if (lower.startsWith("www.") && lower.length() > 4 && Character.isLetterOrDigit(lower.charAt(4))) {
            return true;
        }
        if (isIpv4(lower)) {
            return !bare || hasTwoDigitPart(lower);
        }
        return isDomain(lower) && !(bare && readsAsProse(host, lower));
    }

    /** A registrable name under an ICANN public suffix; {@code lower} is lower case. */
    static boolean isDomain(String lower) {
        if (isUnderRegistrySuffix(lower)) {
            return true;
        }
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        StringBuilder latin = new StringBuilder(lower.length());
        lower.codePoints().map(ObfuscatedLetters::latin).forEach(latin::appendCodePoint);
        String imitated = latin.toString();
        return imitated.chars().allMatch(c -> c < 0x80) && isUnderRegistrySuffix(imitated);
    }

    private static boolean isUnderRegistrySuffix(String lower) {
        if (!isHostName(lower)) {
            return false; // checked first: most candidates are prose ("Node.js"), and the parse below is dearer
        }
        int lastDot = lower.lastIndexOf('.');
        try {
            // Asking about the last label alone is cheaper. Only a few TLDs (*.ck, *.bd) are public suffixes
            // merely through a wildcard, and then a name needs three labels anyway.
            if (!InternetDomainName.from(lower.substring(lastDot + 1)).isRegistrySuffix()
                    && lower.indexOf('.') == lastDot) {
                return false;
            }
            return InternetDomainName.from(lower).isUnderRegistrySuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Labels of letters, digits and inner hyphens, at most 63 long, ending in a label that starts with a letter. */
    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!Character.isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        int last = host.lastIndexOf('.') + 1;
        return last > 0 && Character.isLetter(host.charAt(last));
    }

    /** Whether {@code host} is {@code domain} or one of its subdomains; both lower case. */
    static boolean isWithin(String host, String domain) {
        return host.equals(domain)
                || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
    }

    private static boolean readsAsProse(String host, String lower) {
        int dot = host.lastIndexOf('.');
        String ending = lower.substring(dot + 1);
        boolean capitalised = ending.length() >= 2
                && Character.isUpperCase(host.charAt(dot + 1))
                && host.substring(dot + 2).equals(ending.substring(1))
                && !CAPITALISED_LINKS.contains(ending);
        return capitalised || FILE_ENDINGS.contains(ending) || PRODUCT_NAMES.contains(lower);
    }

    private static boolean isIpv4(String host) {
        int parts = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255 || ++parts > 4) {
                    return false;
                }
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    private static boolean hasTwoDigitPart(String ipv4) {
        for (String part : ipv4.split("\\.", -1)) {
            if (part.length() >= 2) {
                return true;
            }
        }
        return false;
    }
}
