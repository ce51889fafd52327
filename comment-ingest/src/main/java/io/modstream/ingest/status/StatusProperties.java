package io.modstream.ingest.status;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the read side each instance keeps in memory, under {@code modstream.ingest.status}.
 *
 * @param retention comments submitted longer ago than this are forgotten (their status answers 404); keep it at or
 *     below the retention of the comment topics, which is what a restarted instance can rebuild from
 * @param maxComments at most this many comments are kept; beyond it the oldest are forgotten first
 */
@ConfigurationProperties("modstream.ingest.status")
@Validated
public record StatusProperties(
        @DefaultValue("7d") Duration retention,
        @Min(1) @DefaultValue("500000") int maxComments) {}
