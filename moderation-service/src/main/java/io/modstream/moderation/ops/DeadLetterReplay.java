package io.modstream.moderation.ops;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a dead-letter topic's records back to their source topic, each exactly once.
 *
 * <p>How far a topic has been replayed is the committed offset of the consumer group
 * {@code moderation-ops-replay-<dlt>}. A replay counts the records from there to the end the topic has now (at most
 * {@value DeadLetterTopics#SCAN_LIMIT}); if that is not the number the operator confirmed, nothing is sent. Otherwise
 * it republishes them in one Kafka transaction that also commits the group's new offsets: either all of them are
 * sent and marked replayed, or none is. Each keeps its key, value, original partition and its own headers, loses
 * spring-kafka's {@code kafka_dlt-*} headers, and gains {@value DeadLetter#REPLAYED_FROM} naming where it came from.
 * A record that fails again is dead-lettered again, as a new record, and is pending again.
 *
 * <p>Replays of one topic run one at a time on an instance; across instances they share one transactional id, so
 * the later one fences the earlier, whose transaction is aborted.
 */
@Component
class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final OpsConfig.BrokerConnection connection;
    private final BrokerView broker;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    DeadLetterReplay(OpsConfig.BrokerConnection connection, BrokerView broker) {
        this.connection = connection;
        this.broker = broker;
    }

    /**
     * Replays the records of {@code deadLetterTopic} not replayed yet, if there are exactly {@code expected} of them.
     * Blocking.
     *
     * @return how many records were sent
     * @throws CountChangedException when the count is not {@code expected}; nothing was sent
     */
    long replay(String deadLetterTopic, String sourceTopic, long expected) {
        synchronized (locks.computeIfAbsent(deadLetterTopic, topic -> new Object())) {
            return replayAlone(deadLetterTopic, sourceTopic, expected);
        }
    }

    private long replayAlone(String deadLetterTopic, String sourceTopic, long expected) {
        String group = DeadLetterTopics.replayGroup(deadLetterTopic);
        try (KafkaConsumer<byte[], byte[]> consumer = connection.reader()) {
            DeadLetterTopics.Range range =
                    DeadLetterTopics.Range.of(consumer, deadLetterTopic, broker.committed(group));
            Map<TopicPartition, Long> stop = new HashMap<>(range.replayedUpTo());
            long[] count = {0};
            boolean capped = range.read(consumer, range.replayedUpTo(), DeadLetterTopics.SCAN_LIMIT, record -> {
                count[0]++;
                stop.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            });
            if (!capped) {
                // Past the last record: transaction markers after it need not be read again.
                range.end().forEach((partition, end) -> stop.merge(partition, end, Math::max));
            }
            if (count[0] != expected) {
                throw new CountChangedException(count[0]);
            }
            if (count[0] == 0) {
                return 0;
            }
            long sent = send(consumer, range, stop, deadLetterTopic, sourceTopic, group);
            log.info("Replayed {} records from {} to {}", sent, deadLetterTopic, sourceTopic);
            return sent;
        }
    }

    private long send(
            KafkaConsumer<byte[], byte[]> consumer,
            DeadLetterTopics.Range range,
            Map<TopicPartition, Long> stop,
            String deadLetterTopic,
            String sourceTopic,
            String group) {
        try (KafkaProducer<byte[], byte[]> producer = connection.transactionalWriter(group)) {
            int sourcePartitions = producer.partitionsFor(sourceTopic).size();
            producer.initTransactions();
            producer.beginTransaction();
            long[] sent = {0};
            try {
                range.read(consumer, range.replayedUpTo(), Long.MAX_VALUE, record -> {
                    if (record.offset() < stop.get(new TopicPartition(record.topic(), record.partition()))) {
                        producer.send(republished(record, sourceTopic, sourcePartitions));
                        sent[0]++;
                    }
                });
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                stop.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
                producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(group));
                producer.commitTransaction();
                return sent[0];
            } catch (ProducerFencedException e) {
                throw new CountChangedException(-1);
            } catch (KafkaException | BrokerUnavailableException e) {
                producer.abortTransaction();
                throw e;
            }
        }
    }

    /** The record as it was on its source topic, plus where it was replayed from. */
    static ProducerRecord<byte[], byte[]> republished(
            ConsumerRecord<byte[], byte[]> deadLetter, String sourceTopic, int sourcePartitions) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DeadLetter.DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        String from = deadLetter.topic() + "/" + deadLetter.partition() + "@" + deadLetter.offset();
        headers.add(DeadLetter.REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        Integer partition = DeadLetter.originalPartition(deadLetter.headers());
        // Back where it was, so it keeps its order with the key's other records; by key if that partition is gone.
        Integer target = partition != null && partition >= 0 && partition < sourcePartitions ? partition : null;
        return new ProducerRecord<>(sourceTopic, target, deadLetter.key(), deadLetter.value(), headers);
    }

    /** The number of records to replay is not what the caller confirmed (or another replay ran at the same time). */
    static final class CountChangedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long pending;

        CountChangedException(long pending) {
            super(
                    pending < 0
                            ? "Another replay of this topic ran at the same time; look again."
                            : pending + " records are waiting to be replayed, not the number confirmed; look again.");
            this.pending = pending;
        }

        long pending() {
            return pending;
        }
    }
}
