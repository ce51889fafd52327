package io.modstream.load;

import io.modstream.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the outcomes on {@code comments.approved}, {@code comments.rejected} and {@code comments.review} as a
 * {@code read_committed} consumer sees them, from the beginning of every partition, and checks them against the
 * comments that were submitted: each must have exactly one. Tombstones (a moderator's decision taking a comment out
 * of the review queue) are not outcomes and are skipped. Not thread-safe: one thread polls and asks.
 */
final class OutcomeAudit implements AutoCloseable {

    static final List<String> OUTCOME_TOPICS =
            List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> expected;
    private final Set<String> timed;
    private final Map<String, Integer> outcomesById = new HashMap<>();
    private final Map<String, Integer> byTopic = new TreeMap<>();
    private long outcomes;
    private long timedOutcomes;
    private long duplicates;
    private long unexpected;
    private long firstCreateTime = Long.MAX_VALUE;
    private long lastCreateTime = Long.MIN_VALUE;

    private OutcomeAudit(KafkaConsumer<String, byte[]> consumer, Set<String> expected, Set<String> timed) {
        this.consumer = consumer;
        this.expected = expected;
        this.timed = timed;
    }

    /**
     * Waits for the outcome topics (the service creates them when it starts) and reads them from the beginning. No
     * consumer group: every partition is assigned, so nothing waits for a rebalance.
     */
    static OutcomeAudit open(String bootstrap, Set<String> expected, Duration topicTimeout, BooleanSupplier alive)
            throws InterruptedException {
        return open(bootstrap, expected, expected, topicTimeout, alive);
    }

    /**
     * As {@link #open(String, Set, Duration, BooleanSupplier)}, but only the outcomes of {@code timed} (a part of
     * {@code expected}) count towards the {@link #rate()}: every comment is still checked for exactly one outcome.
     */
    static OutcomeAudit open(
            String bootstrap, Set<String> expected, Set<String> timed, Duration topicTimeout, BooleanSupplier alive)
            throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = assigned(bootstrap, topicTimeout, alive);
        consumer.seekToBeginning(consumer.assignment());
        return new OutcomeAudit(consumer, expected, timed);
    }

    /**
     * Reads only the outcomes committed after this call: the outcome topics must exist, and the position is taken
     * from their ends now (the last stable offsets, as a {@code read_committed} reader sees them), so outcomes of a
     * backlog drained before do not count.
     */
    static OutcomeAudit openAtEnd(String bootstrap, Set<String> expected) throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = assigned(bootstrap, Duration.ofSeconds(30), () -> true);
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position); // resolves the lazy seek now, not at the first poll
        return new OutcomeAudit(consumer, expected, expected);
    }

    private static KafkaConsumer<String, byte[]> assigned(
            String bootstrap, Duration topicTimeout, BooleanSupplier alive) throws InterruptedException {
        List<TopicPartition> partitions;
        try (Admin admin = Kafka.admin(bootstrap)) {
            partitions = Kafka.awaitPartitions(admin, OUTCOME_TOPICS, topicTimeout, alive);
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Kafka.committedReader(bootstrap));
        consumer.assign(partitions);
        return consumer;
    }

    /** Polls once; returns how many outcomes it brought. */
    int poll(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        int brought = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            brought++;
            outcomes++;
            byTopic.merge(record.topic(), 1, Integer::sum);
            if (timed.contains(record.key())) {
                timedOutcomes++;
                firstCreateTime = Math.min(firstCreateTime, record.timestamp());
                lastCreateTime = Math.max(lastCreateTime, record.timestamp());
            }
            if (!expected.contains(record.key())) {
                unexpected++;
            } else if (outcomesById.merge(record.key(), 1, Integer::sum) > 1) {
                duplicates++;
            }
        }
        return brought;
    }

    /** Every submitted comment has at least one outcome. */
    boolean complete() {
        return outcomesById.size() == expected.size();
    }

    /** Submitted comments with at least one outcome so far. */
    int decided() {
        return outcomesById.size();
    }

    /** Submitted comments with no outcome (yet). */
    int lost() {
        return expected.size() - outcomesById.size();
    }

    /** Outcomes beyond the first for a comment. */
    long duplicated() {
        return duplicates;
    }

    /** Outcomes for comments that were never submitted here. */
    long unexpected() {
        return unexpected;
    }

    /** Outcomes of the timed comments per second, between the first and the last one's CreateTime. */
    double rate() {
        if (timedOutcomes < 2) {
            return 0;
        }
        return timedOutcomes / Math.max(1e-3, (lastCreateTime - firstCreateTime) / 1000.0);
    }

    double spanSeconds() {
        return timedOutcomes < 2 ? 0 : (lastCreateTime - firstCreateTime) / 1000.0;
    }

    String describe() {
        StringBuilder topics = new StringBuilder();
        byTopic.forEach((topic, count) -> topics.append(topics.length() == 0 ? "" : ", ")
                .append(topic.substring(topic.indexOf('.') + 1))
                .append(' ')
                .append(String.format(Locale.ROOT, "%,d", count)));
        return String.format(
                Locale.ROOT,
                "%,d outcomes (%s); lost %,d, duplicated %,d, unexpected %,d",
                outcomes,
                topics,
                lost(),
                duplicates,
                unexpected);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
