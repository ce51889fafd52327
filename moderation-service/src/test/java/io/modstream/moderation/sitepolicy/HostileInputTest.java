package io.modstream.moderation.sitepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input built to hurt, through the whole engine under the default policy: each must come back with a verdict and
 * never an exception. The timeout only guards against a hang; speed is measured in the JMH benchmark, not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private PolicyEngine engine;

    @BeforeAll
    void defaultPolicy() throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/policies/default.yml"))) {
            engine = new PolicyParser()
                    .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default.yml")
                    .engine();
        }
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of("1 MB of nested tags", "<div>".repeat(200_000) + "x" + "</div>".repeat(10_000)),
                Arguments.of("deeply nested formatting", "<b><i>".repeat(50_000) + "deep"),
                Arguments.of("nesting just under the tag limit", "<b><i>".repeat(499) + "deep"),
                Arguments.of("100k repeated characters", "a".repeat(100_000)),
                Arguments.of("99k repeated characters, under the size limit", "a".repeat(99_000)),
                Arguments.of("99k combining marks", "e" + "\u0301".repeat(99_000)),
                Arguments.of("10k links", "x.io ".repeat(10_000)),
                Arguments.of("3k URLs", "https://example.org/a?b=c ".repeat(3_000)),
                Arguments.of("1 MB without a space", "x.".repeat(500_000)),
                Arguments.of("invalid surrogates", "bad \uD800 pair \uDC00\uD800 end" + "\uDBFF".repeat(10_000)),
                Arguments.of("10k mentions and emoji", "@user 😀 ".repeat(10_000)),
                Arguments.of("99k chars of leet and separators", "5.h.1.7 ".repeat(12_000)),
                Arguments.of("unclosed tags and entities", "<a href=\"".repeat(20_000) + "&amp;&#x0;&#99999999;"),
                Arguments.of("bidi and zero-width flood", "\u202E\u200B".repeat(49_000)),
                Arguments.of("obfuscated separators", "f.u.c.k ".repeat(12_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void finishesWithAVerdict(String name, String body) {
        Moderation moderation = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.moderate(body));

        assertThat(moderation.verdict()).as(name).isNotNull();
        assertThat(moderation.policyVersion()).isEqualTo("default/v1");
        assertThat(moderation.sanitizedHtml()).doesNotContain("<script", "<div", "href");
    }
}
