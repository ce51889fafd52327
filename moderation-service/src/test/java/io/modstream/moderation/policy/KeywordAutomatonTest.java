package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {

    /** An occurrence as the listener received it; the payload compared by identity. */
    private record Occurrence(int start, int end, Object payload) {}

    @Test
    void findsOverlappingKeywordsInOrderOfTheirEnds() {
        KeywordAutomaton<String> automaton =
                new KeywordAutomaton<>(Map.of("he", "he", "she", "she", "hers", "hers", "his", "his"));

        assertThat(occurrences(automaton, "ushers", true))
                .containsExactly(new Occurrence(2, 4, "he"), new Occurrence(1, 4, "she"), new Occurrence(2, 6, "hers"));
    }

    @Test
    void aCharOfAClassMatchesTheOthers() {
        KeywordAutomaton<String> automaton = new KeywordAutomaton<>(Map.of("fil", "fil"), Term.SAME_SYMBOL);

        assertThat(occurrences(automaton, "fil f1l", true))
                .containsExactly(new Occurrence(0, 3, "fil"), new Occurrence(4, 7, "fil"));
    }

    /**
     * The scan in two halves at once reports exactly what one stream reports, in the same order, with the shipped
     * lists of every language: on every labelled and evaluation comment, and on long random texts of listed words,
     * whose occurrences fall on both sides of the middle and across it.
     */
    @Test
    void scanningTwoHalvesAtOnceReportsWhatOneStreamReports() {
        KeywordAutomaton<List<Term.Keyword>> automaton = shippedAutomaton();
        List<String> words = new ArrayList<>();
        for (Language language : Language.values()) {
            TermLists lists = DefaultTerms.of(language);
            List.of(lists.banned(), lists.suspect(), lists.allowed())
                    .forEach(list -> list.forEach(entry -> words.add(entry.replace("*", ""))));
        }
        words.addAll(List.of(" ", " ", " ", ". ", "s", "ing", "a", "i", "1", "0", "*", "**", "f*", "ss"));
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.evaluation());
        texts.addAll(DifferentialTexts.random(20261205, 20_000, 40));
        texts.addAll(DifferentialTexts.random(20261207, 20_000, 400, words));
        int longTexts = 0;
        int found = 0;
        for (String body : texts) {
            NormalizedText text = NormalizedText.of(body);
            List<Occurrence> halves = occurrences(automaton, text, false);
            assertThat(halves).as(body).isEqualTo(occurrences(automaton, text, true));
            longTexts += text.length() > 400 ? 1 : 0;
            found += halves.size();
        }
        assertThat(longTexts).as("long texts").isGreaterThan(10_000);
        assertThat(found).as("occurrences").isGreaterThan(1_000_000);
    }

    /** A long keyword at every place around the middle of texts of every length up to 90: none is lost or doubled. */
    @Test
    void aKeywordAcrossTheMiddleIsReportedOnce() {
        KeywordAutomaton<String> automaton =
                new KeywordAutomaton<>(Map.of("abcdefghijkl", "long", "cd", "short", "bcx", "other"));
        for (int before = 0; before < 45; before++) {
            for (int after = 0; after < 45; after++) {
                NormalizedText text = NormalizedText.of(filler(before) + "abcdefghijkl" + filler(after));
                List<Occurrence> halves = occurrences(automaton, text, false);

                assertThat(halves).as("%d, %d", before, after).isEqualTo(occurrences(automaton, text, true));
                assertThat(halves).hasSize(2);
            }
        }
    }

    /** {@code length} chars of none of the keywords' letters, no char twice in a row (normalising collapses runs). */
    private static String filler(int length) {
        return "xz".repeat(length).substring(0, length);
    }

    /** The automaton of every language's shipped lists, built as {@link TermMatcher} builds it. */
    private static KeywordAutomaton<List<Term.Keyword>> shippedAutomaton() {
        Map<String, List<Term.Keyword>> byKeyword = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            TermLists lists = DefaultTerms.of(language);
            List<Term> terms = new ArrayList<>();
            lists.banned().forEach(entry -> terms.add(Term.parse(entry, Term.Kind.BANNED)));
            lists.suspect().forEach(entry -> terms.add(Term.parse(entry, Term.Kind.SUSPECT)));
            lists.allowed().forEach(entry -> terms.add(Term.parse(entry, Term.Kind.ALLOWED)));
            for (Term term : terms) {
                for (Term.Keyword keyword : term.keywords()) {
                    byKeyword
                            .computeIfAbsent(keyword.text(), k -> new ArrayList<>())
                            .add(keyword);
                }
            }
        }
        return new KeywordAutomaton<>(byKeyword, Term.SAME_SYMBOL);
    }

    private static <T> List<Occurrence> occurrences(KeywordAutomaton<T> automaton, String body, boolean oneStream) {
        return occurrences(automaton, NormalizedText.of(body), oneStream);
    }

    private static <T> List<Occurrence> occurrences(KeywordAutomaton<T> automaton, NormalizedText text, boolean one) {
        List<Occurrence> found = new ArrayList<>();
        KeywordAutomaton.Listener<T> listener = (start, end, payload) -> found.add(new Occurrence(start, end, payload));
        if (one) {
            automaton.scanInOneStream(text, listener);
        } else {
            automaton.scan(text, listener);
        }
        return found;
    }
}
