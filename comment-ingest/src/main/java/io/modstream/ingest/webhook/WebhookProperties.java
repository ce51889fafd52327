package io.modstream.ingest.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhooks, under {@code modstream.ingest.webhooks}.
 *
 * @param signingKey the key every site's signing secret is derived from; webhooks are off without it. Keep it out of
 *     files: set {@code MODSTREAM_INGEST_WEBHOOKS_SIGNING_KEY}. Changing it changes every site's secret.
 * @param allowHttp accept {@code http://} callback URLs; only for local development and tests
 * @param allowPrivateAddresses accept callbacks to loopback, private, link-local and other non-public addresses;
 *     only for local development and tests
 * @param timeout how long one delivery attempt may take, connecting included
 * @param retry when failed deliveries are tried again, and how often before they are parked
 */
@ConfigurationProperties("modstream.ingest.webhooks")
@Validated
public record WebhookProperties(
        @Nullable @Size(min = 32, message = "must be at least 32 characters")
        String signingKey,

        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("5s") Duration timeout,
        @Valid @DefaultValue Retry retry) {

    /**
     * Exponential backoff between attempts: {@code initialDelay}, then each gap {@code multiplier} times the last,
     * capped at {@code maxDelay}; after {@code maxAttempts} attempts in all, the delivery is parked.
     */
    public record Retry(
            @DefaultValue("1s") Duration initialDelay,
            @DecimalMin("1.0") @DefaultValue("4") double multiplier,
            @DefaultValue("10m") Duration maxDelay,
            @Min(2) @Max(20) @DefaultValue("6") int maxAttempts) {}
}
