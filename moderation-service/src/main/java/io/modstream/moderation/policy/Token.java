package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stretch of (deobfuscated) text that may be a link, found by {@link #scan} in one pass: a URL with a scheme
 * ({@code https://…}, the defanged {@code hxxp://…} and {@code h**p://…}, {@code javascript:…}), or a run of host
 * characters with a dot in it ({@code example.com}, {@code 192.168.0.1}, {@code 例え.jp}) with the port, path, query
 * and fragment after it. A token ends at white space, quotes and angle brackets, so {@code <a href="…">} and
 * {@code [text](…)} yield the address alone; brackets inside a URL are kept while they balance
 * ({@code /wiki/Foo_(bar)}, {@code http://[2001:db8::1]/}); trailing sentence punctuation is left out. Whether a token
 * is a link is for {@link Links} to say.
 *
 * @param start index of the first char, the scheme's for a URL
 * @param hostStart index of the host's first char
 * @param hostEnd index just past the host (equal to {@code hostStart} for {@code javascript:})
 * @param end index just past the token
 * @param scheme whether the token began with a scheme
 */
record Token(int start, int hostStart, int hostEnd, int end, boolean scheme) {

    private static final int MAX_SCHEME = 16;
    private static final String[] SCRIPT_SCHEMES = {"javascript", "vbscript"};
    /**
     * Schemes without {@code //} that lead somewhere, each with what must follow the colon: a torrent
     * ({@code magnet:?xt=…}), a chat ({@code skype:name?chat}), a payment ({@code bitcoin:1A…}), an inline page
     * ({@code data:text/html,…}). Written as a word and a colon they are also prose ("Skype: ask Tom"), hence the
     * shape checks in {@link #opaque}.
     */
    private static final String[] OPAQUE_SCHEMES = {"magnet", "skype", "bitcoin", "data"};

    private static final int MAX_IPV6 = 41;

    /** The candidate links in {@code text}, in order; a mixed-script run is followed by its ASCII parts. */
    static List<Token> scan(String text) {
        if (!mayHaveToken(text)) {
            return List.of();
        }
        List<Token> tokens = new ArrayList<>();
        Landmarks landmarks = new Landmarks(text);
        int i = 0;
        while (i < text.length()) {
            i = landmarks.nextStretch(i);
            if (i < 0) {
                break;
            }
            char c = text.charAt(i);
            if (c == ':') {
                Token url = url(text, i, tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end);
                if (url != null) {
                    tokens.add(url);
                    i = url.end;
                    continue;
                }
            }
            if (c == '[') {
                Token literal = ipv6(text, i);
                if (literal != null) {
                    tokens.add(literal);
                    i = literal.end;
                    continue;
                }
            }
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int runEnd = i;
            boolean ascii = true;
            while (runEnd < text.length() && isHostChar(text.charAt(runEnd))) {
                ascii &= text.charAt(runEnd) < 0x80;
                runEnd++;
            }
            if (!text.startsWith("://", runEnd)) {
                host(text, i, runEnd, tokens);
                if (!ascii) {
                    for (int part = i; part < runEnd; ) {
                        int partEnd = part;
                        while (partEnd < runEnd && text.charAt(partEnd) < 0x80) {
                            partEnd++;
                        }
                        host(text, part, partEnd, tokens);
                        part = partEnd + 1;
                    }
                }
            }
            i = Math.max(runEnd, tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end);
        }
        return tokens;
    }

    /**
     * Where a token may begin, for {@link #scan} to skip the words between: only a colon (a scheme's), an opening
     * bracket (an IPv6 literal's) or a run of host chars with a dot in it yields a token, and most words have none of
     * them. Each is found with {@link String#indexOf}, which the JVM runs many chars at a time; reading every char of
     * a comment with one link in it cost more than judging the link.
     */
    private static final class Landmarks {

        private static final char[] MARKS = {':', '[', '.'};

        private final String text;
        /** For each mark, where it next occurs at or after the last index asked for; -1 when it occurs no more. */
        private final int[] next = new int[MARKS.length];

        Landmarks(String text) {
            this.text = text;
            for (int k = 0; k < MARKS.length; k++) {
                next[k] = text.indexOf(MARKS[k]);
            }
        }

        /**
         * Where the scan, at {@code from}, next needs to look, or -1 for nowhere: at the first colon or bracket, or at
         * the start of the run of host chars around the first dot, whichever comes first; never before {@code from}.
         * The chars skipped yield no token: each run among them lacks a dot and is not followed by a colon, and the
         * last of them is not a host char, so the scan would have reached that start as the start of a run or a
         * char to step over. {@code from} never decreases.
         */
        int nextStretch(int from) {
            int first = -1;
            for (int k = 0; k < MARKS.length; k++) {
                if (next[k] >= 0 && next[k] < from) {
                    next[k] = text.indexOf(MARKS[k], from);
                }
                if (next[k] >= 0 && (first < 0 || next[k] < first)) {
                    first = next[k];
                }
            }
            if (first < 0 || text.charAt(first) != '.') {
                return first;
            }
            int start = first;
            while (start > from && isHostChar(text.charAt(start - 1))) {
                start--;
            }
            return start;
        }
    }

    /**
     * Whether {@code text} has a colon, which a scheme needs, or a dot with a host char on both sides, which a host
     * needs (its dot lies between two letters or digits of one run of host chars). Most comments have neither: their
     * dots end sentences. {@link String#indexOf} finds both faster than the scan would read each char.
     */
    private static boolean mayHaveToken(String text) {
        if (text.indexOf(':') >= 0) {
            return true;
        }
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (dot > 0
                    && dot + 1 < text.length()
                    && isHostChar(text.charAt(dot - 1))
                    && isHostChar(text.charAt(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the host in {@code [from, to)} with what follows it, if it has a dot between two labels. */
    private static void host(String text, int from, int to, List<Token> tokens) {
        int start = from;
        while (start < to && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        int hostEnd = to;
        while (hostEnd > start && !Character.isLetterOrDigit(text.charAt(hostEnd - 1))) {
            hostEnd--;
        }
        if (!hasDot(text, start, hostEnd)) {
            return;
        }
        boolean more = hostEnd == to
                && to < text.length()
                && ("/?#".indexOf(text.charAt(to)) >= 0
                        || (text.charAt(to) == ':' && to + 1 < text.length() && isDigit(text.charAt(to + 1))));
        tokens.add(new Token(start, start, hostEnd, more ? end(text, to) : hostEnd, false));
    }

    private static @Nullable Token url(String text, int colon, int floor) {
        int start = colon;
        while (start > floor && colon - start < MAX_SCHEME && isSchemeChar(text.charAt(start - 1))) {
            start--;
        }
        if (start == colon || !Character.isLetter(text.charAt(start))) {
            return null;
        }
        if (text.startsWith("//", colon + 1)) {
            int authority = colon + 3;
            boolean host = authority < text.length()
                    && (Character.isLetterOrDigit(text.charAt(authority)) || text.charAt(authority) == '[');
            return host ? withHost(start, authority, end(text, authority), text) : null;
        }
        for (String opaque : OPAQUE_SCHEMES) {
            if (colon - start == opaque.length() && text.regionMatches(true, start, opaque, 0, opaque.length())) {
                int end = end(text, colon + 1);
                return opaque(text, opaque, colon + 1, end) ? new Token(start, colon + 1, colon + 1, end, true) : null;
            }
        }
        for (String script : SCRIPT_SCHEMES) {
            if (colon - start == script.length() && text.regionMatches(true, start, script, 0, script.length())) {
                int end = end(text, colon + 1);
                return end > colon + 1 ? new Token(start, colon + 1, colon + 1, end, true) : null;
            }
        }
        return null;
    }

    /** Whether {@code [from, to)} looks like what {@code scheme} leads to, not like a word after a colon. */
    private static boolean opaque(String text, String scheme, int from, int to) {
        if (to - from < 6) {
            return false;
        }
        return switch (scheme) {
            case "magnet" -> text.charAt(from) == '?';
            case "data" -> Character.isLetter(text.charAt(from)) && text.indexOf('/', from) < to;
            case "bitcoin" -> to - from >= 26;
            default -> Character.isLetter(text.charAt(from));
        };
    }

    /**
     * A bracketed IPv6 literal at {@code open} ({@code [::1]}, {@code [2001:db8::1]:8080/x}): hex digits and at least
     * two colons up to a closing bracket, with the port and path after it; {@link Links} checks its groups.
     */
    private static @Nullable Token ipv6(String text, int open) {
        int close = open + 1;
        int colons = 0;
        while (close < text.length() && close - open <= MAX_IPV6) {
            char c = text.charAt(close);
            if (c == ':') {
                colons++;
            } else if (c >= 0x80 || Character.digit(c, 16) < 0) {
                break;
            }
            close++;
        }
        if (colons < 2 || close >= text.length() || text.charAt(close) != ']') {
            return null;
        }
        int hostEnd = close + 1;
        boolean more = hostEnd < text.length() && "/:".indexOf(text.charAt(hostEnd)) >= 0;
        return new Token(open, open, hostEnd, more ? Math.max(hostEnd, end(text, hostEnd)) : hostEnd, false);
    }

    private static Token withHost(int start, int authority, int end, String text) {
        int authorityEnd = authority;
        int hostStart = authority;
        for (; authorityEnd < end && "/?#".indexOf(text.charAt(authorityEnd)) < 0; authorityEnd++) {
            if (text.charAt(authorityEnd) == '@') {
                hostStart = authorityEnd + 1; // user info is not the host
            }
        }
        boolean ipv6 = hostStart < authorityEnd && text.charAt(hostStart) == '[';
        int hostEnd = hostStart;
        while (hostEnd < authorityEnd && (ipv6 ? text.charAt(hostEnd) != ']' : text.charAt(hostEnd) != ':')) {
            hostEnd++;
        }
        return new Token(start, hostStart, ipv6 ? Math.min(hostEnd + 1, authorityEnd) : hostEnd, end, true);
    }

    private static boolean hasDot(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    /** Where a URL that goes on at {@code from} ends: at a delimiter or an unbalanced closing bracket. */
    private static int end(String text, int from) {
        int parens = 0;
        int brackets = 0;
        int end = from;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '(' || c == '[') {
                parens += c == '(' ? 1 : 0;
                brackets += c == '[' ? 1 : 0;
            } else if (c == ')' || c == ']') {
                if ((c == ')' ? parens : brackets) == 0) {
                    break;
                }
                parens -= c == ')' ? 1 : 0;
                brackets -= c == ']' ? 1 : 0;
            } else if (isDelimiter(c)) {
                break;
            }
        }
        while (end > from && ".,;:!?*~'…".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isSchemeChar(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '+' || c == '-' || c == '*' || c == '#';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c)
                || Character.isISOControl(c)
                || Character.isSurrogate(c)
                || "\"'<>`|\\^{}“”‘’«»".indexOf(c) >= 0;
    }
}
