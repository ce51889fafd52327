package io.modstream.moderation.ops;

import io.modstream.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads dead-letter topics for the operator page: counts what is in each and what a replay would send, and keeps the
 * newest few records. Reads committed records only, as the pipeline does. Thread-safe: every call uses its own
 * consumer.
 */
@Component
class DeadLetterTopics {

    static final String SUFFIX = "-dlt";

    /** At most this many records are counted per topic and call, and replayed per replay. */
    static final int SCAN_LIMIT = 10_000;

    /** The dead-letter topics this service writes, and so may replay: the sources are the topics it consumes. */
    static final Set<String> REPLAYABLE = Set.of(Topics.COMMENTS_SUBMITTED_DLT, Topics.MODERATION_DECISIONS + SUFFIX);

    private static final Duration READ_LIMIT = Duration.ofSeconds(20);
    private static final Comparator<DeadLetter> OLDEST_FIRST = Comparator.comparing(DeadLetter::timestamp)
            .thenComparingInt(DeadLetter::partition)
            .thenComparingLong(DeadLetter::offset);

    private final OpsConfig.BrokerConnection connection;
    private final BrokerView broker;

    DeadLetterTopics(OpsConfig.BrokerConnection connection, BrokerView broker) {
        this.connection = connection;
        this.broker = broker;
    }

    /** The consumer group whose committed offsets say how far a dead-letter topic has been replayed. */
    static String replayGroup(String deadLetterTopic) {
        return "moderation-ops-replay-" + deadLetterTopic;
    }

    static @Nullable String sourceOf(String deadLetterTopic) {
        return REPLAYABLE.contains(deadLetterTopic)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length())
                : null;
    }

    /** Every topic on the broker whose name ends in {@code -dlt}, with its newest {@code newest} records. */
    List<DeadLetterTopic> all(int newest) {
        return broker.topicNames().stream()
                .filter(name -> name.endsWith(SUFFIX))
                .sorted()
                .map(name -> read(name, newest))
                .toList();
    }

    DeadLetterTopic read(String topic, int newest) {
        try (KafkaConsumer<byte[], byte[]> consumer = connection.reader()) {
            Range range = Range.of(consumer, topic, broker.committed(replayGroup(topic)));
            PriorityQueue<DeadLetter> kept = new PriorityQueue<>(OLDEST_FIRST);
            long[] counts = new long[2];
            boolean capped = range.read(consumer, range.begin(), SCAN_LIMIT, record -> {
                counts[0]++;
                if (range.pending(record)) {
                    counts[1]++;
                }
                keep(kept, record, range, newest);
            });
            if (capped) {
                // The newest records were not reached: read each partition's tail instead.
                kept.clear();
                Map<TopicPartition, Long> tail = range.tail(2L * newest + 10);
                range.read(consumer, tail, SCAN_LIMIT, record -> keep(kept, record, range, newest));
            }
            List<DeadLetter> shown = new ArrayList<>(kept);
            shown.sort(OLDEST_FIRST.reversed());
            return new DeadLetterTopic(topic, sourceOf(topic), counts[0], counts[1], capped, shown);
        }
    }

    /** Keeps the record if it is among the newest {@code limit}; only those are decoded and cut for display. */
    private static void keep(
            PriorityQueue<DeadLetter> kept, ConsumerRecord<byte[], byte[]> record, Range range, int limit) {
        if (limit <= 0) {
            return;
        }
        DeadLetter oldestKept = kept.peek();
        if (kept.size() == limit && oldestKept != null && !newer(record, oldestKept)) {
            return;
        }
        kept.add(DeadLetter.of(record, !range.pending(record)));
        if (kept.size() > limit) {
            kept.poll();
        }
    }

    private static boolean newer(ConsumerRecord<?, ?> record, DeadLetter than) {
        long at = than.timestamp().toEpochMilli();
        if (record.timestamp() != at) {
            return record.timestamp() > at;
        }
        return record.partition() != than.partition()
                ? record.partition() > than.partition()
                : record.offset() > than.offset();
    }

    /**
     * A dead-letter topic's partitions between where they begin and the end they had when the range was taken, with
     * the offset each has been replayed up to.
     */
    record Range(
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> begin,
            Map<TopicPartition, Long> end,
            Map<TopicPartition, Long> replayedUpTo) {

        static Range of(
                KafkaConsumer<byte[], byte[]> consumer, String topic, Map<TopicPartition, OffsetAndMetadata> replayed) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_LIMIT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_LIMIT);
            // read_committed: the end is the last stable offset, so an open transaction is not waited for.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
            Map<TopicPartition, Long> upTo = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata committed = replayed.get(partition);
                upTo.put(partition, Math.max(begin.get(partition), committed == null ? 0 : committed.offset()));
            }
            return new Range(partitions, begin, end, Map.copyOf(upTo));
        }

        boolean pending(ConsumerRecord<?, ?> record) {
            return record.offset() >= replayedUpTo.get(new TopicPartition(record.topic(), record.partition()));
        }

        Map<TopicPartition, Long> tail(long offsets) {
            Map<TopicPartition, Long> from = new HashMap<>();
            partitions.forEach(p -> from.put(p, Math.max(begin.get(p), end.get(p) - offsets)));
            return from;
        }

        /**
         * Reads from {@code from} to this range's end, handing each record to {@code each}, at most {@code limit}
         * records; answers whether it stopped at the limit. Records written after the range was taken are not read.
         */
        boolean read(
                KafkaConsumer<byte[], byte[]> consumer,
                Map<TopicPartition, Long> from,
                long limit,
                Consumer<ConsumerRecord<byte[], byte[]>> each) {
            consumer.assign(partitions);
            from.forEach(consumer::seek);
            long seen = 0;
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!atEnd(consumer)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new BrokerUnavailableException("could not read " + partitions + " to its end in time", null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    if (seen == limit) {
                        return true;
                    }
                    seen++;
                    each.accept(record);
                }
            }
            return false;
        }

        private boolean atEnd(KafkaConsumer<byte[], byte[]> consumer) {
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition, READ_LIMIT) < end.get(partition)) {
                    return false;
                }
            }
            return true;
        }
    }
}
