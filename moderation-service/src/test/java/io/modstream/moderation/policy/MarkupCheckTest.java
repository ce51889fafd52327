package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkupCheckTest {

    private final MarkupCheck basic = new MarkupCheck(Policy.MarkupPolicy.BASIC, Action.STRIP);

    private final PolicyEngine engine = new PolicyEngine(new Policy("t", List.of(basic), Policy.MarkupPolicy.BASIC));

    @TestFactory
    Stream<DynamicTest> labelledBasicMarkup() {
        return LabelledCases.run("/policy/markup.tsv", basic, ReasonCodes.MARKUP);
    }

    @TestFactory
    Stream<DynamicTest> labelledPlainMarkup() {
        return LabelledCases.run(
                "/policy/markup-plain.tsv",
                new MarkupCheck(Policy.MarkupPolicy.PLAIN, Action.STRIP),
                ReasonCodes.MARKUP);
    }

    @Test
    void findingsLeaveTheTextToJsoup() {
        String body = "<p style=\"x\">Hi <script>alert(1)</script><img src=x onerror=alert(1)></p>";

        List<Finding> findings = basic.inspect(Submission.of(body));

        assertThat(findings).hasSize(4).allMatch(f -> f.action() == Action.STRIP);
        assertThat(Rewriter.rewrite(body, findings)).isEqualTo(body);
    }

    @Test
    void theEngineOutputHasNoScript() {
        Moderation moderation =
                engine.moderate("<b onclick=\"steal()\">Hi</b> <script>alert(1)</script><img src=x onerror=alert(2)>");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.reasons()).hasSize(4);
        assertThat(moderation.sanitizedHtml()).isEqualTo("<b>Hi</b> ");
        assertThat(moderation.sanitizedText()).isEqualTo("Hi ");
    }

    @Test
    void aSiteThatRejectsMarkupRejectsTheComment() {
        PolicyEngine strict = new PolicyEngine(new Policy(
                "t", List.of(new MarkupCheck(Policy.MarkupPolicy.BASIC, Action.REJECT)), Policy.MarkupPolicy.BASIC));

        assertThat(strict.moderate("<iframe src=x></iframe>").verdict()).isEqualTo(Verdict.REJECT);
        assertThat(strict.moderate("<b>fine</b>").verdict()).isEqualTo(Verdict.APPROVE);
    }

    @Test
    void aHeartIsNotATagEvenWithAGreaterThanSignLater() {
        // Regression: "<3" once read as a tag named "3" that ran to the next '>'.
        assertThat(basic.inspect(Submission.of("I <3 NASA > ESA"))).isEmpty();
        assertThat(engine.moderate("I <3 NASA > ESA").sanitizedText()).isEqualTo("I <3 NASA > ESA");
    }

    @Test
    void aTagLeftOpenAtTheEndIsReportedBecauseJsoupDropsTheRest() {
        String body = "if a<b then c";

        assertThat(spans(body)).containsExactly("<b then c");
        assertThat(engine.moderate(body).sanitizedText()).isEqualTo("if a");
    }

    @Test
    void htmlCommentsAreReported() {
        assertThat(spans("a <!-- x > y --> b")).containsExactly("<!-- x > y -->");
        assertThat(engine.moderate("a <!-- x > y --> b").sanitizedText()).isEqualTo("a  b");
    }

    @Test
    void scriptsAndStylesSayWhatHappensToThem() {
        assertThat(basic.inspect(Submission.of("<style>p{}</style><u>x</u>")))
                .extracting(Finding::message)
                .containsExactly(
                        "Scripts and styles are left out of comments; on their own they do not hold or reject one.",
                        "Scripts and styles are left out of comments; on their own they do not hold or reject one.",
                        "Markup beyond basic formatting is left out of comments; on its own it does not hold or reject one.",
                        "Markup beyond basic formatting is left out of comments; on its own it does not hold or reject one.");
    }

    /** Issue 11: a comment rejected for its link was told "Scripts and styles are removed" as though that were why. */
    @Test
    void strippedScriptsOnARejectedCommentAreASideNoteNotTheReason() {
        PolicyEngine linksRejected = new PolicyEngine(new Policy(
                "t", List.of(basic, Checks.links(Action.REJECT, java.util.Set.of())), Policy.MarkupPolicy.BASIC));

        Moderation answer = linksRejected.moderate("Cheap flights at example.com <script>alert(1)</script>");

        assertThat(answer.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(answer.reasons())
                .filteredOn(reason -> reason.code().equals(ReasonCodes.MARKUP))
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason.message()).endsWith("do not hold or reject one."));
    }

    @Test
    void aSiteThatRejectsOrHoldsMarkupSaysSo() {
        Submission script = Submission.of("<script>x</script>");
        assertThat(new MarkupCheck(Policy.MarkupPolicy.BASIC, Action.REJECT).inspect(script))
                .extracting(Finding::message)
                .first()
                .isEqualTo("This site does not accept comments with scripts or styles.");
        assertThat(new MarkupCheck(Policy.MarkupPolicy.PLAIN, Action.REVIEW).inspect(Submission.of("<b>x</b>")))
                .extracting(Finding::message)
                .first()
                .isEqualTo("Comments with markup are checked by a moderator first.");
    }

    @Test
    void atMostTwentyFindingsAreReported() {
        assertThat(basic.inspect(Submission.of("<u>x</u>".repeat(100)))).hasSize(MarkupCheck.MAX_FINDINGS);
    }

    @Test
    void allowReportsNothing() {
        assertThat(new MarkupCheck(Policy.MarkupPolicy.PLAIN, Action.ALLOW).inspect(Submission.of("<script>")))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource(UnicodeCheckTest.HOSTILE_BODIES)
    void hostileInputReturns(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> basic.inspect(Submission.of(body)));
    }

    private List<String> spans(String body) {
        return basic.inspect(Submission.of(body)).stream()
                .map(f -> body.substring(f.start(), f.end()))
                .toList();
    }
}
