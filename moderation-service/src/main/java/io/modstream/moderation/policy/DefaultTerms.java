package io.modstream.moderation.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The term lists shipped with Modstream, one set per {@link Language}: what a general news site would refuse, what
 * it would have a person look at, and the innocent words that contain either. Each language's lists are text in its
 * own class ({@link EnglishTerms}, {@link SpanishTerms}, …), parsed once when this class loads. Where the words come
 * from (Modstream's own lists and the CC BY 4.0 "List of Dirty, Naughty, Obscene, and Otherwise Bad Words"), the
 * criteria, what was left out, and how a site extends or replaces them: {@code docs/terms.md}.
 *
 * <p>The lists contain slurs and obscenities on purpose: a moderation tool has to name what it removes.
 */
final class DefaultTerms {

    private static final Map<Language, TermLists> LISTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            LISTS.put(language, TermLists.parse(language.listsText()));
        }
    }

    /** English obscenities, sexual terms, slurs and incitement to self-harm: never acceptable in a news site. */
    static final List<String> BANNED = of(Language.EN).banned();

    /** English insults, mild swearing and words that are slurs in one sense and innocent in another. */
    static final List<String> SUSPECT = of(Language.EN).suspect();

    /** English innocent words and phrases that contain a listed term where word boundaries alone do not help. */
    static final List<String> ALLOWED = of(Language.EN).allowed();

    static TermLists of(Language language) {
        return LISTS.get(language);
    }

    private DefaultTerms() {}
}
