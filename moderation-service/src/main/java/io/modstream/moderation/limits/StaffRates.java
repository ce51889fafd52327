package io.modstream.moderation.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.modstream.moderation.web.Problems;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * One token bucket (Bucket4j) per staff user name: {@link StaffLimitProperties#burst()} calls at once, refilled at
 * {@link StaffLimitProperties#perMinute()}. Users never share a bucket, so one moderator's script does not slow
 * another moderator down.
 *
 * <p>The buckets live in this instance's memory: with several instances behind a load balancer each user may spend
 * the allowance once per instance. Only authenticated names reach here, and those are the configured staff, so the
 * map stays as small as the staff list. Thread-safe.
 */
@Component
public class StaffRates {

    /** The {@code limit} tag of {@code modstream.staff.refused} for this limit. */
    static final String RATE = "rate";

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final StaffLimitProperties limits;
    private final MeterRegistry registry;
    private final TimeMeter time;

    @Autowired
    StaffRates(StaffLimitProperties limits, MeterRegistry registry) {
        this(limits, registry, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a clock of the test's choosing. */
    StaffRates(StaffLimitProperties limits, MeterRegistry registry, TimeMeter time) {
        this.limits = limits;
        this.registry = registry;
        this.time = time;
    }

    /**
     * Takes {@code cost} calls from the user's allowance, or none at all if there are not that many left. A cost
     * above the burst is charged as the whole burst, so that it can succeed once the allowance is full.
     *
     * @return how long to wait before the same cost would be allowed; zero when it was allowed now
     */
    Duration take(String user, int cost) {
        ConsumptionProbe probe = bucket(user).tryConsumeAndReturnRemaining(Math.min(Math.max(cost, 1), limits.burst()));
        if (probe.isConsumed()) {
            return Duration.ZERO;
        }
        StaffLimitMetrics.refused(registry, user, RATE);
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /**
     * For a handler that learns the real cost of a call from its body (a bulk decision): takes {@code extra} more
     * from the user's allowance, on top of the one the filter took.
     *
     * @throws ErrorResponseException 429 with {@code Retry-After} when the allowance does not cover it
     */
    public void charge(String user, int extra) {
        if (extra <= 0) {
            return;
        }
        Duration wait = take(user, extra);
        if (!wait.isZero()) {
            throw Problems.tooManyRequests(refusal(), wait);
        }
    }

    /** What a refused caller is told. */
    String refusal() {
        return "Too many changes in a short time: each user may make " + limits.burst() + " at once and "
                + limits.perMinute() + " a minute after that (a bulk decision counts each comment). Nothing was"
                + " done; try again after the number of seconds in Retry-After.";
    }

    private Bucket bucket(String user) {
        return buckets.computeIfAbsent(
                user,
                name -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limits.burst())
                                .refillGreedy(limits.perMinute(), Duration.ofMinutes(1))
                                .build())
                        .withCustomTimePrecision(time)
                        .build());
    }
}
