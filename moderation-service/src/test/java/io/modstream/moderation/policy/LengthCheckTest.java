package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modstream.events.ReasonCodes;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LengthCheckTest {

    private final LengthCheck check = new LengthCheck(2, 200, Action.REJECT);

    /** At most three characters, so each test can say exactly where the fourth is. */
    private final LengthCheck three = new LengthCheck(0, 3, Action.REJECT);

    @TestFactory
    Stream<DynamicTest> labelledLengths() {
        return LabelledCases.run("/policy/length.tsv", check, ReasonCodes.LENGTH);
    }

    @Test
    void tagsMarksAndInvisibleCharactersCountAsNothing() {
        assertThat(three.inspect(Submission.of("<p class=\"x\">a\u0301\u0302<br/>b\u200B\u2066c\uFEFF</p>")))
                .isEmpty();
        assertThat(spans(three, "<b>abc</b>d")).containsExactly("d");
    }

    @Test
    void aSurrogatePairCountsOnce() {
        assertThat(three.inspect(Submission.of("😀😀😀"))).isEmpty();
        assertThat(three.inspect(Submission.of("😀😀😀😀")))
                .singleElement()
                .extracting(Finding::start, Finding::end)
                .containsExactly(6, 8);
    }

    @Test
    void anEmojiSequenceCountsOnce() {
        assertThat(three.inspect(Submission.of("👨‍👩‍👧🇬🇧👍🏽"))).isEmpty();
        assertThat(spans(three, "👨‍👩‍👧🇬🇧👍🏽🇫🇷")).containsExactly("🇫🇷");
    }

    @Test
    void tooLongSpansFromTheFirstCharacterPastTheLimit() {
        assertThat(three.inspect(Submission.of("abc"))).isEmpty();
        assertThat(spans(three, "abcdef")).containsExactly("def");
        assertThat(spans(three, "abc def")).containsExactly(" def");
    }

    @Test
    void tooShortSpansTheWholeBody() {
        assertThat(spans(check, " <b>a</b> ")).containsExactly(" <b>a</b> ");
        assertThat(check.inspect(Submission.of("")))
                .singleElement()
                .extracting(Finding::end)
                .isEqualTo(0);
    }

    @Test
    void aCommentOfWhiteSpaceIsEmpty() {
        // Regression: five spaces once counted as five characters, and passed a minimum of 2.
        assertThat(spans(check, "     ")).containsExactly("     ");
        assertThat(spans(check, "\u00A0\u00A0\u00A0")).containsExactly("\u00A0\u00A0\u00A0");
    }

    @Test
    void whiteSpaceBetweenWordsCountsOnce() {
        assertThat(three.inspect(Submission.of("a \n\t  b"))).isEmpty();
        assertThat(three.inspect(Submission.of("   ab   "))).isEmpty();
    }

    @Test
    void aLessThanSignBeforeADigitOrASpaceIsText() {
        assertThat(spans(three, "3 < 5")).containsExactly(" 5");
        assertThat(spans(three, "<3<3")).containsExactly("3");
    }

    @Test
    void allowReportsNothing() {
        assertThat(new LengthCheck(2, 3, Action.ALLOW).inspect(Submission.of("far too long")))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource(UnicodeCheckTest.HOSTILE_BODIES)
    void hostileInputReturns(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }

    private static List<String> spans(Check check, String body) {
        return check.inspect(Submission.of(body)).stream()
                .map(f -> body.substring(f.start(), f.end()))
                .toList();
    }
}
