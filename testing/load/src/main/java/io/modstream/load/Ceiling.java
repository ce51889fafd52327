package io.modstream.load;

import io.modstream.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The most the broker and the clients allow for a transactional consume→produce pipeline on this machine: the
 * service's loop with no moderation in it. A {@code read_committed} consumer reads {@code comments.submitted} from
 * the beginning; a transactional, idempotent producer with acks=all writes the same key and bytes to a scratch topic
 * with as many partitions; every 100 ms the consumed offsets go into the transaction ({@code sendOffsetsToTransaction})
 * and it commits. The producer lingers 5 ms (the client's default).
 *
 * <p>The rate is the number of records divided by the time between the first and the last output record's
 * CreateTime, which the producer stamps on each record and the broker acknowledges.
 */
final class Ceiling {

    static final String SCRATCH_TOPIC_PREFIX = "load.ceiling-";
    private static final long COMMIT_EVERY_MS = 100;
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    private Ceiling() {}

    /** The outcome of one run: the records timed, and their first and last CreateTimes in epoch milliseconds. */
    record Result(long records, long firstCreateTime, long lastCreateTime) {

        double rate() {
            return records / Math.max(1e-3, (lastCreateTime - firstCreateTime) / 1000.0);
        }
    }

    /**
     * Copies {@code records} records, and times only those at or after {@code timedFrom} (offset by partition of
     * {@code comments.submitted}; a partition not named is timed from its start). Each {@code pass} reads the topic
     * from the beginning under a consumer group of its own, into a scratch topic of its own.
     */
    static Result run(String bootstrap, int records, int partitions, Map<Integer, Long> timedFrom, int pass)
            throws InterruptedException {
        String scratchTopic = SCRATCH_TOPIC_PREFIX + pass;
        try (Admin admin = Kafka.admin(bootstrap)) {
            Kafka.createTopic(admin, scratchTopic, partitions);
        }
        return copy(bootstrap, Topics.COMMENTS_SUBMITTED, scratchTopic, "load-ceiling-" + pass, records, timedFrom);
    }

    /**
     * The loop itself: copies {@code records} records of {@code source}, read from the beginning under consumer group
     * {@code group}, to the existing topic {@code target}, and times those at or after {@code timedFrom}.
     */
    static Result copy(
            String bootstrap, String source, String target, String group, int records, Map<Integer, Long> timedFrom) {
        Map<String, Object> consumerConfig = Kafka.committedReader(bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        Map<String, Object> producerConfig = Kafka.reliableWriter(bootstrap);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + UUID.randomUUID());
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);

        LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
        LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long copied = 0;
        long timedCount = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
            producer.initTransactions();
            consumer.subscribe(List.of(source));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            producer.beginTransaction();
            long transactionStarted = System.nanoTime();
            long lastRecordAt = System.nanoTime();
            while (copied < records) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(20));
                for (ConsumerRecord<String, byte[]> record : batch) {
                    boolean timed = record.offset() >= timedFrom.getOrDefault(record.partition(), 0L);
                    producer.send(new ProducerRecord<>(target, record.key(), record.value()), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else if (timed) {
                            first.accumulate(m.timestamp());
                            last.accumulate(m.timestamp());
                        }
                    });
                    offsets.put(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    copied++;
                    timedCount += timed ? 1 : 0;
                }
                long now = System.nanoTime();
                if (!batch.isEmpty()) {
                    lastRecordAt = now;
                } else if (Duration.ofNanos(now - lastRecordAt).compareTo(IDLE_LIMIT) > 0) {
                    throw new IllegalStateException("The ceiling loop read nothing for " + IDLE_LIMIT + " after "
                            + copied + " of " + records + " records");
                }
                boolean due = Duration.ofNanos(now - transactionStarted).toMillis() >= COMMIT_EVERY_MS;
                if (!offsets.isEmpty() && (due || copied >= records)) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    offsets.clear();
                    if (failure.get() != null) {
                        throw new IllegalStateException("The ceiling loop failed to send", failure.get());
                    }
                    producer.beginTransaction();
                    transactionStarted = System.nanoTime();
                }
            }
            producer.abortTransaction(); // the last one, begun after the final commit, holds nothing
        }
        return new Result(timedCount, first.get(), last.get());
    }
}
