package io.modstream.moderation.sitepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import io.modstream.moderation.policy.Language;
import io.modstream.moderation.policy.Moderation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private final PolicyParser parser = new PolicyParser();

    @Test
    void minimalFileGetsTheNewsSiteDefaults() {
        SitePolicy policy = parser.parse("site: site-a\nversion: 3\n", "site-a.yml");

        assertThat(policy.siteId()).isEqualTo("site-a");
        assertThat(policy.version()).isEqualTo(3);
        assertThat(policy.policy().version()).isEqualTo("site-a/v3");
        Moderation moderation = policy.engine().moderate("see example.com");
        assertThat(moderation.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(moderation.policyVersion()).isEqualTo("site-a/v3");
    }

    @Test
    void builtInDefaultPolicyParses() throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/policies/default.yml"))) {
            SitePolicy policy = parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default.yml");
            assertThat(policy.policy().version()).isEqualTo("default/v1");
        }
    }

    @Test
    void siteActionsAreApplied() {
        SitePolicy policy = parser.parse("""
                site: site-a
                version: 1
                links:
                  action: strip
                patterns:
                  - name: competitor
                    regex: '(?i)acme\\s+corp'
                    action: mask
                """, "site-a.yml");

        Moderation moderation = policy.engine().moderate("Acme Corp is better, see acme.com");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedText()).isEqualTo("********* is better, see [link removed]");
        assertThat(moderation.reasons())
                .extracting(r -> r.code())
                .containsExactly(ReasonCodes.LINK, ReasonCodes.PATTERN);
    }

    @Test
    void siteKeepsLinksToItsOwnDomainAndMasksPersonalDataByDefault() {
        SitePolicy policy =
                parser.parse("site: site-a\nversion: 1\nlinks:\n  allowed-domains: [news.example]\n", "site-a.yml");

        Moderation moderation =
                policy.engine().moderate("See www.news.example/live or write to jo.doe@gmail.com, +44 20 7946 0958");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.EMAIL, ReasonCodes.PII);
        assertThat(moderation.sanitizedText())
                .isEqualTo("See www.news.example/live or write to ****************, ****************");
    }

    @Test
    void allowedDomainMustBeADomain() {
        assertThatThrownBy(() ->
                        parser.parse("site: a\nversion: 1\nlinks:\n  allowed-domains: ['not a domain']\n", "a.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("links.allowed-domains: 'not a domain' is not a domain name");
    }

    /** An entry the term check cannot match threw IllegalArgumentException out of the parser and the reload. */
    @Test
    void aTermEntryThatCannotBeMatchedIsAProblemOfItsList() {
        assertThatThrownBy(() -> parser.parse("site: a\nversion: 1\nterms:\n  suspect: [ok, '-']\n", "a.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("terms.suspect: term list entry must start and end with a letter: '-'");
    }

    @Test
    void siteTermsAddToTheDefaultListsAndMaskKeepsTheLength() {
        SitePolicy policy = parser.parse(
                "site: site-a\nversion: 1\nterms:\n  banned-action: mask\n  banned: [gronk]\n", "site-a.yml");

        Moderation moderation = policy.engine().moderate("what a gr0nk, and sh1t too, in Scunthorpe");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedText()).isEqualTo("what a *****, and **** too, in Scunthorpe");
        assertThat(moderation.reasons())
                .extracting(r -> r.code())
                .containsExactly(ReasonCodes.BANNED_TERM, ReasonCodes.BANNED_TERM);
    }

    @Test
    void linksToTheSiteItselfStayClickableWithNofollowAndOthersLoseTheirLink() {
        SitePolicy policy = parser.parse(
                "site: site-a\nversion: 1\nlinks:\n  action: strip\n  allowed-domains: [news.example]\n", "site-a.yml");

        Moderation moderation = policy.engine()
                .moderate("<a href=\"https://www.news.example/live\" onclick=\"x()\">our live blog</a> and "
                        + "<a href=\"https://evil.example/\">cheap</a> and <a href=\"javascript:alert(1)\">js</a>");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedHtml())
                .isEqualTo("<a href=\"https://www.news.example/live\" rel=\"nofollow ugc\">our live blog</a> and "
                        + "cheap and js");
    }

    @Test
    void withoutAllowedDomainsNoLinkSurvivesInTheHtml() {
        SitePolicy policy = parser.parse("site: site-a\nversion: 1\nlinks:\n  action: review\n", "site-a.yml");

        Moderation moderation = policy.engine().moderate("<a href=\"https://example.org/\">text</a>");

        assertThat(moderation.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(moderation.sanitizedHtml()).isEqualTo("text");
    }

    @Test
    void everyProblemIsReportedWithItsLineAndField() {
        String yaml = """
                site: site-a
                version: 2
                links:
                  action: rejectt
                length:
                  min: 10
                  max: 5
                spam:
                  max-caps-ratio: 1.5
                  colour: blue
                """;

        assertThatThrownBy(() -> parser.parse(yaml, "site-a.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems())
                        .containsExactlyInAnyOrder(
                                "line 4, links.action: 'rejectt' is not one of reject, review, strip, allow",
                                "line 6, length.min: must not be larger than max",
                                "line 9, spam.max-caps-ratio: must be between 0 and 1",
                                "line 10, spam.colour: is not a known setting"));
    }

    @Test
    void patternThatDoesNotCompileIsRefused() {
        String yaml = """
                site: site-a
                version: 1
                patterns:
                  - name: broken
                    regex: '(unclosed'
                """;

        assertThatThrownBy(() -> parser.parse(yaml, "site-a.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("patterns[0].regex: does not compile");
    }

    @Test
    void backtrackingPatternIsAcceptedBecauseRe2RunsItInLinearTime() {
        SitePolicy policy = parser.parse("""
                site: site-a
                version: 1
                patterns:
                  - name: nested
                    regex: '(a+)+$'
                """, "site-a.yml");

        // Catastrophic for a backtracking engine: 2^n ways to split the run before failing at the '!'.
        Moderation moderation = policy.engine().moderate("a".repeat(4_000) + "!");

        assertThat(moderation.reasons()).noneMatch(r -> r.code().equals(ReasonCodes.PATTERN));
    }

    @Test
    void missingSiteAndVersionAreRequired() {
        assertThatThrownBy(() -> parser.parse("links:\n  action: reject\n", "x.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems())
                        .anyMatch(p -> p.contains("site: is required"))
                        .anyMatch(p -> p.contains("version: is required")));
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> parser.parse("site: a\nversion: 1\nlinks: [unclosed\n", "x.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void termLanguagesChooseTheListsAndTheFirstChoosesTheMessages() {
        SitePolicy policy = parser.parse("""
                site: site-es
                version: 1
                terms:
                  languages: [es, EN]
                """, "site-es.yml");

        Moderation spanish = policy.engine().moderate("Eres un gilipollas");
        Moderation english = policy.engine().moderate("You shit");

        assertThat(spanish.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(spanish.reasons())
                .extracting(r -> r.message())
                .containsExactly("Este comentario contiene lenguaje que el sitio no permite.");
        assertThat(english.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(policy.policy().language()).isEqualTo(Language.ES);
    }

    @Test
    void theDefaultIsEnglishListsAndMessages() {
        SitePolicy policy = parser.parse("site: site-a\nversion: 1\n", "site-a.yml");

        assertThat(policy.engine().moderate("Eres un gilipollas").verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(policy.policy().language()).isEqualTo(Language.EN);
    }

    @Test
    void aSeparateLanguageKeyChoosesTheMessagesOnly() {
        SitePolicy policy = parser.parse("""
                site: site-a
                version: 1
                language: fr
                """, "site-a.yml");

        Moderation moderation = policy.engine().moderate("see example.com");

        assertThat(moderation.reasons())
                .extracting(r -> r.message())
                .containsExactly("Les commentaires ne peuvent pas contenir de liens vers d'autres sites.");
        assertThat(policy.engine().moderate("Espèce de connard").verdict()).isEqualTo(Verdict.APPROVE);
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> parser.parse("""
                        site: site-a
                        version: 1
                        language: klingon
                        terms:
                          languages: [en, xx]
                        """, "site-a.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("line 5, terms.languages: 'xx' is not one of en, es, fr, de, pt, it")
                .hasMessageContaining("line 3, language: 'klingon' is not one of en, es, fr, de, pt, it");
    }

    @Test
    void anEmptyLanguageListIsRefused() {
        assertThatThrownBy(() -> parser.parse("""
                        site: site-a
                        version: 1
                        terms:
                          languages: []
                        """, "site-a.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("terms.languages: must be a list of at least one of en, es, fr, de, pt, it");
    }
}
