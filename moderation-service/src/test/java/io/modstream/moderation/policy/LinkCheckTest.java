package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinkCheckTest {

    private static final Set<String> SITE = Set.of("news.example");

    private final LinkCheck check = new LinkCheck(Action.REJECT);

    @TestFactory
    Stream<DynamicTest> labelledLinks() {
        return LabelledCases.run("/policy/links.tsv", check, ReasonCodes.LINK);
    }

    @TestFactory
    Stream<DynamicTest> labelledLinksOnASiteThatAllowsItsOwnDomain() {
        return LabelledCases.run("/policy/links-allowed.tsv", new LinkCheck(Action.REJECT, SITE), ReasonCodes.LINK);
    }

    @Test
    void allowedDomainIsNotALink() {
        LinkCheck site = new LinkCheck(Action.REJECT, SITE);

        assertThat(site.inspect(Submission.of("see https://www.news.example/politics and news.example")))
                .isEmpty();
    }

    @Test
    void domainThatOnlyEndsLikeTheAllowedOneIsALink() {
        LinkCheck site = new LinkCheck(Action.REJECT, SITE);

        assertThat(spans(site, "fakenews.example.com and news.example.evil.com"))
                .containsExactly("fakenews.example.com", "news.example.evil.com");
    }

    @Test
    void spanCoversTheWholeDisguise() {
        assertThat(spans(check, "buy at cheap-pills dot com (now)")).containsExactly("cheap-pills dot com");
        assertThat(spans(check, "hxxps://evil[.]example[.]org/x")).containsExactly("hxxps://evil[.]example[.]org/x");
        assertThat(spans(check, "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ!")).containsExactly("ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ");
    }

    @Test
    void strippedLinkIsReplacedThroughTheEngine() {
        PolicyEngine engine =
                new PolicyEngine(new Policy("t", List.of(new LinkCheck(Action.STRIP)), Policy.MarkupPolicy.BASIC));

        Moderation moderation = engine.moderate("Great piece. More at example dot com and https://x.org/a, thanks");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedText())
                .isEqualTo("Great piece. More at [link removed] and [link removed], thanks");
    }

    @Test
    void domainOfAnEmailAddressIsNotAlsoALink() {
        assertThat(check.inspect(Submission.of("write to jane.doe@example.com or jane at example dot org")))
                .isEmpty();
    }

    @Test
    void allowReportsNothing() {
        assertThat(new LinkCheck(Action.ALLOW).inspect(Submission.of("https://example.com")))
                .isEmpty();
    }

    @Test
    void manyLinksAreAllReported() {
        String body = "see example.com ".repeat(10_000);

        assertThat(check.inspect(Submission.of(body))).hasSize(10_000);
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void hostileInputFinishesQuicklyAndNeverThrows(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(Submission.of(body)));
    }

    /** Inputs that would be slow or break a careless scanner; the e-mail and phone tests run them too. */
    static Stream<String> hostileInputs() {
        return Stream.of(
                "\uD800",
                "a\uD800.com \uDC00 example.\uD800com",
                "x".repeat(100_000),
                ".".repeat(100_000),
                "@".repeat(100_000),
                "5".repeat(100_000),
                "a.".repeat(500_000),
                "a@".repeat(500_000),
                "example.com".repeat(100_000),
                "http://".repeat(100_000),
                "(".repeat(100_000) + "https://x.org" + ")".repeat(100_000),
                "a dot ".repeat(100_000) + "com",
                "a [.] ".repeat(100_000),
                " at x".repeat(100_000),
                "1-".repeat(500_000),
                "+1 ".repeat(100_000),
                "例え".repeat(100_000) + ".jp",
                "ｅ".repeat(100_000) + "．ｃｏｍ",
                "a.b:1:2:".repeat(100_000),
                "c4.es:".repeat(100_000),
                "[::1]".repeat(100_000),
                "organisiert. ba:51:95:54:d2:c4".repeat(20_000),
                "aabb.ccdd.".repeat(100_000));
    }

    private static List<String> spans(Check check, String body) {
        return check.inspect(Submission.of(body)).stream()
                .map(f -> body.substring(f.start(), f.end()))
                .toList();
    }
}
