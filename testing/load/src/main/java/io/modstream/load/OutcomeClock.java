package io.modstream.load;

import io.modstream.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times every outcome as a site would see it: a {@code read_committed} consumer, on a thread of its own, reads the
 * outcome topics ({@link OutcomeAudit#OUTCOME_TOPICS}) from the beginning and, for the first outcome of each comment
 * id, records the wall-clock time the poll returned it minus the comment's {@code submittedAt} (the outcome's
 * {@code comment.submittedAt}, which comment-ingest stamped when it accepted the comment, on this machine's clock).
 * It also reads {@code comments.submitted}, for when comment-ingest sent each comment, so that a latency can be split
 * into its parts. Tombstones are skipped; a second outcome for an id is counted as a duplicate. Safe to query from other threads.
 */
final class OutcomeClock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, byte[]> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> latencyMicros = new ConcurrentHashMap<>();
    private final Map<String, Long> submittedAtMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> writtenMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> sentMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> seenMicros = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    private OutcomeClock(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::run, "outcome-clock");
        thread.setDaemon(true);
    }

    /** Waits for the outcome topics, then reads them from the beginning on a new thread. */
    static OutcomeClock start(String bootstrap, Duration topicTimeout, BooleanSupplier alive)
            throws InterruptedException {
        List<TopicPartition> partitions;
        try (Admin admin = Kafka.admin(bootstrap)) {
            List<String> topics = new ArrayList<>(OutcomeAudit.OUTCOME_TOPICS);
            topics.add(Topics.COMMENTS_SUBMITTED);
            partitions = Kafka.awaitPartitions(admin, topics, topicTimeout, alive);
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Kafka.committedReader(bootstrap));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        OutcomeClock clock = new OutcomeClock(consumer);
        clock.thread.start();
        return clock;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                Instant seen = Instant.now();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.value() == null) {
                        continue;
                    }
                    if (record.topic().equals(Topics.COMMENTS_SUBMITTED)) {
                        sent(record.value(), record.timestamp());
                    } else {
                        record(record.key(), record.value(), record.timestamp(), seen);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() asked
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close();
        }
    }

    /** comment-ingest's producer stamps each submitted record with its clock when {@code send} is called. */
    private void sent(byte[] value, long createTime) {
        try {
            sentMillis.put(json.readTree(value).path("commentId").asString(), createTime);
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
        }
    }

    private void record(String commentId, byte[] value, long written, Instant seen) {
        Instant submittedAt;
        try {
            JsonNode comment = json.readTree(value).path("comment");
            submittedAt = Instant.parse(comment.path("submittedAt").asString());
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            return;
        }
        long micros = Duration.between(submittedAt, seen).toNanos() / 1_000;
        if (latencyMicros.putIfAbsent(commentId, micros) != null) {
            duplicates.incrementAndGet();
        } else {
            submittedAtMillis.put(commentId, submittedAt.toEpochMilli());
            writtenMillis.put(commentId, written);
            seenMicros.put(commentId, ChronoUnit.MICROS.between(Instant.EPOCH, seen));
        }
    }

    /** Microseconds from submission to the first outcome of {@code commentId}, or null if none was seen yet. */
    Long latencyMicros(String commentId) {
        return latencyMicros.get(commentId);
    }

    /** When the poll that brought the first outcome of {@code commentId} returned (epoch microseconds), or null. */
    Long seenMicros(String commentId) {
        return seenMicros.get(commentId);
    }

    /** When {@code commentId} was submitted (epoch milliseconds), if its outcome was seen; else null. */
    Long submittedAtMillis(String commentId) {
        return submittedAtMillis.get(commentId);
    }

    /**
     * When moderation-service wrote the first outcome of {@code commentId} (the record's CreateTime, epoch
     * milliseconds: the service stamps its own clock on every outcome), if it was seen; else null. It splits a
     * comment's latency in two: submission to the write (comment-ingest's send, the broker, the wait for the stream
     * thread, the moderation) and the write to visible (the rest of the commit interval, the commit, the read).
     */
    Long writtenMillis(String commentId) {
        return writtenMillis.get(commentId);
    }

    /**
     * When comment-ingest handed {@code commentId} to its Kafka producer (the submitted record's CreateTime, epoch
     * milliseconds), if that record was read; else null. Splits the time to the outcome's write into comment-ingest's
     * part (from stamping {@code submittedAt} to the send) and the rest.
     */
    Long sentMillis(String commentId) {
        return sentMillis.get(commentId);
    }

    /** How many of {@code commentIds} have an outcome. */
    int seen(Iterable<String> commentIds) {
        int seen = 0;
        for (String id : commentIds) {
            if (latencyMicros.containsKey(id)) {
                seen++;
            }
        }
        return seen;
    }

    /** Outcomes beyond the first for a comment, over everything read. */
    long duplicates() {
        return duplicates.get();
    }

    /** Outcomes whose value had no readable {@code comment.submittedAt}. */
    long unreadable() {
        return unreadable.get();
    }

    /** Throws if the reading thread died. */
    void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("The outcome consumer failed", failure.get());
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.isAlive()) {
            consumer.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
