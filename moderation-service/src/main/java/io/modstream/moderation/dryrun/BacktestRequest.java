package io.modstream.moderation.dryrun;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backtest: replay the site's comments submitted between {@code from} and {@code to} through {@code policy}.
 *
 * @param policy the candidate policy file (YAML), for the same site
 * @param from first submission time included
 * @param to submission time past the last one included
 * @param maxComments stop after this many of the site's comments (default 10,000)
 */
record BacktestRequest(
        @NotBlank @Size(max = 256 * 1024) String policy,
        @NotNull Instant from,
        @NotNull Instant to,
        @Nullable @Min(1) @Max(100_000) Integer maxComments) {}
