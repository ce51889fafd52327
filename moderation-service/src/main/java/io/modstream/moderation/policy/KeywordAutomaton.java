package io.modstream.moderation.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Aho-Corasick as a deterministic automaton: one table lookup per char of the text, whatever the number of keywords,
 * and every occurrence of every keyword reported, overlapping ones included. The alphabet is the set of chars the
 * keywords use; any other char leads back to the start. The table holds one int per state and symbol: with every
 * disguised form of the shipped lists that is about 4 MB for English and 11 MB for all six languages (measured
 * 2026-12-05), which is why {@link TermMatcher} builds it once per set of languages and sites share it. Chars of one class ({@code "il1"}) may share a symbol: the automaton then finds a keyword
 * wherever the text has any char of the class in its place, and the caller checks which char it was. Used instead of {@code org.ahocorasick}, whose trie boxes every char and looks it up in
 * a hash map: it scanned news comments four to six times slower. Immutable and thread-safe.
 *
 * @param <T> what a keyword carries
 */
final class KeywordAutomaton<T> {

    /** Receives each occurrence of a keyword at {@code [start, end)} of the text. */
    @FunctionalInterface
    interface Listener<T> {
        void found(int start, int end, T payload);
    }

    private static final int START = 0;
    private static final int[] NONE = new int[0];

    private final int[] asciiSymbols = new int[0x80];
    private final char[] otherChars;
    private final int symbols;
    private final int[] next;
    private final int[][] found;
    private final int[] lengths;
    /** The length of the longest keyword: the most chars the automaton's state depends on. */
    private final int longest;

    private final List<T> payloads;

    KeywordAutomaton(Map<String, T> keywords) {
        this(keywords, List.of());
    }

    /**
     * An automaton for {@code keywords}, where the ASCII chars of each string of {@code classes} are one symbol: a
     * keyword with one of them matches text with any of them.
     */
    KeywordAutomaton(Map<String, T> keywords, List<String> classes) {
        TreeSet<Character> alphabet = new TreeSet<>();
        keywords.keySet().forEach(keyword -> keyword.chars().forEach(c -> alphabet.add((char) c)));
        StringBuilder others = new StringBuilder();
        int symbol = 1; // 0 is every char outside the alphabet
        for (String chars : classes) {
            if (chars.chars().anyMatch(c -> alphabet.contains((char) c))) {
                int shared = symbol++;
                chars.chars().forEach(c -> asciiSymbols[c] = shared);
            }
        }
        for (char c : alphabet) {
            if (c < 0x80) {
                if (asciiSymbols[c] == 0) {
                    asciiSymbols[c] = symbol++;
                }
            } else {
                others.append(c);
            }
        }
        this.otherChars = others.toString().toCharArray();
        this.symbols = symbol + otherChars.length;
        int maxStates = 1 + keywords.keySet().stream().mapToInt(String::length).sum();
        int[] goTo = new int[maxStates * symbols];
        Arrays.fill(goTo, -1);
        List<List<Integer>> ends = new ArrayList<>();
        ends.add(new ArrayList<>());
        this.lengths = new int[keywords.size()];
        this.payloads = new ArrayList<>(keywords.size());
        int states = 1;
        for (Map.Entry<String, T> keyword : keywords.entrySet()) {
            int state = START;
            for (char c : keyword.getKey().toCharArray()) {
                int edge = state * symbols + symbol(c);
                if (goTo[edge] < 0) {
                    goTo[edge] = states++;
                    ends.add(new ArrayList<>());
                }
                state = goTo[edge];
            }
            ends.get(state).add(payloads.size());
            lengths[payloads.size()] = keyword.getKey().length();
            payloads.add(keyword.getValue());
        }
        this.longest = Arrays.stream(lengths).max().orElse(0);
        this.next = Arrays.copyOf(goTo, states * symbols);
        this.found = new int[states][];
        link(ends);
        // The scan follows rows, not states, and a negative entry says "report": one load and one test per char.
        for (int edge = 0; edge < next.length; edge++) {
            int target = next[edge];
            next[edge] = found[target].length == 0 ? target * symbols : ~(target * symbols);
        }
    }

    /** Turns the trie into the automaton, breadth first: each missing edge takes the edge of the longest suffix. */
    private void link(List<List<Integer>> ends) {
        int[] failure = new int[found.length];
        Deque<Integer> queue = new ArrayDeque<>();
        found[START] = NONE;
        for (int a = 0; a < symbols; a++) {
            if (next[a] < 0) {
                next[a] = START;
            } else {
                queue.add(next[a]);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> own = ends.get(state);
            int[] inherited = found[failure[state]];
            int[] all = Arrays.copyOf(inherited, inherited.length + own.size());
            for (int i = 0; i < own.size(); i++) {
                all[inherited.length + i] = own.get(i);
            }
            found[state] = all;
            for (int a = 0; a < symbols; a++) {
                int edge = state * symbols + a;
                if (next[edge] < 0) {
                    next[edge] = next[failure[state] * symbols + a];
                } else {
                    failure[next[edge]] = next[failure[state] * symbols + a];
                    queue.add(next[edge]);
                }
            }
        }
    }

    /**
     * Reports every occurrence of every keyword in {@code text}, in order of where they end.
     *
     * <p>A scan is a chain of table lookups, each waiting for the one before: its speed is the latency of a load, not
     * the work per char. So a long text is scanned as two halves at once, whose lookups the processor overlaps. The
     * automaton's state after a char depends only on the last {@link #longest} chars (it is the longest of them that
     * begins a keyword), so the second half starts that many chars early from the start state and is in the state a
     * scan from the beginning would be in by the time it reaches its half; it reports only there. Its occurrences are
     * held back until the first half's are reported, so the order is that of {@link #scanInOneStream}.
     */
    void scan(NormalizedText text, Listener<T> listener) {
        int length = text.length();
        int half = length / 2;
        int from = half - longest; // where the second half starts reading
        if (from < longest) {
            scanInOneStream(text, listener);
            return;
        }
        int[] held = NONE; // the second half's occurrences: pairs of the index of the last char, and the keyword
        int heldCount = 0;
        int first = START;
        int second = START;
        for (int i = 0; i < half; i++) {
            first = next[first + symbol(text.charAt(i))];
            int j = from + i;
            second = next[second + symbol(text.charAt(j))];
            if (first < 0) {
                first = ~first;
                report(first, i, listener);
            }
            if (second < 0) {
                second = ~second;
                if (j >= half) {
                    for (int keyword : found[second / symbols]) {
                        if (heldCount == held.length) {
                            held = Arrays.copyOf(held, Math.max(16, 2 * held.length));
                        }
                        held[heldCount++] = j;
                        held[heldCount++] = keyword;
                    }
                }
            }
        }
        for (int k = 0; k < heldCount; k += 2) {
            int end = held[k] + 1;
            listener.found(end - lengths[held[k + 1]], end, payloads.get(held[k + 1]));
        }
        for (int j = from + half; j < length; j++) {
            second = next[second + symbol(text.charAt(j))];
            if (second < 0) {
                second = ~second;
                report(second, j, listener);
            }
        }
    }

    /** {@link #scan}, one char after the other: for short texts, and the plain reading the scan is held to. */
    void scanInOneStream(NormalizedText text, Listener<T> listener) {
        int row = START;
        for (int i = 0; i < text.length(); i++) {
            row = next[row + symbol(text.charAt(i))];
            if (row < 0) {
                row = ~row;
                report(row, i, listener);
            }
        }
    }

    /** Reports the keywords that end at index {@code last} of the text, the scan being in {@code row}. */
    private void report(int row, int last, Listener<T> listener) {
        for (int keyword : found[row / symbols]) {
            listener.found(last + 1 - lengths[keyword], last + 1, payloads.get(keyword));
        }
    }

    private int symbol(char c) {
        if (c < 0x80) {
            return asciiSymbols[c];
        }
        int other = Arrays.binarySearch(otherChars, c);
        return other < 0 ? 0 : symbols - otherChars.length + other;
    }
}
