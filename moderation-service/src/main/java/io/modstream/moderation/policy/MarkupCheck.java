package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reports markup the site's safelist will remove: tags it does not allow, and any attribute (event handlers, styles
 * and links included). The removal itself is done by jsoup when the engine sanitises the published text, so these
 * findings rewrite nothing; a site may still choose to hold or reject such comments. One pass; at most
 * {@value #MAX_FINDINGS} findings. Immutable and thread-safe.
 */
final class MarkupCheck implements Check {

    static final int MAX_FINDINGS = 20;

    private static final Set<String> FORMATTING =
            Set.of("b", "i", "em", "strong", "p", "br", "blockquote", "ul", "ol", "li");

    private final Policy.MarkupPolicy markup;
    private final Action action;

    MarkupCheck(Policy.MarkupPolicy markup, Action action) {
        this.markup = markup;
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        String body = submission.body();
        List<Finding> findings = new ArrayList<>();
        int at = body.indexOf('<');
        while (at >= 0 && at + 1 < body.length() && findings.size() < MAX_FINDINGS) {
            int nameStart = body.charAt(at + 1) == '/' ? at + 2 : at + 1;
            int nameEnd = nameStart;
            while (nameEnd < body.length() && Character.isLetterOrDigit(body.charAt(nameEnd))) {
                nameEnd++;
            }
            int close = body.indexOf('>', nameEnd);
            if (nameEnd == nameStart || close < 0) {
                at = body.indexOf('<', at + 1);
                continue;
            }
            String name = body.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            boolean hasAttributes =
                    !body.substring(nameEnd, close).replace("/", "").isBlank();
            if (!allowed(name) || hasAttributes) {
                // Replaced by itself: jsoup removes it when sanitising, so the rewrite must leave it for jsoup.
                findings.add(new Finding(
                        ReasonCodes.MARKUP, message(name), at, close + 1, action, body.substring(at, close + 1)));
            }
            at = body.indexOf('<', close + 1);
        }
        return findings;
    }

    private boolean allowed(String name) {
        return markup == Policy.MarkupPolicy.BASIC && FORMATTING.contains(name);
    }

    private static String message(String name) {
        return name.equals("script") || name.equals("style")
                ? "Scripts and styles are removed from comments."
                : "Only basic formatting is kept in comments.";
    }
}
