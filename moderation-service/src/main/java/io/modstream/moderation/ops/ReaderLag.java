package io.modstream.moderation.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lag as a {@code read_committed} reader sees it: the records between a group's committed offset and the partition's
 * last stable offset that such a reader would get. Offsets alone overcount on a transactional topic: every
 * transaction ends with a commit marker that takes an offset but is never delivered, so a consumer that commits
 * "last record + 1", as spring-kafka does, sits one offset before the end of an idle partition forever.
 *
 * <p>Where a group is at most {@value #EXACT_UP_TO} offsets behind, the records in between are read (keys and values
 * are not looked at) and counted exactly; further behind, or when reading takes longer than {@link #PROBE_TIME},
 * the offsets not read count as records, markers included. Thread-safe: each call uses its own consumer.
 */
@Component
class ReaderLag {

    static final long EXACT_UP_TO = 1_000;
    static final Duration PROBE_TIME = Duration.ofSeconds(2);

    private final OpsConfig.BrokerConnection connection;

    ReaderLag(OpsConfig.BrokerConnection connection) {
        this.connection = connection;
    }

    /**
     * Measures every partition the groups are behind on.
     *
     * @param lowestCommitted per partition, the lowest committed offset among the groups asked about
     * @param stableEnds per partition, the last stable offset (what a {@code read_committed} reader can reach)
     * @return per partition, what was found between the lowest committed offset and the stable end
     */
    Map<TopicPartition, Tail> tails(Map<TopicPartition, Long> lowestCommitted, Map<TopicPartition, Long> stableEnds) {
        Map<TopicPartition, Long> toRead = new HashMap<>();
        lowestCommitted.forEach((partition, from) -> {
            Long end = stableEnds.get(partition);
            if (end != null && from < end && end - from <= EXACT_UP_TO) {
                toRead.put(partition, from);
            }
        });
        if (toRead.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, List<Long>> seen = new HashMap<>();
        Map<TopicPartition, Long> reached = new HashMap<>(toRead);
        try (KafkaConsumer<byte[], byte[]> reader = connection.reader()) {
            reader.assign(toRead.keySet());
            // A committed offset that retention has passed reads from the oldest record still there.
            Map<TopicPartition, Long> oldest = reader.beginningOffsets(toRead.keySet());
            toRead.forEach(
                    (partition, from) -> reader.seek(partition, Math.max(from, oldest.getOrDefault(partition, 0L))));
            List<TopicPartition> open = new ArrayList<>(toRead.keySet());
            Instant deadline = Instant.now().plus(PROBE_TIME);
            while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < stableEnds.get(partition)) {
                        seen.computeIfAbsent(partition, p -> new ArrayList<>()).add(record.offset());
                    }
                }
                // The position, not the last record, says how far the reader got: it passes markers and aborted
                // records without delivering anything.
                for (TopicPartition partition : List.copyOf(open)) {
                    long position = reader.position(partition);
                    reached.put(partition, Math.min(position, stableEnds.get(partition)));
                    if (position >= stableEnds.get(partition)) {
                        open.remove(partition);
                    }
                }
                reader.pause(
                        toRead.keySet().stream().filter(p -> !open.contains(p)).toList());
            }
        }
        Map<TopicPartition, Tail> tails = new HashMap<>();
        reached.forEach((partition, upTo) -> tails.put(
                partition,
                new Tail(
                        upTo,
                        seen.getOrDefault(partition, List.of()).stream()
                                .mapToLong(Long::longValue)
                                .toArray())));
        return tails;
    }

    /**
     * The lag of a group at {@code committed} on a partition whose last stable offset is {@code stableEnd}.
     *
     * @param tail what {@link #tails} found on the partition, or null if it read nothing there
     */
    static long lag(long committed, long stableEnd, @Nullable Tail tail) {
        if (committed >= stableEnd) {
            return 0;
        }
        if (tail == null) {
            return stableEnd - committed;
        }
        long read = 0;
        for (long offset : tail.records()) {
            if (offset >= committed && offset < tail.reachedOffset()) {
                read++;
            }
        }
        return read + Math.max(0, stableEnd - Math.max(committed, tail.reachedOffset()));
    }

    /**
     * What a reader found on one partition.
     *
     * @param reachedOffset how far it read; offsets from here to the stable end were not read
     * @param records the offsets of the records it was given, each below {@code reachedOffset}
     */
    record Tail(long reachedOffset, long[] records) {}
}
