package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** The most letters one mask (a run of stars) hides; see {@link NormalizedText#MASK}. */
    private static final int MAX_MASKED = 5;

    /** Words shorter than this are not matched masked: {@code a*s} is an A* grade more often than "ass". */
    private static final int MIN_MASKED_WORD = 4;

    /** Endings a masked word is also matched with, so the mask may hide letters of both: {@code f***ing}. */
    private static final List<String> MASKED_ENDINGS = List.of("", "s", "es", "ing", "er", "ed");

    /**
     * One string the automaton looks for on behalf of a term, with what the text must have at each of its chars: at
     * least {@code runs[i]} equal chars, or, where the keyword has a {@link NormalizedText#MASK}, exactly
     * {@code -runs[i]} stars.
     */
    record Keyword(String text, int[] runs, Term term) {}

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

    /**
     * Chars the automaton does not tell apart, so one keyword covers every way of writing them; {@link #matchEnd} then
     * checks the char: an i or l of the entry matches itself or a {@link NormalizedText#STROKE}, a u matches itself or
     * a v ({@code fvck}).
     */
    static final List<String> SAME_SYMBOL = List.of("il" + NormalizedText.STROKE, "uv");

    /**
     * What the automaton looks for: the normalised entry; with a leading f also as ph ({@code phuk}); and, for a listed
     * (not allowed) entry, with inner letters of a word masked ({@code f*ck}, {@code a**hole}, {@code f***ing}).
     */
    List<Keyword> keywords() {
        String text = form.text();
        int[] runs = new int[text.length()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = form.runLength(i);
        }
        List<Keyword> keywords = new ArrayList<>();
        keywords.add(new Keyword(text, runs, this));
        addStrokePairs(text, runs, keywords);
        if (text.charAt(0) == 'f' && runs[0] == 1) {
            int[] phRuns = new int[runs.length + 1];
            phRuns[0] = 1;
            System.arraycopy(runs, 0, phRuns, 1, runs.length);
            keywords.add(new Keyword("ph" + text.substring(1), phRuns, this));
        }
        if (kind != Kind.ALLOWED) {
            addMasked(keywords);
        }
        return keywords;
    }

    /**
     * Adds the entry with its double l or i written as two chars, and an i next to an l as one: a reader takes a stroke
     * for either, so {@code bol1ocks} has the double l of bollocks and {@code imbec!|e} has its "il" as a double stroke.
     */
    private void addStrokePairs(String text, int[] runs, List<Keyword> keywords) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'i' || c == 'l') && runs[i] >= 2) {
                int[] split = new int[runs.length + 1];
                System.arraycopy(runs, 0, split, 0, i);
                split[i] = 1;
                split[i + 1] = runs[i] - 1;
                System.arraycopy(runs, i + 1, split, i + 2, runs.length - i - 1);
                keywords.add(new Keyword(text.substring(0, i + 1) + text.substring(i), split, this));
            }
            if (i + 1 < text.length() && (c == 'i' || c == 'l') && "il".indexOf(text.charAt(i + 1)) >= 0) {
                int[] merged = new int[runs.length - 1];
                System.arraycopy(runs, 0, merged, 0, i);
                merged[i] = runs[i] + runs[i + 1];
                System.arraycopy(runs, i + 2, merged, i + 1, runs.length - i - 2);
                String joined = text.substring(0, i) + NormalizedText.STROKE + text.substring(i + 2);
                keywords.add(new Keyword(joined, merged, this));
            }
        }
    }

    /**
     * Adds the entry with inner letters of one of its words masked: the first and last letter of the word stay, and
     * the mask hides one to {@link #MAX_MASKED} letters, part of a double letter included ({@code nig*er}). A one-word
     * entry is also taken with each ending it accepts, so the mask can hide letters of both ({@code f***ing},
     * {@code fuc**r}); the ending must then be there.
     */
    private void addMasked(List<Keyword> keywords) {
        String letters = form.expanded();
        Set<String> seen = new HashSet<>();
        for (String ending : MASKED_ENDINGS) {
            boolean accepted = anyEnd || (letters.endsWith("e") ? INFLECTIONS_AFTER_E : INFLECTIONS).contains(ending);
            if (!ending.isEmpty() && (!accepted || letters.indexOf(' ') >= 0)) {
                continue;
            }
            String base =
                    letters.endsWith("e") && ending.startsWith("e") ? letters + ending.substring(1) : letters + ending;
            for (int from = 0, wordEnd; from < base.length(); from = wordEnd + 1) {
                wordEnd = base.indexOf(' ', from);
                wordEnd = wordEnd < 0 ? base.length() : wordEnd;
                if (wordEnd - from < MIN_MASKED_WORD) {
                    continue;
                }
                for (int a = from + 1; a < wordEnd - 1; a++) {
                    for (int b = a + 1; b < wordEnd && b - a <= MAX_MASKED; b++) {
                        String masked = base.substring(0, a) + NormalizedText.MASK + base.substring(b);
                        if (seen.add(masked)) {
                            keywords.add(maskedKeyword(base.substring(0, a), b - a, base.substring(b)));
                        }
                    }
                }
            }
        }
    }

    /** The keyword for {@code before}, a mask hiding {@code hidden} letters, and {@code after}, runs collapsed. */
    private Keyword maskedKeyword(String before, int hidden, String after) {
        StringBuilder text = new StringBuilder();
        List<Integer> runs = new ArrayList<>();
        appendCollapsed(before, text, runs);
        text.append(NormalizedText.MASK);
        runs.add(-hidden);
        appendCollapsed(after, text, runs);
        return new Keyword(
                text.toString(), runs.stream().mapToInt(Integer::intValue).toArray(), this);
    }

    private static void appendCollapsed(String letters, StringBuilder text, List<Integer> runs) {
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (i > 0 && c == letters.charAt(i - 1)) {
                runs.set(runs.size() - 1, runs.get(runs.size() - 1) + 1);
            } else {
                text.append(c);
                runs.add(1);
            }
        }
    }

    /**
     * Where this term, found by the automaton at {@code [start, end)} of {@code text}, ends with its inflection; -1 if
     * the find does not count (it lies inside a longer word, or a double letter of the entry is single in the text).
     */
    int matchEnd(NormalizedText text, int start, int end, String keyword, int[] runs) {
        if (!anyStart && start > 0 && NormalizedText.isWordChar(text.charAt(start - 1)) && !text.isSoftStart(start)) {
            return -1;
        }
        for (int i = start; i < end; i++) {
            int run = runs[i - start];
            if (run < 0 ? text.runLength(i) != -run : text.runLength(i) < run) {
                return -1;
            }
            if (kind == Kind.ALLOWED && text.runLength(i) > Math.max(2, run)) {
                return -1; // "Twatt" is a place, "twaaaattttt" is not: nobody stretches an innocent word
            }
            char wanted = keyword.charAt(i - start);
            char found = text.charAt(i);
            if (found != wanted && !(found == NormalizedText.STROKE || found == 'v' && wanted == 'u')) {
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

    /**
     * Whether no letter in {@code [from, to)} is doubled: "asses" ends in the inflection "es", "assess" does not. The
     * last letter may be stretched, three times or more: "niggerssss".
     */
    private static boolean isSingle(NormalizedText text, int from, int to) {
        for (int i = from; i < to; i++) {
            int run = text.runLength(i);
            if (run != 1 && !(i == to - 1 && run >= 3)) {
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
