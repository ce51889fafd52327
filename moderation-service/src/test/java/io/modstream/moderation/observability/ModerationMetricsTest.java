package io.modstream.moderation.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pipeline's queue time per site, on an in-memory registry. */
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

    private Timer queueTime(String site) {
        return registry.get("modstream.pipeline.queue.time").tag("site", site).timer();
    }
}
