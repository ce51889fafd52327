package io.modstream.e2e;

import io.modstream.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each comment's outcome became visible to a downstream consumer: a {@code read_committed} consumer of the
 * three outcome topics, on a thread of its own, that notes the moment (and the order) it first sees each comment id
 * (the records' key). It starts at the topics' ends, so only outcomes written after {@link #start} count, and it
 * polls with a short fetch wait so that a moment seen is within about 50 ms of the transaction's commit.
 */
final class OutcomeArrivals implements AutoCloseable {

    static final List<String> OUTCOME_TOPICS =
            List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW);

    /** When (System.nanoTime) and as which outcome (0, 1, 2, ... in the order seen) a comment's outcome arrived. */
    record Arrival(long nanoTime, long order) {}

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong seen = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    private OutcomeArrivals(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-arrivals-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                50,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        poller = new Thread(this::poll, "outcome-arrivals");
        poller.setDaemon(true);
    }

    /** Opens the consumer at the outcome topics' current ends (the services must have created them) and starts it. */
    static OutcomeArrivals start(String bootstrapServers) {
        OutcomeArrivals arrivals = new OutcomeArrivals(bootstrapServers);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : OUTCOME_TOPICS) {
            arrivals.consumer
                    .partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        arrivals.consumer.assign(partitions);
        arrivals.consumer.seekToEnd(partitions);
        // Resolve the ends now, before anything is posted, not lazily at the first poll.
        partitions.forEach(arrivals.consumer::position);
        arrivals.poller.start();
        return arrivals;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    if (record.key() != null) {
                        arrivals.computeIfAbsent(record.key(), id -> new Arrival(now, seen.getAndIncrement()));
                    }
                }
            }
        } catch (RuntimeException e) {
            failures.add(e);
        } finally {
            consumer.close();
        }
    }

    /** The arrival of this comment's outcome, or null while none has been seen. */
    Arrival of(String commentId) {
        assertHealthy();
        return arrivals.get(commentId);
    }

    /** How many of these comments have an outcome so far. */
    long countOf(Collection<String> commentIds) {
        assertHealthy();
        return commentIds.stream().filter(arrivals::containsKey).count();
    }

    private void assertHealthy() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The outcome consumer failed", failures.get(0));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
