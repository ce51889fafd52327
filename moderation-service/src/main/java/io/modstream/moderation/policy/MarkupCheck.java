package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reports markup the site's safelist will remove: tags it does not allow, any attribute (event handlers, styles and
 * links included), HTML comments and declarations, and a tag left open at the end (jsoup drops it with the text it
 * swallows, as in "if a&lt;b then"). A {@code <} that jsoup reads as text ("3 &lt; 5", "&lt;3") is not markup. The
 * removal itself is done by jsoup when the engine sanitises the published text, so these findings rewrite nothing; a
 * site may still choose to hold or reject such comments. One pass; at most {@value #MAX_FINDINGS} findings.
 * Immutable and thread-safe.
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
        if (action == Action.ALLOW) {
            return List.of();
        }
        String body = submission.body();
        List<Finding> findings = new ArrayList<>();
        int at = body.indexOf('<');
        while (at >= 0 && at + 1 < body.length() && findings.size() < MAX_FINDINGS) {
            char next = body.charAt(at + 1);
            int nameStart = next == '/' ? at + 2 : at + 1;
            if (next == '!' || next == '?') {
                int end = declarationEnd(body, at);
                findings.add(finding(body, at, end, message("")));
                at = body.indexOf('<', end);
                continue;
            }
            if (nameStart >= body.length() || !isAsciiLetter(body.charAt(nameStart))) {
                at = body.indexOf('<', at + 1); // text to jsoup, as tag names start with an ASCII letter
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < body.length() && Character.isLetterOrDigit(body.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = body.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            int close = body.indexOf('>', nameEnd);
            if (close < 0) {
                // No '>' anywhere after: jsoup drops the rest, and no later '<' can close either.
                findings.add(finding(body, at, body.length(), message(name)));
                break;
            }
            boolean hasAttributes =
                    !body.substring(nameEnd, close).replace("/", "").isBlank();
            if (!allowed(name) || hasAttributes) {
                findings.add(finding(body, at, close + 1, message(name)));
            }
            at = body.indexOf('<', close + 1);
        }
        return findings;
    }

    /** Replaced by itself: jsoup removes it when sanitising, so the rewrite must leave it for jsoup. */
    private Finding finding(String body, int start, int end, String message) {
        return new Finding(ReasonCodes.MARKUP, message, start, end, action, body.substring(start, end));
    }

    /** Past {@code <!-- ... -->}, or past the next {@code >} for {@code <!DOCTYPE>} and {@code <?xml?>}. */
    private static int declarationEnd(String body, int at) {
        boolean comment = body.startsWith("<!--", at);
        int close = comment ? body.indexOf("-->", at + 4) : body.indexOf('>', at);
        if (close < 0) {
            return body.length();
        }
        return close + (comment ? 3 : 1);
    }

    private boolean allowed(String name) {
        return markup == Policy.MarkupPolicy.BASIC && FORMATTING.contains(name);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * What the commenter reads, which depends on what the site does with such markup: removing it is never why a
     * comment is held or rejected, and the message says so, because another check may have rejected the comment.
     */
    private String message(String name) {
        boolean script = name.equals("script") || name.equals("style");
        String what = script
                ? "scripts or styles"
                : markup == Policy.MarkupPolicy.BASIC ? "markup beyond basic formatting" : "markup";
        return switch (action) {
            case REJECT -> "This site does not accept comments with " + what + ".";
            case REVIEW -> "Comments with " + what + " are checked by a moderator first.";
            default ->
                script
                        ? "Scripts and styles are left out of comments; on their own they do not hold or reject one."
                        : Character.toUpperCase(what.charAt(0))
                                + what.substring(1)
                                + " is left out of comments; on its own it does not hold or reject one.";
        };
    }
}
