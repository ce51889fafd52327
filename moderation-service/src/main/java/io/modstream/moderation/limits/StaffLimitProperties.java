package io.modstream.moderation.limits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on staff, under {@code modstream.moderation.limits.staff}; the reasoning behind the defaults is in
 * docs/limits.md ("Staff API rates and concurrency").
 *
 * @param burst how many state-changing calls one user may make at once, and how many unused ones are saved up; a bulk
 *     decision counts each comment. 200 lets a moderator clear two full bulk selections (100 each) back to back.
 * @param perMinute how fast the allowance refills, per user. 300 a minute (one every 200 ms) is several times what a
 *     person deciding with keyboard shortcuts reaches, and stops a runaway script at five writes a second.
 * @param backtestsAtOnce how many backtests may run at once on this instance; each holds a Kafka consumer and a core
 * @param replaysAtOnce how many dead-letter replays may run at once on this instance; each holds a consumer, a
 *     transactional producer and an open transaction
 */
@ConfigurationProperties("modstream.moderation.limits.staff")
@Validated
public record StaffLimitProperties(
        @Min(1) @Max(100_000) @DefaultValue("200") int burst,
        @Min(1) @Max(1_000_000) @DefaultValue("300") int perMinute,
        @Min(1) @Max(100) @DefaultValue("2") int backtestsAtOnce,
        @Min(1) @Max(100) @DefaultValue("1") int replaysAtOnce) {}
