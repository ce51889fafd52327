package io.modstream.moderation.policy;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/** Decides whether one token is a web address. Bare domains are judged against the Public Suffix List. */
final class Links {

    private Links() {}

    static boolean isLink(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return lower.indexOf("://") + 3 < lower.length();
        }
        if (lower.startsWith("www.")) {
            return isDomain(host(lower.substring(4)));
        }
        // An e-mail address is not a website link; it gets its own check.
        return lower.indexOf('@') < 0 && isDomain(host(lower));
    }

    private static String host(String address) {
        int end = address.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int at = address.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return address.substring(0, end);
    }

    /** A registrable name under a public suffix, such as {@code example.com} or {@code news.example.co.uk}. */
    private static boolean isDomain(String host) {
        if (host.indexOf('.') < 0 || !InternetDomainName.isValid(host)) {
            return false;
        }
        InternetDomainName name = InternetDomainName.from(host);
        return name.isUnderPublicSuffix();
    }
}
