package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modstream.events.ReasonCodes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lists shipped for each language: they parse, build a check, and a site's languages decide which apply. */
class DefaultTermsTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasAllThreeListsAndBuildsACheck(Language language) {
        TermLists lists = DefaultTerms.of(language);

        assertThat(lists.banned()).hasSizeGreaterThan(40);
        assertThat(lists.suspect()).hasSizeGreaterThan(30);
        assertThat(lists.allowed()).isNotEmpty();
        TermCheck.inLanguages(List.of(language), Action.REJECT, List.of(), List.of(), List.of());
    }

    @Test
    void theEnglishListsKeepEveryEntryOfTheirFirstVersion() {
        assertThat(DefaultTerms.BANNED).contains("*fuck*", "nigger", "kys", "shemale", "pikey");
        assertThat(DefaultTerms.SUSPECT).contains("idiot*", "kill yourself", "honky", "bugger");
        assertThat(DefaultTerms.ALLOWED).contains("shittim", "mong kok", "pussy riot");
    }

    @Test
    void aLanguageIsOnlyMatchedWhenTheSiteHasIt() {
        Submission spanish = Submission.of("Eres un gilipollas.");

        assertThat(TermCheck.english(Action.REJECT).inspect(spanish)).isEmpty();
        assertThat(inLanguages(Language.ES).inspect(spanish))
                .extracting(Finding::code)
                .containsExactly(ReasonCodes.BANNED_TERM);
    }

    @Test
    void aWordInnocentInOneOfTheSiteLanguagesIsNotReportedForAnother() {
        Submission portuguese = Submission.of("Ele fica em casa.");

        assertThat(inLanguages(Language.IT).inspect(portuguese)).isNotEmpty();
        assertThat(inLanguages(Language.IT, Language.PT).inspect(portuguese)).isEmpty();
    }

    @Test
    void theAllowedListsKeepInnocentWordsClear() {
        TermCheck all = inLanguages(Language.values());

        assertThat(all.inspect(Submission.of("Il muratore ha perso la cazzuola.")))
                .isEmpty();
        assertThat(all.inspect(Submission.of("Il cavallo di Troia."))).isEmpty();
        assertThat(all.inspect(Submission.of("Die Arschbombe war spektakulär.")))
                .isEmpty();
        assertThat(all.inspect(Submission.of("El Cono Sur y el coche negro."))).isEmpty();
        assertThat(all.inspect(Submission.of("Dick Van Dyke and Moby Dick."))).isEmpty();
    }

    @Test
    void aSectionlessOrUnknownLineIsAMistakeInTheLists() {
        assertThatThrownBy(() -> TermLists.parse("shit")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TermLists.parse("[rude]\nshit")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TermLists.parse("[banned]\nshit # comment\n[allowed]\nshiitake")
                        .allowed())
                .containsExactly("shiitake");
    }

    private static TermCheck inLanguages(Language... languages) {
        return TermCheck.inLanguages(List.of(languages), Action.REJECT, List.of(), List.of(), List.of());
    }
}
