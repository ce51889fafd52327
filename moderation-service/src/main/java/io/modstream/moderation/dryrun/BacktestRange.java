package io.modstream.moderation.dryrun;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets a backtest reads, per partition: from the first record submitted at or after {@code from} to the first
 * at or after {@code to}, or to the end a {@code read_committed} reader can reach. Partitions with nothing in the
 * range are left out.
 *
 * @param start the first offset to read
 * @param stop the offset past the last one to read
 */
record BacktestRange(Map<TopicPartition, Long> start, Map<TopicPartition, Long> stop) {

    BacktestRange {
        start = Map.copyOf(start);
        stop = Map.copyOf(stop);
    }

    static BacktestRange of(Consumer<?, ?> consumer, List<TopicPartition> partitions, Instant from, Instant to) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndTimestamp> firsts = consumer.offsetsForTimes(at(partitions, from));
        Map<TopicPartition, OffsetAndTimestamp> pasts = consumer.offsetsForTimes(at(partitions, to));
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> stop = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = firsts.get(partition);
            OffsetAndTimestamp past = pasts.get(partition);
            long end = past == null ? ends.get(partition) : Math.min(past.offset(), ends.get(partition));
            if (first != null && first.offset() < end) {
                start.put(partition, first.offset());
                stop.put(partition, end);
            }
        }
        return new BacktestRange(start, stop);
    }

    /** How far {@code consumer} has got; partitions no longer {@code open} are done. */
    BacktestProgress progress(Consumer<?, ?> consumer, Collection<TopicPartition> open, int comments) {
        long total = 0;
        long read = 0;
        for (Map.Entry<TopicPartition, Long> entry : start.entrySet()) {
            long from = entry.getValue();
            long to = stop.get(entry.getKey());
            total += to - from;
            read += open.contains(entry.getKey())
                    ? Math.min(to, Math.max(from, consumer.position(entry.getKey()))) - from
                    : to - from;
        }
        return new BacktestProgress(read, total, comments);
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, time.toEpochMilli()));
        return times;
    }
}
