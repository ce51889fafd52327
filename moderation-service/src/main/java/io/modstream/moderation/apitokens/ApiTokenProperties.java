package io.modstream.moderation.apitokens;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of API tokens, under {@code modstream.moderation.api-tokens}.
 *
 * @param maxPerUser how many tokens one staff member may hold at once; a further one is refused until they revoke one
 */
@ConfigurationProperties("modstream.moderation.api-tokens")
@Validated
record ApiTokenProperties(
        @Min(1) @Max(100) @DefaultValue("10") int maxPerUser) {}
