package io.modstream.moderation.policy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

    Markup(Safelist safelist) {
        this.safelist = new Safelist(safelist);
    }

    /** The body as an HTML fragment within the safelist. */
    String html(String body) {
        return sanitize(body).html();
    }

    /** The body as plain text: every tag removed, entities decoded, line breaks kept. */
    String text(String body) {
        return sanitize(body).text();
    }

    /** Both forms from one parse: parsing is most of the cost. */
    Sanitized sanitize(String body) {
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(body, ""));
        clean.outputSettings(COMPACT.clone());
        return new Sanitized(clean.body().wholeText(), clean.body().html());
    }

    /**
     * A body made safe.
     *
     * @param text every tag removed, entities decoded, line breaks kept
     * @param html reduced to the safelist
     */
    record Sanitized(String text, String html) {}
}
