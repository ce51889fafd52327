package io.modstream.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
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
 * @param sites the sites allowed to post, each with the SHA-256 of its API key
 */
@ConfigurationProperties("modstream.ingest")
@Validated
public record IngestProperties(
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @Valid @DefaultValue Idempotency idempotency,
        @Valid @DefaultValue Topics topics,
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
     * A tenant. Only the hash of its key is configured, so a leaked configuration file leaks no key.
     *
     * @param id the site id stamped on every comment it posts
     * @param apiKeySha256 lower-case hex SHA-256 of the API key ({@code printf %s KEY | sha256sum})
     */
    public record Site(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}")
            String id,

            @NotNull @Pattern(regexp = "[0-9a-f]{64}") String apiKeySha256) {}
}
