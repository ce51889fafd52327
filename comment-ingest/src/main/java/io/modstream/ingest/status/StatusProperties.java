package io.modstream.ingest.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The read side, under {@code modstream.ingest.status} (docs/read-side.md). There is no count cap: what is kept is
 * bounded by the retention and the disk of {@code spring.kafka.streams.state-dir}.
 *
 * @param retention comments submitted longer ago than this are purged from the stores (their status answers 404);
 *     keep it at or below the retention of the comment topics, which is what an instance with an empty state
 *     directory can rebuild from
 * @param purgeEvery how often each store looks for comments past the retention
 * @param purgeBatch at most this many comments are purged at a time on the global thread
 * @param readAfterWriteWait how long a read that finds nothing waits for this instance to apply what
 *     {@code comments.submitted} held when the read came in (a comment accepted by another instance), before 404
 * @param maxWaitingReads at most this many reads wait at once; beyond that, a miss answers at once
 * @param acceptedMax at most this many just-accepted comments are remembered in the heap until the store has them
 * @param acceptedFor how long a just-accepted comment is remembered in the heap
 */
@ConfigurationProperties("modstream.ingest.status")
@Validated
public record StatusProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1m") Duration purgeEvery,
        @Min(1) @DefaultValue("1000") int purgeBatch,
        @DefaultValue("2s") Duration readAfterWriteWait,
        @Min(0) @Max(100_000) @DefaultValue("1000") int maxWaitingReads,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int acceptedMax,
        @DefaultValue("1m") Duration acceptedFor) {}
