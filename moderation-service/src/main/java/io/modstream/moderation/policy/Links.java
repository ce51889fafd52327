package io.modstream.moderation.policy;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * Decides whether a {@link Token} is a web address. A URL with a scheme always is. A host is when it starts with
 * {@code www.}, is an IP address ({@link IpAddresses}: dotted, hex or octal IPv4, a bracketed IPv6 literal), or is a
 * registrable name under a public suffix of the ICANN section of the Public Suffix List ({@code example.com},
 * {@code news.bbc.co.uk}, {@code github.io}, {@code 例え.jp}, {@code xn--r8jz45g.jp}); a host whose ending is
 * disguised with look-alike letters ({@code example.соm}) is judged as the Latin it imitates.
 *
 * <p>A bare name, with no path or port after it, must also not read as a file, tech or prose name
 * ({@link BareNames}: {@code setup.py}, {@code ASP.NET}, {@code app.run()}, {@code agree.Best}), unless its dot was
 * disguised ({@code Example Dot Best}, {@code logo[.]ai}): nobody disguises a file name. Lower-case joins
 * ({@code agree.best}) stay links: a news site would rather hold a few sentences for a moderator than let links
 * through. Stateless.
 */
final class Links {

    private static final int MAX_HOST = 253;

    private Links() {}

    /** {@code dotDisguised}: whether the last dot of the token's host was written as something else. */
    static boolean isLink(String text, Token token, boolean dotDisguised) {
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
        if (IpAddresses.isLinkIpv4(lower, bare) || IpAddresses.isObscuredIpv4(lower)) {
            return true;
        }
        if (lower.startsWith("[")) {
            return IpAddresses.isIpv6Literal(lower);
        }
        return isDomain(lower)
                && !(bare
                        && !dotDisguised
                        && BareNames.readsAsProse(text, token.hostStart(), token.hostEnd(), host, lower));
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
}
