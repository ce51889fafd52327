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

class EmailCheckTest {

    private final EmailCheck check = new EmailCheck(Action.REJECT);

    @TestFactory
    Stream<DynamicTest> labelledEmails() {
        return LabelledCases.run("/policy/emails.tsv", check, ReasonCodes.EMAIL);
    }

    @Test
    void spanCoversTheWholeDisguise() {
        String body = "mail me: jane [at] example [dot] com!";

        assertThat(check.inspect(Submission.of(body)))
                .extracting(f -> body.substring(f.start(), f.end()))
                .containsExactly("jane [at] example [dot] com");
    }

    @Test
    void maskedAddressKeepsItsLengthAndTheLinkCheckStaysQuiet() {
        PolicyEngine engine = new PolicyEngine(new Policy(
                "t", List.of(new LinkCheck(Action.REJECT), new EmailCheck(Action.MASK)), Policy.MarkupPolicy.PLAIN));

        Moderation moderation = engine.moderate("Tips to tips@example.org please");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.EMAIL);
        assertThat(moderation.sanitizedText()).isEqualTo("Tips to **************** please");
    }

    @Test
    void strippedAddressIsReplaced() {
        PolicyEngine engine =
                new PolicyEngine(new Policy("t", List.of(new EmailCheck(Action.STRIP)), Policy.MarkupPolicy.PLAIN));

        assertThat(engine.moderate("ask bob(at)example.net").sanitizedText()).isEqualTo("ask [email removed]");
    }

    @ParameterizedTest
    @MethodSource("io.modstream.moderation.policy.LinkCheckTest#hostileInputs")
    void hostileInputFinishesQuicklyAndNeverThrows(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }
}
