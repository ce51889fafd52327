package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Named.named;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TermCheckTest {

    private final TermCheck check = TermCheck.english(Action.REJECT);

    @TestFactory
    Stream<DynamicTest> labelledBannedTerms() {
        return LabelledCases.run("/policy/terms-banned.tsv", check, ReasonCodes.BANNED_TERM);
    }

    @TestFactory
    Stream<DynamicTest> labelledSuspectTerms() {
        return LabelledCases.run("/policy/terms-suspect.tsv", check, ReasonCodes.SUSPECT_TERM);
    }

    @Test
    void maskingKeepsTheLength() {
        PolicyEngine engine =
                new PolicyEngine(new Policy("t", List.of(TermCheck.english(Action.MASK)), Policy.MarkupPolicy.BASIC));

        Moderation moderation = engine.moderate(
                "Oh f.u.c.k, the F\u00fcck\u0301ing \uD835\uDC2C\uD835\uDC21\uD835\uDC22\uD835\uDC2D again");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.reasons()).extracting(Reason::code).containsOnly(ReasonCodes.BANNED_TERM);
        assertThat(moderation.sanitizedText()).isEqualTo("Oh *******, the ******** **** again");
    }

    @Test
    void eachWordIsOneFindingSpanningTheWholeWord() {
        assertThat(spans("fuck fuckfuckfuck motherfucker sluts"))
                .containsExactly("fuck", "fuckfuckfuck", "motherfucker", "sluts");
    }

    @Test
    void bannedTermsGetTheSiteActionAndSuspectTermsAreReviewed() {
        List<Finding> findings = TermCheck.english(Action.MASK).inspect(Submission.of("You shit, you idiot"));

        assertThat(findings)
                .extracting(f -> f.code() + " " + f.action())
                .containsExactly(ReasonCodes.BANNED_TERM + " MASK", ReasonCodes.SUSPECT_TERM + " REVIEW");
        assertThat(findings)
                .extracting(Finding::message)
                .containsExactly(TermCheck.BANNED_MESSAGE, TermCheck.SUSPECT_MESSAGE);
    }

    @Test
    void sitesShareTheShippedListsButNotEachOthersEntries() {
        TermCheck lifts = TermCheck.english(Action.REJECT, List.of("frobnicate"), List.of(), List.of("shit"));
        TermCheck plain = TermCheck.english(Action.REJECT);

        assertThat(spans(lifts, "you twat")).containsExactly("twat");
        assertThat(spans(plain, "shit, frobnicate it")).containsExactly("shit");
        assertThat(spans(lifts, "shit, frobnicate it")).containsExactly("frobnicate");
    }

    @Test
    void aBannedWordWinsOverASuspectOneInTheSameWord() {
        TermCheck both = new TermCheck(Action.REJECT, List.of("damn*"), List.of("*damn*"), List.of());

        assertThat(both.inspect(Submission.of("damnation")))
                .extracting(Finding::code)
                .containsExactly(ReasonCodes.BANNED_TERM);
    }

    @Test
    void aSiteListReplacesTheDefaultOne() {
        TermCheck site = new TermCheck(Action.REJECT, List.of("gosh"), List.of("*heck"), List.of("oh heck"));

        assertThat(site.inspect(Submission.of("Gosh, what the fuck")))
                .extracting(Finding::start)
                .containsExactly(0);
        assertThat(site.inspect(Submission.of("Oh heck, by heck, what the flippin' heck")))
                .hasSize(2);
    }

    @Test
    void aSiteExtendsTheDefaultListsAndLiftsAnEntryByAllowingIt() {
        TermCheck site = TermCheck.english(Action.REJECT, List.of("gosh"), List.of(), List.of("bugger"));

        assertThat(site.inspect(Submission.of("Gosh, what the fuck")))
                .extracting(Finding::start)
                .containsExactly(0, 15);
        assertThat(site.inspect(Submission.of("Bugger, buggers"))).isEmpty();
    }

    @Test
    void aTermMatchesWholeWordsUnlessItsStarsSayOtherwise() {
        TermCheck site = new TermCheck(Action.REJECT, List.of("ban", "pre*", "*post", "*mid*"), List.of(), List.of());

        assertThat(site.inspect(Submission.of("ban bans banned banana urban"))).hasSize(3);
        assertThat(site.inspect(Submission.of("prefix spree"))).hasSize(1);
        assertThat(site.inspect(Submission.of("signpost postage"))).hasSize(1);
        assertThat(site.inspect(Submission.of("amidst midway mid"))).hasSize(3);
    }

    @Test
    void aMaskedWordIsFoundAndSpannedWholeUnlessTheSiteAllowsIt() {
        assertThat(spans("the f***ing mayor, a**holes and n****r")).containsExactly("f***ing", "a**holes", "n****r");
        assertThat(spans("*emphasis*, A*s, f*u*c*k, h*ll")).containsExactly("f*u*c*k");

        TermCheck site = TermCheck.english(Action.REJECT, List.of(), List.of(), List.of("f*ck"));
        assertThat(site.inspect(Submission.of("what the f*ck"))).isEmpty();
        assertThat(site.inspect(Submission.of("what the f**k"))).hasSize(1);
    }

    @Test
    void spacedOutLettersAfterTheWordAAreFoundWithoutIt() {
        assertThat(spans("You are a s.l.u.t. and a c u n t")).containsExactly("s.l.u.t", "c u n t");
    }

    @Test
    void doubleLettersOfAnEntryMustBeThere() {
        TermCheck site = new TermCheck(Action.REJECT, List.of("boss"), List.of(), List.of());

        assertThat(site.inspect(Submission.of("bos"))).isEmpty();
        assertThat(site.inspect(Submission.of("bossss"))).hasSize(1);
        assertThat(site.inspect(Submission.of("bbbooosss"))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Action.class,
            names = {"ALLOW", "STRIP"})
    void bannedTermsCannotBeAllowedNorStripped(Action action) {
        assertThatThrownBy(() -> TermCheck.english(action)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryWithoutALetterIsRefused() {
        assertThatThrownBy(() -> new TermCheck(Action.REJECT, List.of("*"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*'");
        assertThatThrownBy(() -> new TermCheck(Action.REJECT, List.of(), List.of("-shit"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 13 broadened the English lists with LDNOOBW's entries; they stay far smaller than an automaton's limit. */
    @Test
    void theDefaultListsHaveAModestSize() {
        int entries = DefaultTerms.BANNED.size() + DefaultTerms.SUSPECT.size() + DefaultTerms.ALLOWED.size();

        assertThat(entries).isBetween(300, 800);
    }

    @ParameterizedTest
    @MethodSource(UnicodeCheckTest.HOSTILE_BODIES)
    void hostileInputReturns(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }

    @ParameterizedTest
    @MethodSource("hostileTerms")
    void hostileTermsReturnFewFindings(String body) {
        List<Finding> findings =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));

        assertThat(findings).hasSizeLessThanOrEqualTo(1);
    }

    /** Bodies full of near-matches: each could cost a scan per match if finds were not merged. */
    static Stream<Named<String>> hostileTerms() {
        return Stream.of(
                named("1 MB of one banned word, no spaces", "fuck".repeat(250_000)),
                named("1 MB of a double letter's near miss", "as".repeat(500_000)),
                named("1 MB of spaced-out letters", "f.u.c.k.".repeat(125_000)),
                named("1 MB of an allowed word containing a banned one", "shittim".repeat(140_000)),
                named("1 MB of mathematical letters", "\uD835\uDC1F".repeat(500_000)),
                named("1 MB of strokes", "a1!|".repeat(250_000)),
                named("a lone surrogate inside a word", "fu\uD800ck"));
    }

    private List<String> spans(String body) {
        return spans(check, body);
    }

    private static List<String> spans(TermCheck check, String body) {
        return check.inspect(Submission.of(body)).stream()
                .map(f -> body.substring(f.start(), f.end()))
                .toList();
    }
}
