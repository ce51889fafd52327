package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds words from the site's term lists, however they are disguised: case, accents, fullwidth and other compatibility
 * forms, look-alike letters from other scripts, leetspeak, zero-width characters, stretched letters and spaced-out
 * letters are undone first (see {@link NormalizedText}). A banned term is reported as {@link ReasonCodes#BANNED_TERM}
 * with the site's action; a suspect term, a milder word that a person should judge in context, is always held for
 * {@link Action#REVIEW} as {@link ReasonCodes#SUSPECT_TERM}. A term inside an innocent word (Scunthorpe, assassin,
 * Shittim) is not reported: entries match whole words unless they say otherwise (see {@link Term}), and an allow-list
 * covers the rest.
 *
 * <p>One finding per word found, spanning the whole disguised word in the original body, so masking {@code f.u.c.k}
 * gives {@code *******}. Matching takes one pass over the text, however long the lists are. Immutable and
 * thread-safe.
 */
final class TermCheck implements Check {

    static final String BANNED_MESSAGE = "This comment contains language the site does not allow.";
    static final String SUSPECT_MESSAGE =
            "Comments with this language are checked by a moderator first, unless the site trusts their author.";

    private static final Set<Action> BANNED_ACTIONS = Set.of(Action.REJECT, Action.MASK, Action.REVIEW);

    /** The shipped lists' matcher for each set of languages asked for: at most 2^6 of them, in practice a few. */
    private static final Map<Set<Language>, TermMatcher> SHIPPED = new ConcurrentHashMap<>();

    private final Action bannedAction;
    private final TermMatcher matcher;

    /**
     * A check of the given lists; entries are written as described in {@link Term}.
     *
     * @param bannedAction what to do with a banned term: {@link Action#REJECT}, {@link Action#MASK} or
     *     {@link Action#REVIEW}
     * @throws IllegalArgumentException for another action, or an entry without a letter
     */
    TermCheck(Action bannedAction, Collection<String> banned, Collection<String> suspect, Collection<String> allowed) {
        this(bannedAction, new TermMatcher(terms(banned, suspect, allowed)));
    }

    private TermCheck(Action bannedAction, TermMatcher matcher) {
        if (!BANNED_ACTIONS.contains(bannedAction)) {
            throw new IllegalArgumentException("banned terms are rejected, masked or reviewed, not " + bannedAction);
        }
        this.bannedAction = bannedAction;
        this.matcher = matcher;
    }

    private static List<Term> terms(Collection<String> banned, Collection<String> suspect, Collection<String> allowed) {
        List<Term> terms = new ArrayList<>();
        banned.forEach(entry -> terms.add(Term.parse(entry, Term.Kind.BANNED)));
        suspect.forEach(entry -> terms.add(Term.parse(entry, Term.Kind.SUSPECT)));
        allowed.forEach(entry -> terms.add(Term.parse(entry, Term.Kind.ALLOWED)));
        return terms;
    }

    /** The English lists shipped with Modstream; see {@link DefaultTerms} and {@code docs/terms.md}. */
    static TermCheck english(Action bannedAction) {
        return english(bannedAction, List.of(), List.of(), List.of());
    }

    /**
     * The English lists shipped with Modstream plus a site's own entries. A site lifts a default entry by allowing
     * the word: an allowed word hides every listed term inside it.
     */
    static TermCheck english(
            Action bannedAction, Collection<String> banned, Collection<String> suspect, Collection<String> allowed) {
        return inLanguages(List.of(Language.EN), bannedAction, banned, suspect, allowed);
    }

    /**
     * The lists shipped for each of {@code languages}, together, plus a site's own entries; no default lists when
     * {@code languages} is empty. Every language's allowed words apply to every list, so a word that is innocent in
     * one of the site's languages ("fica", it stays, in Portuguese) is not reported for another (Italian).
     */
    static TermCheck inLanguages(
            Collection<Language> languages,
            Action bannedAction,
            Collection<String> banned,
            Collection<String> suspect,
            Collection<String> allowed) {
        List<Term> own = terms(banned, suspect, allowed);
        if (languages.isEmpty()) {
            return new TermCheck(bannedAction, new TermMatcher(own));
        }
        return new TermCheck(bannedAction, shipped(Set.copyOf(languages)).with(own));
    }

    /**
     * The matcher of the lists shipped for {@code languages}, built once per set of languages and shared by every site
     * that uses it: with every disguised form it holds thousands of keywords.
     */
    private static TermMatcher shipped(Set<Language> languages) {
        return SHIPPED.computeIfAbsent(languages, key -> {
            List<Term> terms = new ArrayList<>();
            for (Language language : Language.values()) { // a fixed order, whatever the site's
                if (key.contains(language)) {
                    TermLists lists = DefaultTerms.of(language);
                    terms.addAll(terms(lists.banned(), lists.suspect(), lists.allowed()));
                }
            }
            return new TermMatcher(terms);
        });
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        NormalizedText text = NormalizedText.of(submission.body());
        List<Finding> findings = new ArrayList<>();
        for (TermMatcher.Match match : matcher.find(text)) {
            int start = text.start(match.start());
            int end = text.end(match.end() - 1);
            findings.add(
                    match.kind() == Term.Kind.BANNED
                            ? new Finding(ReasonCodes.BANNED_TERM, BANNED_MESSAGE, start, end, bannedAction)
                            : new Finding(ReasonCodes.SUSPECT_TERM, SUSPECT_MESSAGE, start, end, Action.REVIEW));
        }
        return findings;
    }
}
