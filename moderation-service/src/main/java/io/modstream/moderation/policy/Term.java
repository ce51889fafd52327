package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a term list, normalised like a comment when the check is built.
 *
 * <p>An entry is a word or a short phrase. By default it matches a whole word of the normalised text, optionally
 * followed by an inflection ({@code s}, {@code es}, {@code ed}, {@code ing}, {@code ings}, {@code in}, and {@code d}
 * after a final e): {@code slut} matches "sluts", but {@code cunt} does not match "Scunthorpe". A {@code *} at the
 * end lets it begin a longer word ({@code wank*} matches "wanker"), a {@code *} at the start lets it end one
 * ({@code *shit} matches "bullshit"), and both let it sit anywhere inside a word ({@code *fuck*} matches
 * "clusterfuck"). Letters of the entry must repeat at least as often in the text as in the entry: {@code ass} matches
 * "asssss" but not "as". Each i and l of an entry also matches a {@link NormalizedText#STROKE}.
 *
 * <p>Immutable and thread-safe.
 */
final class Term {

    /** Which list the entry came from. */
    enum Kind {
        BANNED,
        SUSPECT,
        /** An innocent word that contains a listed one: a listed word found inside it is not reported. */
        ALLOWED
    }

    private static final List<String> INFLECTIONS = List.of("s", "es", "ed", "ing", "ings", "in");
    private static final List<String> INFLECTIONS_AFTER_E = List.of("s", "d", "es", "ed", "ing", "ings", "in");

    /** More i and l than this in one entry are matched as written, to keep the number of keywords small. */
    private static final int MAX_STROKES = 6;

    private final String entry;
    private final Kind kind;
    private final NormalizedText form;
    private final boolean anyStart;
    private final boolean anyEnd;

    private Term(String entry, Kind kind, NormalizedText form, boolean anyStart, boolean anyEnd) {
        this.entry = entry;
        this.kind = kind;
        this.form = form;
        this.anyStart = anyStart;
        this.anyEnd = anyEnd;
    }

    /**
     * Reads one list entry.
     *
     * @throws IllegalArgumentException if the entry, without its stars, does not start and end with a letter or digit
     */
    static Term parse(String entry, Kind kind) {
        boolean anyStart = entry.startsWith("*");
        boolean anyEnd = entry.length() > 1 && entry.endsWith("*");
        String words = entry.substring(anyStart ? 1 : 0, entry.length() - (anyEnd ? 1 : 0));
        NormalizedText form = NormalizedText.of(words);
        String text = form.text();
        if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            throw new IllegalArgumentException("term list entry must start and end with a letter: '" + entry + "'");
        }
        return new Term(entry, kind, form, anyStart, anyEnd);
    }

    Kind kind() {
        return kind;
    }

    /** What the automaton looks for: the normalised entry, once for every way of writing its i and l as a stroke. */
    List<String> keywords() {
        String text = form.text();
        List<Integer> strokes = new ArrayList<>();
        for (int i = 0; i < text.length() && strokes.size() < MAX_STROKES; i++) {
            if (text.charAt(i) == 'i' || text.charAt(i) == 'l') {
                strokes.add(i);
            }
        }
        List<String> keywords = new ArrayList<>();
        for (int mask = 0; mask < 1 << strokes.size(); mask++) {
            char[] keyword = text.toCharArray();
            for (int bit = 0; bit < strokes.size(); bit++) {
                if ((mask & 1 << bit) != 0) {
                    keyword[strokes.get(bit)] = NormalizedText.STROKE;
                }
            }
            keywords.add(new String(keyword));
        }
        return keywords;
    }

    /**
     * Where this term, found by the automaton at {@code [start, end)} of {@code text}, ends with its inflection; -1 if
     * the find does not count (it lies inside a longer word, or a double letter of the entry is single in the text).
     */
    int matchEnd(NormalizedText text, int start, int end) {
        if (!anyStart && start > 0 && NormalizedText.isWordChar(text.charAt(start - 1))) {
            return -1;
        }
        for (int i = start; i < end; i++) {
            if (text.runLength(i) < form.runLength(i - start)) {
                return -1;
            }
        }
        if (anyEnd || isWordEnd(text, end)) {
            return end;
        }
        for (String inflection : form.text().endsWith("e") ? INFLECTIONS_AFTER_E : INFLECTIONS) {
            int after = end + inflection.length();
            if (after <= text.length()
                    && text.startsWith(inflection, end)
                    && isSingle(text, end, after)
                    && isWordEnd(text, after)) {
                return after;
            }
        }
        return -1;
    }

    private static boolean isWordEnd(NormalizedText text, int index) {
        return index == text.length() || !NormalizedText.isWordChar(text.charAt(index));
    }

    /** Whether no letter in {@code [from, to)} is doubled: "asses" ends in the inflection "es", "assess" does not. */
    private static boolean isSingle(NormalizedText text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.runLength(i) != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return kind + " " + entry;
    }
}
