package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinkCheckTest {

    private final LinkCheck check = new LinkCheck(Action.REJECT);

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("labelledCases")
    void findsExactlyTheLabelledLink(String label, String linkedText, String comment) {
        List<Finding> findings = check.inspect(Submission.of(comment));

        if (label.equals("CLEAN")) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).hasSize(1);
        Reason reason = findings.get(0).reason();
        assertThat(findings.get(0).action()).isEqualTo(Action.REJECT);
        assertThat(reason.code()).isEqualTo(ReasonCodes.LINK);
        assertThat(comment.substring(reason.start(), reason.end())).isEqualTo(linkedText);
    }

    static Stream<Arguments> labelledCases() throws IOException {
        try (InputStream in = Objects.requireNonNull(LinkCheckTest.class.getResourceAsStream("/policy/links.tsv"))) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return table
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 3))
                    .map(columns -> Arguments.of(columns[0], columns[1], columns[2]))
                    .toList()
                    .stream();
        }
    }
}
