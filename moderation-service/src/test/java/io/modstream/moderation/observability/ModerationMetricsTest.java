package io.modstream.moderation.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modstream.events.Author;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The outcome counters and timers, and the pipeline's queue time per site, on an in-memory registry. */
class ModerationMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ModerationMetrics metrics =
            new ModerationMetrics(registry, Set.of("daily-planet", "gazette")::contains);

    @Test
    void queueTimeIsRecordedPerConfiguredSite() {
        metrics.waited("daily-planet", Duration.ofMillis(1500));
        metrics.waited("daily-planet", Duration.ofMillis(500));
        metrics.waited("gazette", Duration.ofSeconds(30));

        assertThat(queueTime("daily-planet").count()).isEqualTo(2);
        assertThat(queueTime("daily-planet").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(queueTime("daily-planet").max(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(queueTime("gazette").count()).isEqualTo(1);
        assertThat(queueTime("gazette").totalTime(TimeUnit.SECONDS)).isEqualTo(30);
    }

    @Test
    void siteIdsNotConfiguredShareOneSeriesSoMadeUpIdsCannotGrowTheRegistry() {
        for (int i = 0; i < 1000; i++) {
            metrics.waited("made-up-" + i, Duration.ofMillis(10));
        }

        assertThat(registry.find("modstream.pipeline.queue.time").timers())
                .singleElement()
                .satisfies(timer -> {
                    assertThat(timer.getId().getTag("site")).isEqualTo(ModerationMetrics.OTHER_SITE);
                    assertThat(timer.count()).isEqualTo(1000);
                });
    }

    @Test
    void aRecordStampedAheadOfThisClockCountsAsNoWaitRatherThanANegativeOne() {
        metrics.waited("gazette", Duration.ofMillis(-200));

        assertThat(queueTime("gazette").count()).isEqualTo(1);
        assertThat(queueTime("gazette").totalTime(TimeUnit.NANOSECONDS)).isZero();
    }

    @Test
    void queueTimeIsScrapedAsAHistogramSoPercentilesAggregateAcrossInstances() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ModerationMetrics(prometheus, "gazette"::equals).waited("gazette", Duration.ofSeconds(2));

        List<String> buckets = prometheus
                .scrape()
                .lines()
                .filter(line -> line.startsWith("modstream_pipeline_queue_time_seconds_bucket{"))
                .toList();
        assertThat(buckets)
                .as("twelve bounds and +Inf")
                .hasSize(13)
                .allMatch(line -> line.contains("site=\"gazette\""));
        assertThat(buckets)
                .contains(
                        "modstream_pipeline_queue_time_seconds_bucket{site=\"gazette\",le=\"1.0\"} 0",
                        "modstream_pipeline_queue_time_seconds_bucket{site=\"gazette\",le=\"2.5\"} 1",
                        "modstream_pipeline_queue_time_seconds_bucket{site=\"gazette\",le=\"+Inf\"} 1");
    }

    @Test
    void everyOutcomeCountsInTheSeriesOfItsSiteVerdictAndReasonsAlthoughTheMetersAreBuiltOnce() {
        metrics.moderated(outcome("gazette", Verdict.APPROVE, Duration.ofMillis(40)));
        metrics.moderated(outcome("gazette", Verdict.APPROVE, Duration.ofMillis(60), "link"));
        metrics.moderated(outcome("gazette", Verdict.REJECT, Duration.ofMillis(100), "term", "link"));
        metrics.moderated(outcome("daily-planet", Verdict.APPROVE, Duration.ofMillis(-5), "link"));

        assertThat(moderated("gazette", "APPROVE")).isEqualTo(2);
        assertThat(moderated("gazette", "REJECT")).isEqualTo(1);
        assertThat(moderated("daily-planet", "APPROVE")).isEqualTo(1);
        assertThat(reasons("gazette", "link")).isEqualTo(2);
        assertThat(reasons("gazette", "term")).isEqualTo(1);
        assertThat(reasons("daily-planet", "link")).isEqualTo(1);
        Timer approved = registry.get("modstream.moderation.latency")
                .tag("verdict", "APPROVE")
                .timer();
        assertThat(approved.count()).isEqualTo(3);
        assertThat(approved.totalTime(TimeUnit.MILLISECONDS))
                .as("40 + 60, and a decision stamped before its submission counts as 0")
                .isEqualTo(100);
        assertThat(registry.get("modstream.moderation.latency")
                        .tag("verdict", "REJECT")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private double moderated(String site, String verdict) {
        return registry.get("modstream.comments.moderated")
                .tag("site", site)
                .tag("verdict", verdict)
                .counter()
                .count();
    }

    private double reasons(String site, String code) {
        return registry.get("modstream.comment.reasons")
                .tag("site", site)
                .tag("code", code)
                .counter()
                .count();
    }

    private static CommentModerated outcome(String site, Verdict verdict, Duration after, String... reasonCodes) {
        Instant submitted = Instant.parse("2026-12-05T06:00:00Z");
        CommentSubmitted comment = new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                "c-" + site,
                site,
                "t-1",
                null,
                null,
                null,
                new Author("a-1", "Ada", null, null),
                "Hello",
                submitted);
        List<Reason> reasons = Stream.of(reasonCodes)
                .map(code -> new Reason(code, "because", 0, 1))
                .toList();
        return new CommentModerated(
                CommentModerated.SCHEMA_VERSION,
                comment.commentId(),
                site,
                verdict,
                reasons,
                "Hello",
                "Hello",
                "v1",
                submitted.plus(after),
                comment);
    }

    private Timer queueTime(String site) {
        return registry.get("modstream.pipeline.queue.time").tag("site", site).timer();
    }
}
