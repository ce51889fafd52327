package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatternCheckTest {

    @Test
    void aPatternThatWouldBacktrackForeverFinishesAtOnce() {
        // java.util.regex tries 2^30 ways to split the a's before it gives up on the '!'; RE2/J reads the text once.
        PatternCheck check = check("(a+)+$", Action.REJECT);

        List<Finding> findings = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> check.inspect(Submission.of("a".repeat(30) + "!")));

        assertThat(findings).isEmpty();
        assertThat(check.inspect(Submission.of("a".repeat(30)))).hasSize(1);
    }

    @Test
    void eachMatchIsAFindingSpanningIt() {
        PatternCheck check = check("(?i)\\bbuy now\\b", Action.REVIEW);

        List<Finding> findings = check.inspect(Submission.of("Buy now! or BUY NOW, not buy nowhere"));

        assertThat(findings)
                .extracting(Finding::code, Finding::start, Finding::end, Finding::action)
                .containsExactly(
                        tuple(ReasonCodes.PATTERN, 0, 7, Action.REVIEW),
                        tuple(ReasonCodes.PATTERN, 12, 19, Action.REVIEW));
    }

    @Test
    void spansCountCharsNotCodePoints() {
        PatternCheck check = check("spam", Action.REJECT);

        assertThat(check.inspect(Submission.of("😀😀 spam")))
                .singleElement()
                .extracting(Finding::start, Finding::end)
                .containsExactly(5, 9);
    }

    @Test
    void atMostTwentyMatchesPerPatternAreReported() {
        PatternCheck check = check("spam", Action.REJECT);

        assertThat(check.inspect(Submission.of("spam ".repeat(100)))).hasSize(PatternCheck.MAX_MATCHES);
    }

    @Test
    void emptyMatchesReportNothing() {
        assertThat(check("x*", Action.REJECT).inspect(Submission.of("abc"))).isEmpty();
    }

    @Test
    void aPatternThatMatchesEmptyAtEveryPositionStaysLinear() {
        // Regression: each empty match of "(?:a.*z|)" reads to the end of the body, and every position had one.
        PatternCheck check = check("(?:a.*z|)", Action.REJECT);

        List<Finding> findings = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> check.inspect(Submission.of("a".repeat(1_000_000))));

        assertThat(findings).isEmpty();
    }

    @Test
    void findingsOfSeveralPatternsComeInOrderOfPosition() {
        PatternCheck check =
                new PatternCheck(List.of(admin("late", "zebra", Action.REVIEW), admin("early", "ant", Action.REVIEW)));

        assertThat(check.inspect(Submission.of("ant zebra ant")))
                .extracting(Finding::start)
                .containsExactly(0, 4, 10);
    }

    @Test
    void maskThroughTheEngineKeepsTheLength() {
        PolicyEngine engine = engine(check("(?i)\\bidiot\\b", Action.MASK));

        Moderation moderation = engine.moderate("You IDIOT, said the idiotic idiot.");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedText()).isEqualTo("You *****, said the idiotic *****.");
    }

    @Test
    void stripThroughTheEngineRemovesTheMatch() {
        PolicyEngine engine = engine(check(" ?#ad\\b", Action.STRIP));

        assertThat(engine.moderate("Great phone #ad").sanitizedText()).isEqualTo("Great phone");
    }

    @Test
    void anAllowedPatternIsNotRun() {
        assertThat(check("spam", Action.ALLOW).inspect(Submission.of("spam"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(UnicodeCheckTest.HOSTILE_BODIES)
    void hostileInputReturns(String body) {
        PatternCheck check = new PatternCheck(List.of(
                admin("nested", "(a+)+$", Action.REVIEW),
                admin("empty", "(?:a.*z|)", Action.REVIEW),
                admin("tags", "(?i)<[a-z]+[^>]*>", Action.STRIP)));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }

    private static PatternCheck check(String regex, Action action) {
        return new PatternCheck(List.of(admin("test", regex, action)));
    }

    private static PatternCheck.AdminPattern admin(String name, String regex, Action action) {
        return new PatternCheck.AdminPattern(name, Pattern.compile(regex), "Not here, please.", action);
    }

    private static PolicyEngine engine(Check check) {
        return new PolicyEngine(new Policy("t", List.of(check), Policy.MarkupPolicy.BASIC));
    }
}
