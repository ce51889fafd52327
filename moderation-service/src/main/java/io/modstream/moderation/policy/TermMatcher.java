package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the terms of a set of lists in a {@link NormalizedText}, in one pass of a {@link KeywordAutomaton} however
 * long the lists are. Every find is checked against its {@link Term} (word boundaries, inflections, double letters);
 * a find that lies inside a find of an {@link Term.Kind#ALLOWED} term is dropped; the rest are widened to the whole
 * words they sit in, and finds in the same words are merged, the banned kind winning over the suspect one. Runs in
 * time linear in the text plus the finds.
 *
 * <p>The automaton of the shipped lists is large (thousands of keywords, once disguised forms are counted), so a site
 * does not get its own copy: {@link #with} builds a matcher that scans the shared automaton and a small one of the
 * site's own entries, and judges the finds of both together (a site's allowed word still hides a shipped term).
 * Immutable and thread-safe.
 */
final class TermMatcher {

    /** A listed term found at {@code [start, end)} of the normalised text, widened to whole words. */
    record Match(int start, int end, Term.Kind kind) {}

    private record Find(int start, int end, int wordEnd, Term.Kind kind) {}

    private static final Comparator<Find> BY_START = Comparator.comparingInt(Find::start);

    private final List<KeywordAutomaton<List<Term.Keyword>>> automata;

    TermMatcher(List<Term> terms) {
        this.automata = List.of(automatonOf(terms));
    }

    private TermMatcher(List<KeywordAutomaton<List<Term.Keyword>>> shared, KeywordAutomaton<List<Term.Keyword>> own) {
        List<KeywordAutomaton<List<Term.Keyword>>> all = new ArrayList<>(shared);
        all.add(own);
        this.automata = List.copyOf(all);
    }

    /** This matcher's terms and {@code more}, sharing this matcher's automata rather than copying them. */
    TermMatcher with(List<Term> more) {
        if (more.isEmpty()) {
            return this;
        }
        return new TermMatcher(automata, automatonOf(more));
    }

    private static KeywordAutomaton<List<Term.Keyword>> automatonOf(List<Term> terms) {
        Map<String, List<Term.Keyword>> byKeyword = new LinkedHashMap<>();
        for (Term term : terms) {
            for (Term.Keyword keyword : term.keywords()) {
                byKeyword
                        .computeIfAbsent(keyword.text(), k -> new ArrayList<>())
                        .add(keyword);
            }
        }
        byKeyword.replaceAll((keyword, sharing) -> List.copyOf(sharing));
        return new KeywordAutomaton<>(byKeyword, Term.SAME_SYMBOL);
    }

    /** The listed terms in {@code text}, in order of position, none overlapping. */
    List<Match> find(NormalizedText text) {
        List<Find> listed = new ArrayList<>();
        List<Find> allowed = new ArrayList<>();
        for (KeywordAutomaton<List<Term.Keyword>> automaton : automata) {
            automaton.scan(text, (start, end, keywords) -> {
                for (Term.Keyword keyword : keywords) {
                    Term term = keyword.term();
                    int wordEnd = term.matchEnd(text, start, end, keyword.text(), keyword.runs());
                    if (wordEnd >= 0) {
                        Find find = new Find(start, end, wordEnd, term.kind());
                        (term.kind() == Term.Kind.ALLOWED ? allowed : listed).add(find);
                    }
                }
            });
        }
        if (listed.isEmpty()) {
            return List.of();
        }
        listed.sort(BY_START);
        allowed.sort(BY_START);
        return widen(text, listed, allowed);
    }

    private static List<Match> widen(NormalizedText text, List<Find> listed, List<Find> allowed) {
        List<Match> matches = new ArrayList<>();
        int nextAllowed = 0;
        int allowedEnd = -1;
        for (Find find : listed) {
            while (nextAllowed < allowed.size() && allowed.get(nextAllowed).start() <= find.start()) {
                allowedEnd = Math.max(allowedEnd, allowed.get(nextAllowed).wordEnd());
                nextAllowed++;
            }
            if (allowedEnd >= find.end()) {
                continue; // inside an innocent word such as "Shittim"
            }
            int last = matches.size() - 1;
            if (last >= 0 && find.start() < matches.get(last).end()) {
                Match merged = matches.get(last);
                Term.Kind kind = find.kind() == Term.Kind.BANNED ? find.kind() : merged.kind();
                int end = find.wordEnd() > merged.end() ? wordEnd(text, find.wordEnd()) : merged.end();
                matches.set(last, new Match(merged.start(), end, kind));
            } else {
                int start = text.isSoftStart(find.start()) ? find.start() : wordStart(text, find.start());
                matches.add(new Match(start, wordEnd(text, find.wordEnd()), find.kind()));
            }
        }
        return matches;
    }

    private static int wordStart(NormalizedText text, int index) {
        int start = index;
        while (start > 0 && NormalizedText.isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static int wordEnd(NormalizedText text, int index) {
        int end = index;
        while (end < text.length() && NormalizedText.isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
