package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Named.named;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
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
import org.junit.jupiter.params.provider.MethodSource;

class UnicodeCheckTest {

    /** The hostile bodies every check of the policy package must survive; see {@link #hostileBodies()}. */
    static final String HOSTILE_BODIES = "io.modstream.moderation.policy.UnicodeCheckTest#hostileBodies";

    private final UnicodeCheck check = new UnicodeCheck(4, Action.STRIP);

    private final PolicyEngine engine = new PolicyEngine(new Policy("t", List.of(check), Policy.MarkupPolicy.BASIC));

    @TestFactory
    Stream<DynamicTest> labelledUnicode() {
        return LabelledCases.run("/policy/unicode.tsv", check, ReasonCodes.UNICODE);
    }

    @Test
    void strippingRemovesOnlyTheBadCharacters() {
        Moderation moderation = engine.moderate("pay\u200Bpal says \u202Eevil\u202C, ding\u0007 \uFEFF");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedText()).isEqualTo("paypal says evil, ding ");
        assertThat(moderation.reasons()).hasSize(5).allMatch(r -> r.code().equals(ReasonCodes.UNICODE));
    }

    @Test
    void zalgoKeepsTheBaseLetterAndTheAllowedMarks() {
        String allowed = "\u0351\u036b\u0343\u036a";
        String excess = "\u0302\u036b\u033d\u0334\u0319\u0324\u031e";

        Moderation moderation = engine.moderate("Z" + allowed + excess + "oom");

        assertThat(moderation.sanitizedText()).isEqualTo("Z" + allowed + "oom");
    }

    @Test
    void marksOnDifferentLettersAreCountedSeparately() {
        String fourMarks = "\u0300\u0301\u0302\u0303";

        assertThat(check.inspect(Submission.of(("a" + fourMarks).repeat(100)))).isEmpty();
    }

    @Test
    void unpairedSurrogatesAreFoundButAPairIsNot() {
        assertThat(spans("a\uD83Db")).containsExactly("\uD83D");
        assertThat(spans("a\uDE00b")).containsExactly("\uDE00");
        assertThat(spans("reversed \uDE00\uD83D pair")).containsExactly("\uDE00\uD83D");
        assertThat(spans("cut off at the end \uD83D")).containsExactly("\uD83D");
        assertThat(check.inspect(Submission.of("a \uD83D\uDE00 b"))).isEmpty();
    }

    @Test
    void controlCharactersAreFoundButLineBreaksAndTabsAreNot() {
        // NUL is here rather than in unicode.tsv: it would make git treat the table as binary.
        assertThat(spans("a\u0000b\u0007c\u001Bd\u007Fe\u0085f"))
                .containsExactly("\u0000", "\u0007", "\u001B", "\u007F", "\u0085");
        assertThat(check.inspect(Submission.of("line\nbreak\r\nand\ttab"))).isEmpty();
    }

    @Test
    void aSkinToneBeforeAJoinerStillMakesAnEmojiSequence() {
        // Regression: U+1F3FD is not a pictograph, so 👩🏽‍💻 once lost its joiner.
        assertThat(check.inspect(Submission.of("\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB")))
                .isEmpty();
    }

    @Test
    void persianKeepsTheNonJoinerItsSpellingNeeds() {
        // Regression: stripping U+200C from "می‌خواهم" misspells it.
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";

        assertThat(check.inspect(Submission.of(persian))).isEmpty();
        assertThat(engine.moderate(persian).sanitizedText()).isEqualTo(persian);
    }

    @Test
    void aJoinerAfterAViramaIsIndicSpelling() {
        assertThat(check.inspect(Submission.of("\u0915\u094D\u200D\u0937 \u0915\u094D\u200C\u0937")))
                .isEmpty();
    }

    @Test
    void aSubdivisionFlagKeepsItsTagsWhileLooseTagsAreFound() {
        String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        String smuggled = "\uDB40\uDC68\uDB40\uDC69";

        assertThat(check.inspect(Submission.of("Go " + scotland))).isEmpty();
        assertThat(spans("Go" + smuggled + " team")).containsExactly(smuggled);
    }

    @Test
    void aLongTailOfFindingsEndsInOneFindingToTheEnd() {
        String body = "a\u200B".repeat(200);

        List<Finding> findings = check.inspect(Submission.of(body));

        assertThat(findings).hasSize(50);
        assertThat(findings.get(48)).extracting(Finding::start, Finding::end).containsExactly(97, 98);
        assertThat(findings.get(49)).extracting(Finding::start, Finding::end).containsExactly(99, body.length());
    }

    @Test
    void allowReportsNothing() {
        assertThat(new UnicodeCheck(4, Action.ALLOW).inspect(Submission.of("\u202Eevil")))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void hostileInputReturns(String body) {
        List<Finding> findings =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));

        assertThat(findings).hasSizeLessThanOrEqualTo(50);
    }

    /** Bodies that once hung, or could hang, a check; shared by the tests of every check. */
    static Stream<Named<String>> hostileBodies() {
        return Stream.of(
                named("1 MB of nested divs", "<div>".repeat(200_000)),
                named("1 MB of unclosed tags", "<a".repeat(500_000)),
                named("1 MB of unclosed comments", "<!--".repeat(250_000)),
                named("100k exclamation marks", "!".repeat(100_000)),
                named("100k emoji", "\uD83D\uDE02".repeat(100_000)),
                named("100k combining marks", "e" + "\u0301".repeat(100_000)),
                named(
                        "100k joiners after an emoji",
                        "\uD83D\uDE00" + "\u0301".repeat(50_000) + "\u200D".repeat(50_000)),
                named("100k zero width spaces between letters", "a\u200B".repeat(100_000)),
                named("100k mentions", "@a ".repeat(100_000)),
                named("1 MB of one letter", "a".repeat(1_000_000)),
                named("1 MB of alternating case", "aA".repeat(500_000)),
                named("unpaired surrogates", "\uD800".repeat(50_000) + "\uDC00x".repeat(50_000)),
                named("reversed surrogate pairs", "\uDE00\uD83D".repeat(100_000)));
    }

    @Test
    void theCharsTheTightLoopPassesAreNeverHiddenAndNeverAMark() {
        int plain = 0;
        for (char c = 0; c < 0x100; c++) {
            if (!UnicodeCheck.isPlain(c)) {
                continue;
            }
            int type = Character.getType(c);
            assertThat(type).as("U+%04X", (int) c).isNotIn(Character.NON_SPACING_MARK, Character.ENCLOSING_MARK);
            assertThat(UnicodeCheck.isHidden("a" + c + "a", 1, c, type))
                    .as("U+%04X", (int) c)
                    .isFalse();
            plain++;
        }
        assertThat(plain).as("ASCII and Latin-1 chars passed").isEqualTo(95 + 3 + 95);
    }

    @Test
    void belowTheDoubleExclamationMarkOnlyCopyrightAndRegisteredArePictographs() {
        for (int cp = 0; cp <= 0x203C; cp++) {
            assertThat(UnicodeCheck.isPictographic(cp))
                    .as("U+%04X", cp)
                    .isEqualTo(UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC));
        }
    }

    private List<String> spans(String body) {
        return check.inspect(Submission.of(body)).stream()
                .map(f -> body.substring(f.start(), f.end()))
                .toList();
    }
}
