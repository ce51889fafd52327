package io.modstream.moderation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rates from end-offset samples: per topic, per interval, over the last 15 minutes only. */
class ThroughputTest {

    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    private final Throughput throughput = new Throughput(mock(BrokerView.class));

    @Test
    void rateIsTheEndOffsetGrowthPerSecondBetweenSamples() {
        throughput.record(T0, Map.of("a", 100L));
        throughput.record(T0.plusSeconds(5), Map.of("a", 150L));
        throughput.record(T0.plusSeconds(10), Map.of("a", 150L));

        Throughput.Series series = throughput.series();

        assertThat(series.times()).containsExactly(T0.plusSeconds(5), T0.plusSeconds(10));
        assertThat(series.perSecond()).containsEntry("a", List.of(10.0, 0.0));
    }

    @Test
    void topicThatAppearsLaterStartsAtZeroAndAShrinkingOffsetIsNoNegativeRate() {
        throughput.record(T0, Map.of("a", 10L));
        throughput.record(T0.plusSeconds(5), Map.of("a", 5L, "b", 7L));
        throughput.record(T0.plusSeconds(10), Map.of("a", 15L, "b", 17L));

        Throughput.Series series = throughput.series();

        assertThat(series.perSecond()).containsEntry("a", List.of(0.0, 2.0)).containsEntry("b", List.of(0.0, 2.0));
    }

    @Test
    void samplesOlderThanFifteenMinutesAreForgotten() {
        throughput.record(T0, Map.of("a", 0L));
        throughput.record(T0.plusSeconds(60), Map.of("a", 60L));
        throughput.record(T0.plusSeconds(16 * 60), Map.of("a", 960L));

        assertThat(throughput.series().times()).containsExactly(T0.plusSeconds(16 * 60));
    }

    @Test
    void oneSampleIsNoRateYet() {
        throughput.record(T0, Map.of("a", 1L));

        assertThat(throughput.series().times()).isEmpty();
        assertThat(throughput.series().perSecond()).containsEntry("a", List.of());
    }
}
