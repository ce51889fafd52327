package io.modstream.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of comment-ingest, under {@code modstream.ingest}.
 *
 * @param maxRequestSize the largest request body accepted; larger ones get 413
 * @param publishTimeout how long a request waits for the broker to acknowledge before answering 503; keep it above
 *     the producer's {@code max.block.ms + delivery.timeout.ms} so that a 503 is only sent once the producer has given
 *     up too
 * @param retryAfter what a 503 tells the caller to wait before retrying
 * @param idempotency how long and how many {@code Idempotency-Key}s are remembered
 * @param topics partitions and replication of the topics this service creates
 * @param quota every site's default comment quota, and how many instances share it (docs/limits.md)
 * @param sites the sites allowed to post, each with the SHA-256 of its API key and, if it differs from the default,
 *     its own quota
 */
@ConfigurationProperties("modstream.ingest")
@Validated
public record IngestProperties(
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @Valid @DefaultValue Idempotency idempotency,
        @Valid @DefaultValue Topics topics,
        @Valid @DefaultValue Quota quota,
        @Valid @DefaultValue List<Site> sites) {

    /** Remembered keys expire after {@code retention}; at most {@code maxEntries} are kept. */
    public record Idempotency(
            @DefaultValue("24h") Duration retention,
            @Min(1) @DefaultValue("100000") long maxEntries) {}

    /** Partition count and replication factor for created topics; the defaults suit one local broker. */
    public record Topics(
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor) {}

    /**
     * How many comments a site may post: a token bucket that holds {@code burst} comments and refills at
     * {@code perSecond}. The defaults are several times what the busiest news sites post at their peak, and small
     * enough that one runaway key takes about a hundredth of what the pipeline moderates (docs/limits.md).
     *
     * @param perSecond sustained comments a second, for the whole deployment
     * @param burst comments that may arrive at once after a quiet spell, for the whole deployment
     * @param instances how many comment-ingest instances share the deployment's traffic: each enforces its share,
     *     {@code perSecond / instances} and {@code burst / instances} (rounded up), without talking to the others
     */
    public record Quota(
            @Min(1) @DefaultValue("100") long perSecond,
            @Min(1) @DefaultValue("1000") long burst,
            @Min(1) @DefaultValue("1") int instances) {}

    /**
     * A site's own quota; what it leaves out is the default's.
     *
     * @param perSecond sustained comments a second, or {@code null} for the default
     * @param burst comments at once, or {@code null} for the default
     */
    public record SiteQuota(
            @Nullable @Min(1) Long perSecond,
            @Nullable @Min(1) Long burst) {}

    /**
     * A tenant. Only the hash of its key is configured, so a leaked configuration file leaks no key.
     *
     * @param id the site id stamped on every comment it posts
     * @param apiKeySha256 lower-case hex SHA-256 of the API key ({@code printf %s KEY | sha256sum})
     * @param quota this site's quota where it differs from {@code modstream.ingest.quota}, or {@code null}
     */
    public record Site(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}")
            String id,

            @NotNull @Pattern(regexp = "[0-9a-f]{64}") String apiKeySha256,

            @Valid @Nullable SiteQuota quota) {}
}
