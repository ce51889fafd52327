package io.modstream.moderation.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A language Modstream ships term lists and commenter messages for, named by its ISO 639-1 code as a site's policy
 * writes it ({@code terms.languages: [en, es]}). Adding a language is one constant here, one lists class and one
 * column of {@link CommenterMessages}.
 */
public enum Language {
    EN(EnglishTerms.LISTS),
    ES(SpanishTerms.LISTS),
    FR(FrenchTerms.LISTS),
    DE(GermanTerms.LISTS),
    PT(PortugueseTerms.LISTS),
    IT(ItalianTerms.LISTS);

    private final String lists;

    Language(String lists) {
        this.lists = lists;
    }

    /** The lower-case code a policy file uses: {@code en}, {@code es}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language with this code, in any case; empty for a code Modstream has no lists for. */
    public static Optional<Language> forCode(String code) {
        return Arrays.stream(values())
                .filter(language -> language.code().equalsIgnoreCase(code.trim()))
                .findFirst();
    }

    /** Every code, for error messages: {@code en, es, fr, de, pt, it}. */
    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
    }

    /** The default lists in this language, parsed once. */
    TermLists termLists() {
        return DefaultTerms.of(this);
    }

    String listsText() {
        return lists;
    }
}
