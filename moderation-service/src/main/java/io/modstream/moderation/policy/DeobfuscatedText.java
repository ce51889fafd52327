package io.modstream.moderation.policy;

/**
 * A comment with its disguises undone, for the checks that look for addresses: letters folded by
 * {@link ObfuscatedLetters} and separators such as {@code [.]} or {@code (at)} replaced by {@link ObfuscatedSeparator},
 * so {@code ｅｘａｍｐｌｅ (dot) com} reads {@code example.com}. Every char of the folded text remembers the span of
 * the original it came from, so a finding in the folded text maps back to the whole disguised text. A comment with
 * nothing to undo is not copied. Built in one pass with bounded look-around. Immutable and thread-safe.
 */
final class DeobfuscatedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private DeobfuscatedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    static DeobfuscatedText of(String body) {
        if (!mayBeDisguised(body)) {
            return new DeobfuscatedText(body, body, new int[0], new int[0]);
        }
        Builder out = new Builder(body);
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c < 0x80 && !mayStartSeparator(c)) {
                int plainEnd = i + 1;
                while (plainEnd < body.length() && isPlain(body.charAt(plainEnd))) {
                    plainEnd++;
                }
                out.keep(i, plainEnd); // kept as one stretch: most of the text, once it differs, is copied this way
                i = plainEnd;
                continue;
            }
            if (mayStartSeparator(c)) {
                ObfuscatedSeparator separator = ObfuscatedSeparator.at(body, i, out);
                if (separator != null) {
                    out.put(separator.meaning(), i, separator.end());
                    i = separator.end();
                    continue;
                }
            }
            int cp = body.codePointAt(i);
            int width = Character.charCount(cp);
            int folded = ObfuscatedLetters.fold(cp);
            if (folded == '.' && cp != '.' && !isBetweenAsciiLetters(body, i + width, out)) {
                folded = cp; // an ideographic full stop in Chinese or Japanese prose ends a sentence
            }
            if (folded == cp) {
                out.keep(i, i + width);
            } else if (folded != ObfuscatedLetters.DROP) {
                out.put(folded, i, i + width);
            } else {
                out.drop();
            }
            i += width;
        }
        return out.build();
    }

    /** A quick first pass: most comments are ASCII without a disguised separator, and need no folding. */
    private static boolean mayBeDisguised(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= 0x80 || (mayStartSeparator(c) && ObfuscatedSeparator.hasShapeAt(body, i))) {
                return true;
            }
        }
        return false;
    }

    /** ASCII that cannot begin a separator: kept as it is. */
    private static boolean isPlain(char c) {
        return c < 0x80 && !mayStartSeparator(c);
    }

    private static boolean mayStartSeparator(char c) {
        return c == ' ' || c == '\t' || c == '(' || c == '[' || c == '{' || c == '\u00A0' || c == '\u3000';
    }

    /** The folded text. */
    String text() {
        return text;
    }

    /** Where the folded char at {@code index} begins in the original. */
    int originalStart(int index) {
        if (starts.length == 0) {
            return index;
        }
        return index < text.length() ? starts[index] : original.length();
    }

    /** Where the folded text ending just before {@code end} ends in the original. */
    int originalEnd(int end) {
        if (starts.length == 0 || end == 0) {
            return end;
        }
        return ends[end - 1];
    }

    /** Whether any char in {@code [from, to)} of the folded text was disguised in the original. */
    boolean isDisguised(int from, int to) {
        for (int i = from; i < to && starts.length > 0; i++) {
            if (ends[i] - starts[i] != 1 || original.charAt(starts[i]) != text.charAt(i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBetweenAsciiLetters(String body, int next, CharSequence before) {
        return before.length() > 0
                && isAsciiAlphanumeric(before.charAt(before.length() - 1))
                && next < body.length()
                && isAsciiAlphanumeric(ObfuscatedLetters.fold(body.codePointAt(next)));
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Collects the folded text; stays a view of the original until the first change. */
    private static final class Builder implements CharSequence {

        private final String body;
        private StringBuilder text = new StringBuilder(0);
        private int[] starts = new int[0];
        private int[] ends = new int[0];
        private int length;
        private boolean same = true;

        Builder(String body) {
            this.body = body;
        }

        void keep(int from, int to) {
            if (same) {
                length += to - from;
                return;
            }
            text.append(body, from, to);
            int at = length; // a local, not the field, so that the loop compiles to a simple fill
            for (int i = from; i < to; i++, at++) {
                starts[at] = i;
                ends[at] = i + 1;
            }
            length = at;
        }

        void put(int cp, int from, int to) {
            change();
            if (Character.isBmpCodePoint(cp)) {
                add((char) cp, from, to);
            } else {
                add(Character.highSurrogate(cp), from, to);
                add(Character.lowSurrogate(cp), from, to);
            }
        }

        void drop() {
            change();
        }

        private void add(char c, int from, int to) {
            text.append(c);
            starts[length] = from;
            ends[length] = to;
            length++;
        }

        private void change() {
            if (!same) {
                return;
            }
            same = false;
            text = new StringBuilder(body.length());
            text.append(body, 0, length);
            starts = new int[body.length()];
            ends = new int[body.length()];
            for (int i = 0; i < length; i++) {
                starts[i] = i;
                ends[i] = i + 1;
            }
        }

        DeobfuscatedText build() {
            return same
                    ? new DeobfuscatedText(body, body, new int[0], new int[0])
                    : new DeobfuscatedText(body, text.toString(), starts, ends);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return same ? body.charAt(index) : text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return same ? body.subSequence(start, end) : text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
