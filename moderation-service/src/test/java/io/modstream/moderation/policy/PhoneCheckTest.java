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

class PhoneCheckTest {

    private final PhoneCheck check = new PhoneCheck(Action.REVIEW);

    @TestFactory
    Stream<DynamicTest> labelledPhones() {
        return LabelledCases.run("/policy/phones.tsv", check, ReasonCodes.PII);
    }

    @Test
    void maskedNumberKeepsItsLength() {
        PolicyEngine engine =
                new PolicyEngine(new Policy("t", List.of(new PhoneCheck(Action.MASK)), Policy.MarkupPolicy.PLAIN));

        assertThat(engine.moderate("Call (555) 123-4567 now").sanitizedText()).isEqualTo("Call ************** now");
    }

    @Test
    void fullwidthDigitsAreSpannedInTheOriginal() {
        String body = "call ５５５-１２３-４５６７ tonight";

        assertThat(check.inspect(Submission.of(body)))
                .extracting(f -> body.substring(f.start(), f.end()))
                .containsExactly("５５５-１２３-４５６７");
    }

    @ParameterizedTest
    @MethodSource("io.modstream.moderation.policy.LinkCheckTest#hostileInputs")
    void hostileInputFinishesQuicklyAndNeverThrows(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }
}
