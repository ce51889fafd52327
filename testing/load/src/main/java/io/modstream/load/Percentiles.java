package io.modstream.load;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of durations by the nearest-rank method: the p-th percentile is the smallest value that at
 * least p % of the values do not exceed, so every figure reported is a value that was measured. Immutable.
 */
final class Percentiles {

    private final long[] sortedMicros;

    Percentiles(long[] micros) {
        this.sortedMicros = micros.clone();
        Arrays.sort(sortedMicros);
    }

    int count() {
        return sortedMicros.length;
    }

    /** The p-th percentile in milliseconds ({@code 0 < p <= 100}); NaN if there are no values. */
    double millis(double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sortedMicros.length);
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length, rank) - 1)] / 1000.0;
    }

    double maxMillis() {
        return millis(100);
    }

    /** {@code p50 1.2 ms, p90 ..., p99 ..., max ...}. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                millis(50),
                millis(90),
                millis(99),
                maxMillis());
    }
}
