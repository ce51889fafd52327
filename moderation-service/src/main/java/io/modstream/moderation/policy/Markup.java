package io.modstream.moderation.policy;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Reduces a comment's markup with jsoup: to plain text, and to an HTML fragment that keeps only a formatting
 * safelist. Elements outside the safelist are dropped with their attributes; the text inside them stays, except the
 * content of {@code script} and {@code style}, which is never text. Immutable and thread-safe.
 */
final class Markup {

    /** Basic formatting a news site shows in comments; no links, images, styles or attributes. */
    static final Safelist FORMATTING =
            new Safelist().addTags("b", "i", "em", "strong", "p", "br", "blockquote", "ul", "ol", "li");

    private static final Document.OutputSettings COMPACT =
            new Document.OutputSettings().prettyPrint(false).outline(false);

    private final Safelist safelist;
    private final Set<String> linkableDomains;
    private final SimpleMarkup simple;

    Markup(Safelist safelist) {
        this(safelist, Set.of());
    }

    /**
     * @param linkableDomains domains whose links stay clickable, with {@code rel="nofollow ugc"}; {@code "*"} for all
     */
    Markup(Safelist safelist, Set<String> linkableDomains) {
        this.safelist = new Safelist(safelist);
        this.linkableDomains = Set.copyOf(linkableDomains);
        this.simple = new SimpleMarkup(this.safelist);
        if (!linkableDomains.isEmpty()) {
            this.safelist
                    .addTags("a")
                    .addAttributes("a", "href")
                    .addProtocols("a", "href", "http", "https")
                    .addEnforcedAttribute("a", "rel", "nofollow ugc");
        }
    }

    /**
     * Both forms. Text with no markup, no entities and no character jsoup would rewrite comes back unchanged from
     * jsoup, so it skips the parser (most comments are such text); so does simple formatting ({@link SimpleMarkup});
     * everything else is parsed once for both forms.
     */
    Sanitized sanitize(String body) {
        return sanitize(body, isPlainText(body));
    }

    /** Both forms, for a caller that already knows {@link #isPlainText} of the body. */
    Sanitized sanitize(String body, boolean plainText) {
        if (plainText) {
            return new Sanitized(body, escapeForHtml(body));
        }
        Sanitized simpleMarkup = simple.sanitize(body); // bold, italics, line breaks and &amp;, as most markup is
        return simpleMarkup != null ? simpleMarkup : parse(body);
    }

    /** The safelist this markup applies, for tests. */
    Safelist safelistForTests() {
        return safelist;
    }

    /** Both forms from one jsoup parse. */
    Sanitized parse(String body) {
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(body, ""));
        clean.outputSettings(COMPACT.clone());
        if (!linkableDomains.isEmpty()) {
            for (Element link : clean.select("a")) {
                if (!isLinkable(link.attr("href"))) {
                    link.unwrap(); // the text stays, the link goes
                }
            }
        }
        return new Sanitized(clean.body().wholeText(), clean.body().html());
    }

    /**
     * Whether jsoup would return the body as it is: no tag or entity ({@code <}, {@code &}), and only characters its
     * tokeniser keeps (printable ASCII, tab, line feed, and from U+00A0 up, less noncharacters, the BOM, line and
     * paragraph separators and unpaired surrogates). Checked against jsoup on every labelled comment and 200,000
     * random strings ({@code MarkupTest}).
     */
    static boolean isPlainText(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '<' || c == '&') {
                return false;
            }
            if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
                continue;
            }
            if (c < 0xA0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (c == 0xFEFF
                    || c == 0xFFFE
                    || c == 0xFFFF
                    || c == 0x2028
                    || c == 0x2029
                    || (c >= 0xFDD0 && c <= 0xFDEF)) {
                return false;
            }
        }
        return true;
    }

    /** What jsoup's HTML output does to plain text: {@code >} and the no-break space become entities. */
    private static String escapeForHtml(String text) {
        if (text.indexOf('>') < 0 && text.indexOf('\u00A0') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '>' -> out.append("&gt;");
                case '\u00A0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private boolean isLinkable(String href) {
        int scheme = href.indexOf("://");
        if (scheme < 0) {
            return false; // the safelist only lets http and https through; anything else is no link
        }
        if (linkableDomains.contains(Policy.ANY_DOMAIN)) {
            return true;
        }
        int start = scheme + 3;
        int end = start;
        while (end < href.length() && "/?#:@".indexOf(href.charAt(end)) < 0) {
            end++;
        }
        if (end < href.length() && href.charAt(end) == '@') {
            return false; // user info before the host: https://news.example@evil.example/
        }
        String host = href.substring(start, end).toLowerCase(Locale.ROOT);
        return linkableDomains.stream().anyMatch(domain -> Links.isWithin(host, domain));
    }

    /**
     * A body made safe.
     *
     * @param text every tag removed, entities decoded, line breaks kept
     * @param html reduced to the safelist
     */
    record Sanitized(String text, String html) {}
}
