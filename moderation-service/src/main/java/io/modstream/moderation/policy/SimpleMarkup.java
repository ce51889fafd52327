package io.modstream.moderation.policy;

import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Sanitises, without jsoup, the markup most comments that have any carry: text with balanced {@code <b>},
 * {@code <i>}, {@code <em>}, {@code <strong>} (at most {@value #MAX_DEPTH} deep), {@code <br>} and {@code &amp;},
 * exactly as written (lower case, no attributes, no other entity). For such a body jsoup's parse and clean keep or
 * drop each tag as the safelist says and change nothing else, so both forms can be written directly: the text with
 * the tags out, {@code &amp;} decoded and a kept {@code <br>} as a line break; the HTML with the kept tags and the
 * text escaped as jsoup escapes it ({@code >} and the no-break space). Any other body is answered with null and goes
 * to jsoup. Held to jsoup's own output on random markup by {@code MarkupTest}. Immutable and thread-safe.
 */
final class SimpleMarkup {

    private static final String[] TAGS = {"b", "i", "em", "strong"};
    private static final String BREAK = "<br>";
    private static final String AMPERSAND = "&amp;";

    /** Deep enough for real comments; deeper nesting of formatting elements is where HTML parsing gets subtle. */
    private static final int MAX_DEPTH = 3;

    private final boolean[] keepsTag = new boolean[TAGS.length];
    private final boolean keepsBreak;

    SimpleMarkup(Safelist safelist) {
        for (int k = 0; k < TAGS.length; k++) {
            keepsTag[k] = safelist.isSafeTag(TAGS[k]);
        }
        keepsBreak = safelist.isSafeTag("br");
    }

    /** Both forms, or null when the body is not such simple markup. */
    Markup.@Nullable Sanitized sanitize(String body) {
        return isSimple(body) ? write(body) : null;
    }

    /** Whether every char is kept as it is and every tag and entity is one of the simple ones, balanced. */
    private static boolean isSimple(String body) {
        int[] open = new int[MAX_DEPTH];
        int depth = 0;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '&') {
                if (!body.startsWith(AMPERSAND, i)) {
                    return false;
                }
                i += AMPERSAND.length();
            } else if (c == '<') {
                if (body.startsWith(BREAK, i)) {
                    i += BREAK.length();
                    continue;
                }
                boolean closing = i + 1 < body.length() && body.charAt(i + 1) == '/';
                int nameStart = closing ? i + 2 : i + 1;
                int tag = tagAt(body, nameStart);
                if (tag < 0) {
                    return false;
                }
                if (closing) {
                    if (depth == 0 || open[depth - 1] != tag) {
                        return false; // misnested or unopened: the tree builder's repairs are jsoup's to make
                    }
                    depth--;
                } else {
                    if (depth == MAX_DEPTH) {
                        return false;
                    }
                    open[depth++] = tag;
                }
                i = nameStart + TAGS[tag].length() + 1;
            } else {
                i = keptAsIsEnd(body, i);
                if (i < 0) {
                    return false; // a char jsoup's tokeniser rewrites
                }
            }
        }
        return depth == 0;
    }

    /** Both forms of a simple body: text between tags and entities is copied a stretch at a time. */
    private Markup.Sanitized write(String body) {
        StringBuilder text = new StringBuilder(body.length());
        StringBuilder html = new StringBuilder(body.length() + 16);
        int i = 0;
        while (i < body.length()) {
            int next = nextMarkup(body, i);
            text.append(body, i, next);
            appendEscaped(html, body, i, next);
            if (next == body.length()) {
                break;
            }
            if (body.charAt(next) == '&') {
                text.append('&');
                html.append(AMPERSAND);
                i = next + AMPERSAND.length();
            } else if (body.startsWith(BREAK, next)) {
                if (keepsBreak) {
                    text.append('\n');
                    html.append(BREAK);
                }
                i = next + BREAK.length();
            } else {
                int end = body.indexOf('>', next) + 1;
                boolean closing = body.charAt(next + 1) == '/';
                if (keepsTag[tagAt(body, closing ? next + 2 : next + 1)]) {
                    html.append(body, next, end);
                }
                i = end;
            }
        }
        return new Markup.Sanitized(text.toString(), html.toString());
    }

    /** The first '<' or '&' at or after {@code from}, or the length. */
    private static int nextMarkup(String body, int from) {
        int tag = body.indexOf('<', from);
        int entity = body.indexOf('&', from);
        int end = tag < 0 ? body.length() : tag;
        return entity >= 0 && entity < end ? entity : end;
    }

    /** Text as jsoup writes it in HTML: {@code >} and the no-break space as entities. */
    private static void appendEscaped(StringBuilder html, String body, int from, int to) {
        int copied = from;
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c == '>' || c == '\u00A0') {
                html.append(body, copied, i).append(c == '>' ? "&gt;" : "&nbsp;");
                copied = i + 1;
            }
        }
        html.append(body, copied, to);
    }

    /** Which of {@link #TAGS} is named at {@code at} and closed right after by {@code >}, or -1. */
    private static int tagAt(String body, int at) {
        for (int k = 0; k < TAGS.length; k++) {
            String name = TAGS[k];
            int close = at + name.length();
            if (body.startsWith(name, at) && close < body.length() && body.charAt(close) == '>') {
                return k;
            }
        }
        return -1;
    }

    /**
     * Past the char at {@code i} (a whole surrogate pair) if jsoup's tokeniser keeps it as it is, else -1: the rule of
     * {@link Markup#isPlainText} for a char that is not markup.
     */
    private static int keptAsIsEnd(String body, int i) {
        char c = body.charAt(i);
        if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
            return i + 1;
        }
        if (c < 0xA0 || Character.isLowSurrogate(c)) {
            return -1;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1)) ? i + 2 : -1;
        }
        boolean rewritten =
                c == 0xFEFF || c == 0xFFFE || c == 0xFFFF || c == 0x2028 || c == 0x2029 || (c >= 0xFDD0 && c <= 0xFDEF);
        return rewritten ? -1 : i + 1;
    }
}
