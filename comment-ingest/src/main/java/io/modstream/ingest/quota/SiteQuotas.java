package io.modstream.ingest.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.modstream.ingest.IngestProperties;
import io.modstream.web.RetryAfter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One token bucket per configured site: a comment costs one token, a bucket holds the site's burst and refills
 * greedily (a little every moment, not all at once) at its sustained rate.
 *
 * <p>Each instance enforces its share of the deployment's quota on its own: with {@code quota.instances = n}, a
 * bucket holds {@code burst / n} (rounded up, at least one) and refills {@code perSecond} tokens every {@code n}
 * seconds. That is exact only while a load balancer spreads a site's requests evenly; a shared limit would need a
 * store every instance reaches on each request (docs/limits.md says why not yet).
 *
 * <p>The buckets are made at start-up for the configured sites, the only ones authentication lets through, so their
 * number is bounded by the configuration. Thread-safe: Bucket4j's local buckets are lock-free.
 */
@Component
public class SiteQuotas {

    private final Map<String, Limit> limits;
    private final Map<String, Bucket> buckets;

    @Autowired
    SiteQuotas(IngestProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With {@code time} as the clock, so that tests can move it. */
    SiteQuotas(IngestProperties properties, TimeMeter time) {
        IngestProperties.Quota defaults = properties.quota();
        Map<String, Limit> configured = new LinkedHashMap<>();
        Map<String, Bucket> made = new LinkedHashMap<>();
        for (IngestProperties.Site site : properties.sites()) {
            Limit limit = Limit.of(defaults, site.quota());
            configured.put(site.id(), limit);
            made.put(site.id(), bucket(limit, defaults.instances(), time));
        }
        this.limits = Map.copyOf(configured);
        this.buckets = Map.copyOf(made);
    }

    /**
     * Takes one comment's token from {@code siteId}'s bucket if there is one.
     *
     * @return admitted, or refused with how long until the next token is there; a refusal takes nothing
     * @throws IllegalArgumentException for a site that is not configured (authentication lets none through)
     */
    public Admission tryTake(String siteId) {
        Bucket bucket = buckets.get(siteId);
        if (bucket == null) {
            throw new IllegalArgumentException("No quota for unconfigured site " + siteId);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Admission.ADMITTED
                : new Admission(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The deployment-wide quota configured for {@code siteId}, for messages. */
    public Limit limitOf(String siteId) {
        Limit limit = limits.get(siteId);
        if (limit == null) {
            throw new IllegalArgumentException("No quota for unconfigured site " + siteId);
        }
        return limit;
    }

    private static Bucket bucket(Limit limit, int instances, TimeMeter time) {
        long burstShare = Math.max(1, ceilDiv(limit.burst(), instances));
        return Bucket.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(burstShare).refillGreedy(limit.perSecond(), Duration.ofSeconds(instances)))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** A site's quota for the whole deployment: sustained comments a second, and the most at once. */
    public record Limit(long perSecond, long burst) {

        static Limit of(IngestProperties.Quota defaults, IngestProperties.@Nullable SiteQuota own) {
            if (own == null) {
                return new Limit(defaults.perSecond(), defaults.burst());
            }
            return new Limit(
                    own.perSecond() == null ? defaults.perSecond() : own.perSecond(),
                    own.burst() == null ? defaults.burst() : own.burst());
        }
    }

    /**
     * Whether a comment may go ahead; if not, how long until this site's next token.
     *
     * @param admitted a token was taken
     * @param retryAfter zero when admitted
     */
    public record Admission(boolean admitted, Duration retryAfter) {

        static final Admission ADMITTED = new Admission(true, Duration.ZERO);

        /** {@code Retry-After} in whole seconds ({@link RetryAfter#seconds}). */
        public long retryAfterSeconds() {
            return RetryAfter.seconds(retryAfter);
        }
    }
}
