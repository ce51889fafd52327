package io.modstream.moderation.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The one counter every staff limit reports a refusal to, so the rate and the concurrency limits name it alike. */
final class StaffLimitMetrics {

    private StaffLimitMetrics() {}

    /** Counts one call of {@code user} refused by {@code limit} ({@code rate}, {@code backtest}, {@code replay}). */
    static void refused(MeterRegistry registry, String user, String limit) {
        Counter.builder("modstream.staff.refused")
                .description("Staff API calls refused by a limit")
                .tag("user", user)
                .tag("limit", limit)
                .register(registry)
                .increment();
    }
}
