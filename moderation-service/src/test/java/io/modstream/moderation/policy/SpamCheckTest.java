package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modstream.events.ReasonCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpamCheckTest {

    private static final SpamCheck.Limits LIMITS = new SpamCheck.Limits(5, 0.7, 12, 3, 5);

    private final SpamCheck check = new SpamCheck(LIMITS, Action.REVIEW);

    @TestFactory
    Stream<DynamicTest> labelledSpam() {
        return LabelledCases.run("/policy/spam.tsv", check, ReasonCodes.SPAM);
    }

    @Test
    void capitalsExactlyAtTheRatioAreNotShouting() {
        // 63 of 90 letters is exactly 0.7; 0.7 * 90 is 62.99999999999999 in doubles, which once made this shouting.
        String body = "ABC".repeat(21) + "xyz".repeat(9);

        assertThat(check.inspect(Submission.of(body))).isEmpty();
    }

    @Test
    void oneCapitalOverTheRatioIsShoutingAcrossTheWholeComment() {
        String body = "ABCD".repeat(16) + "xy".repeat(13);

        assertThat(spans(body)).containsExactly(body);
    }

    @Test
    void capitalsAreNotJudgedBelowTheMinimumNumberOfLetters() {
        assertThat(check.inspect(Submission.of("ABCDEFGHIJK! 2025"))).isEmpty();
        assertThat(spans("ABCDEFGHIJKL!")).containsExactly("ABCDEFGHIJKL!");
    }

    @Test
    void capitalsCountOnlyLettersNotDigitsOrPunctuation() {
        assertThat(spans("GDP 2024: 3.1% UP, JOBS 12,000 UP, RATES 5.25%"))
                .containsExactly("GDP 2024: 3.1% UP, JOBS 12,000 UP, RATES 5.25%");
        assertThat(check.inspect(Submission.of("NASA, ESA and JAXA signed the agreement today")))
                .isEmpty();
    }

    @Test
    void aRunAtTheLimitIsFineAndOneMoreIsSpam() {
        assertThat(check.inspect(Submission.of("Sooooo good"))).isEmpty();
        assertThat(spans("Soooooo good")).containsExactly("oooooo");
    }

    @Test
    void theRunFindingSpansTheWholeRunOnceHoweverLong() {
        List<Finding> findings = check.inspect(Submission.of("Goal" + "!".repeat(40) + " and again!!!!!!!"));

        assertThat(findings).extracting(Finding::start, Finding::end).containsExactly(tuple(4, 44), tuple(54, 61));
    }

    @Test
    void aRunIgnoresCase() {
        assertThat(spans("NOOOooo")).containsExactly("OOOooo");
    }

    @Test
    void aRunOfEmojiCountsCodePointsNotChars() {
        String laughing = "😂".repeat(6);

        assertThat(check.inspect(Submission.of("😂".repeat(5)))).isEmpty();
        assertThat(spans(laughing)).contains(laughing);
    }

    @Test
    void digitsAndWhiteSpaceNeverMakeARun() {
        assertThat(check.inspect(Submission.of("The station cost 100000000000 dollars.")))
                .isEmpty();
        assertThat(check.inspect(Submission.of("First\n\n\n\n\n\n\nlast,          indeed")))
                .isEmpty();
    }

    @Test
    void mentionsAtTheLimitAreFineAndTheFourthSpansToTheEnd() {
        assertThat(check.inspect(Submission.of("@anna @ben @carl thanks"))).isEmpty();
        assertThat(spans("@anna @ben @carl @dora thanks")).containsExactly("@dora thanks");
    }

    @Test
    void anEmailAddressIsNotAMention() {
        assertThat(check.inspect(Submission.of("a@x.org b@x.org c@x.org d@x.org e@x.org")))
                .isEmpty();
    }

    @Test
    void emojiAtTheLimitAreFineAndTheSixthSpansToTheEnd() {
        assertThat(check.inspect(Submission.of("🚀🌍🎉👍🔥 launch"))).isEmpty();
        assertThat(spans("🚀🌍🎉👍🔥⚽ launch")).containsExactly("⚽ launch");
    }

    @Test
    void aFamilyJoinedWithZeroWidthJoinersIsOneEmoji() {
        String family = "👨‍👩‍👧";

        assertThat(check.inspect(Submission.of(family.repeat(5)))).isEmpty();
        assertThat(spans(family.repeat(6))).containsExactly(family);
    }

    @Test
    void aFlagIsOneEmojiAndSkinTonesAddNone() {
        assertThat(check.inspect(Submission.of("🇬🇧🇫🇷🇩🇪🇮🇹🇪🇸"))).isEmpty();
        assertThat(spans("🇬🇧🇫🇷🇩🇪🇮🇹🇪🇸🇵🇱")).containsExactly("🇵🇱");
        assertThat(check.inspect(Submission.of("👍🏽👍🏿👏🏻🙌🏾💪🏼"))).isEmpty();
    }

    @Test
    void eachSignalIsItsOwnFindingInOrderOfPosition() {
        String body = "STOP THE PRESSES!!!!!! @a @b @c @d 😀😀😀😀😀🎉";

        assertThat(spans(body)).containsExactly(body, "!!!!!!", "@d 😀😀😀😀😀🎉", "🎉");
    }

    @Test
    void allowReportsNothing() {
        SpamCheck allow = new SpamCheck(LIMITS, Action.ALLOW);

        assertThat(allow.inspect(Submission.of("STOP!!!!!!!!!! @a @b @c @d @e")))
                .isEmpty();
    }

    @Test
    void theCountsNeverHideAFindingOfTheFullScan() {
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.random(20261205, 100_000, 60));
        List<SpamCheck> checks = List.of(check, new SpamCheck(new SpamCheck.Limits(10, 0.7, 20, 5, 10), Action.REVIEW));
        int found = 0;
        for (SpamCheck spam : checks) {
            for (String text : texts) {
                List<Finding> scanned = spam.scan(text);
                assertThat(spam.inspect(Submission.of(text))).as(text).isEqualTo(scanned);
                found += scanned.isEmpty() ? 0 : 1;
            }
        }
        assertThat(found).as("texts with findings").isGreaterThan(5_000);
    }

    @ParameterizedTest
    @MethodSource(UnicodeCheckTest.HOSTILE_BODIES)
    void hostileInputReturns(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }

    private List<String> spans(String body) {
        return check.inspect(Submission.of(body)).stream()
                .map(f -> body.substring(f.start(), f.end()))
                .toList();
    }
}
