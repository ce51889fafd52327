package io.modstream.moderation.policy;

import java.util.Arrays;

/**
 * {@link DeobfuscatedText} as it was at {@code d96f02d}, before the space between two words joined the plain runs:
 * kept so {@code DeobfuscatedTextTest} can hold the faster one to exactly what this one returns. Do not change it.
 *
 * <p>A comment with its disguises undone, for the checks that look for addresses: letters folded by
 * {@link ObfuscatedLetters} and separators such as {@code [.]} or {@code (at)} replaced by {@link ObfuscatedSeparator},
 * so {@code ｅｘａｍｐｌｅ (dot) com} reads {@code example.com}. Every char of the folded text remembers the span of
 * the original it came from, so a finding in the folded text maps back to the whole disguised text. A comment with
 * nothing to undo is not copied. Built in one pass with bounded look-around. Immutable and thread-safe.
 */
final class DeobfuscatedTextBefore {

    /** {@link #isPlain} for each ASCII char, looked up rather than compared seven times: it is asked of every char. */
    private static final boolean[] PLAIN_ASCII = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            PLAIN_ASCII[c] = !mayStartSeparator(c);
        }
    }

    private final String original;
    private final String text;
    private final Changes changes;

    private DeobfuscatedTextBefore(String original, String text, Changes changes) {
        this.original = original;
        this.text = text;
        this.changes = changes;
    }

    static DeobfuscatedTextBefore of(String body) {
        int i = firstMaybeDisguised(body);
        if (i == body.length()) {
            return new DeobfuscatedTextBefore(body, body, Changes.NONE);
        }
        Builder out = new Builder(body);
        out.keep(0, i);
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c < 0x80 && !mayStartSeparator(c)) {
                int plainEnd = i + 1;
                while (plainEnd < body.length() && isPlain(body.charAt(plainEnd))) {
                    plainEnd++;
                }
                out.keep(i, plainEnd); // most of the text: counted here, copied in one go at the next change
                i = plainEnd;
                continue;
            }
            if (mayStartSeparator(c)) {
                ObfuscatedSeparator separator = ObfuscatedSeparator.at(body, i, out);
                if (separator != null && separator.meaning() == ObfuscatedSeparator.SPACES_AFTER_DOT) {
                    out.drop(i, separator.end());
                    i = separator.end();
                    continue;
                }
                if (separator != null) {
                    out.put(separator.meaning(), i, separator.end());
                    i = separator.end();
                    continue;
                }
                if (c < 0x80) {
                    out.keep(i, i + 1); // a space, tab or bracket that begins no separator; ASCII never folds
                    i++;
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
                out.drop(i, i + width);
            }
            i += width;
        }
        return out.build();
    }

    /**
     * A quick first pass: most comments are ASCII without a disguised separator, and need no folding. Returns the
     * length of the body when none of it may be disguised; the text before the index returned is kept as it is.
     */
    private static int firstMaybeDisguised(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= 0x80 || (mayStartSeparator(c) && ObfuscatedSeparator.hasShapeAt(body, i))) {
                return i;
            }
        }
        return body.length();
    }

    /** ASCII that cannot begin a separator: kept as it is. */
    private static boolean isPlain(char c) {
        return c < 0x80 && PLAIN_ASCII[c];
    }

    private static boolean mayStartSeparator(char c) {
        return c == ' ' || c == '\t' || c == '(' || c == '[' || c == '{' || c == '<' || c == '\u00A0' || c == '\u3000';
    }

    /** The folded text. */
    String text() {
        return text;
    }

    /** Where the folded char at {@code index} begins in the original. */
    int originalStart(int index) {
        return index < text.length() ? changes.start(index) : original.length();
    }

    /** Where the folded text ending just before {@code end} ends in the original. */
    int originalEnd(int end) {
        return end == 0 ? 0 : changes.end(end - 1);
    }

    /** Whether any char in {@code [from, to)} of the folded text was disguised in the original. */
    boolean isDisguised(int from, int to) {
        for (int i = from; i < to; i++) {
            int start = changes.start(i);
            if (changes.end(i) - start != 1 || original.charAt(start) != text.charAt(i)) {
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

    /**
     * Where each folded char came from, stored sparsely: one entry per change (a char put in place of a span of the
     * original, or a span dropped), in the order of the folded text. A char between changes was kept as it was, so
     * it maps to the original at the offset the change before it left. Most comments that differ at all differ in a
     * few accented letters, so this is far smaller and cheaper to build than an entry for every char.
     */
    private static final class Changes {

        static final Changes NONE = new Changes();

        /** Where each change begins in the folded text, ascending; equal for a drop followed by a put. */
        private int[] at = new int[8];
        /** How many folded chars it put there: 0 for a drop, 2 for a surrogate pair. */
        private int[] width = new int[8];
        /** The span of the original it replaced. */
        private int[] from = new int[8];

        private int[] to = new int[8];
        private int count;

        void add(int foldedAt, int foldedWidth, int originalFrom, int originalTo) {
            if (count == at.length) {
                at = Arrays.copyOf(at, 2 * count);
                width = Arrays.copyOf(width, 2 * count);
                from = Arrays.copyOf(from, 2 * count);
                to = Arrays.copyOf(to, 2 * count);
            }
            at[count] = foldedAt;
            width[count] = foldedWidth;
            from[count] = originalFrom;
            to[count] = originalTo;
            count++;
        }

        /** Where folded char {@code index} begins in the original. */
        int start(int index) {
            int k = lastAtOrBefore(index);
            if (k < 0) {
                return index;
            }
            return index < at[k] + width[k] ? from[k] : to[k] + (index - at[k] - width[k]);
        }

        /** Where folded char {@code index} ends in the original. */
        int end(int index) {
            int k = lastAtOrBefore(index);
            if (k < 0) {
                return index + 1;
            }
            return index < at[k] + width[k] ? to[k] : to[k] + (index - at[k] - width[k]) + 1;
        }

        /** The last change that begins at or before {@code index}, or -1. */
        private int lastAtOrBefore(int index) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (at[middle] <= index) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return high;
        }
    }

    /**
     * Collects the folded text. Kept chars are not copied one by one: a run of them is only counted, and copied in
     * one go when the next change comes, so a comment with nothing to undo is never copied at all.
     */
    private static final class Builder implements CharSequence {

        private final String body;
        private final Changes changes = new Changes();
        /** The folded text up to {@code copied}; allocated at the first change (folding never makes text longer). */
        private char[] chars;

        private int copied;
        /** Where the run of kept chars not yet copied begins in the original; it ends at folded {@code length}. */
        private int runFrom;

        private int length;

        Builder(String body) {
            this.body = body;
        }

        void keep(int from, int to) {
            if (copied == length) {
                runFrom = from;
            }
            length += to - from; // always right after the run: anything else that happens in between copies it
        }

        void put(int cp, int from, int to) {
            copyRun();
            int width = Character.toChars(cp, chars, length);
            changes.add(length, width, from, to);
            length += width;
            copied = length;
        }

        void drop(int from, int to) {
            copyRun();
            changes.add(length, 0, from, to);
        }

        private void copyRun() {
            if (chars == null) {
                chars = new char[body.length()];
            }
            body.getChars(runFrom, runFrom + (length - copied), chars, copied);
            copied = length;
        }

        DeobfuscatedTextBefore build() {
            if (chars == null) {
                return new DeobfuscatedTextBefore(body, body, Changes.NONE);
            }
            copyRun();
            return new DeobfuscatedTextBefore(body, new String(chars, 0, length), changes);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return index < copied ? chars[index] : body.charAt(runFrom + index - copied);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder out = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                out.append(charAt(i));
            }
            return out;
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
