package io.modstream.moderation.policy;

import java.util.List;
import java.util.Set;
import org.jsoup.safety.Safelist;

/**
 * A site's house rules: the checks that run, in order, and the markup that survives. Immutable and thread-safe.
 *
 * @param version recorded on every outcome decided under this policy
 * @param checks run in this order; the verdict is the strictest any of their findings asks for
 * @param markup the markup kept in the sanitised HTML
 * @param linkableDomains domains whose links stay clickable in the sanitised HTML (subdomains included), with
 *     {@code rel="nofollow ugc"}; {@value #ANY_DOMAIN} for every http(s) link; empty for none
 * @param language the language of the commenters: the messages of the reasons are in it (see
 *     {@link CommenterMessages})
 */
public record Policy(
        String version, List<Check> checks, MarkupPolicy markup, Set<String> linkableDomains, Language language) {

    /** In {@link #linkableDomains()}: every http(s) link stays clickable. */
    public static final String ANY_DOMAIN = "*";

    public Policy {
        checks = List.copyOf(checks);
        linkableDomains = Set.copyOf(linkableDomains);
    }

    /** A policy whose commenters read English. */
    public Policy(String version, List<Check> checks, MarkupPolicy markup, Set<String> linkableDomains) {
        this(version, checks, markup, linkableDomains, Language.EN);
    }

    /** A policy under which no link stays clickable, for commenters who read English. */
    public Policy(String version, List<Check> checks, MarkupPolicy markup) {
        this(version, checks, markup, Set.of());
    }

    /** Which markup a site keeps. */
    public enum MarkupPolicy {
        /** No markup at all: the HTML output is the escaped text. */
        PLAIN,
        /** Basic formatting: b, i, em, strong, p, br, blockquote and lists, without attributes. */
        BASIC;

        Safelist safelist() {
            return switch (this) {
                case PLAIN -> Safelist.none();
                case BASIC -> Markup.FORMATTING;
            };
        }
    }
}
