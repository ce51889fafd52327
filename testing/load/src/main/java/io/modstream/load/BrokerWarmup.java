package io.modstream.load;

import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traffic through a freshly started broker before the services under test start, so that the broker's JIT compilers
 * have done most of their work by the time the measurement begins, as they have on any broker a site has been
 * running. The traffic has the pipeline's shape at the measurement's rate, on topics of its own:
 *
 * <ul>
 *   <li>a writer sends comments of the {@link CommentMix} one by one, paced, with acks=all and idempotence (as
 *       comment-ingest does) to {@value #IN};
 *   <li>a copier reads them {@code read_committed} and writes them to {@value #OUT} in transactions committed with
 *       the consumed offsets every 100 ms (as moderation-service does): the pipeline benchmark's {@link Ceiling} loop;
 *   <li>a {@code read_committed} reader counts them on {@value #OUT} (as the benchmark's outcome clock does).
 * </ul>
 *
 * <p>Only the broker and this driver's own Kafka clients warm up; the services start afterwards, cold.
 */
final class BrokerWarmup {

    static final String IN = "load.warmup-in";
    static final String OUT = "load.warmup-out";
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private BrokerWarmup() {}

    /** Runs the traffic for {@code length} at {@code rate} records a second; returns how many records came through. */
    static long run(String bootstrap, int partitions, int rate, Duration length) throws InterruptedException {
        try (Admin admin = Kafka.admin(bootstrap)) {
            Kafka.createTopic(admin, IN, partitions);
            Kafka.createTopic(admin, OUT, partitions);
        }
        int records = (int) Math.max(1, rate * length.toSeconds());
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(bootstrap, records, rate, failure), "warmup-writer");
        Thread copier = new Thread(
                () -> {
                    try {
                        Ceiling.copy(bootstrap, IN, OUT, "load-warmup", records, Map.of());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                },
                "warmup-copier");
        writer.start();
        copier.start();
        long seen = 0;
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Kafka.committedReader(bootstrap))) {
            List<TopicPartition> out = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                out.add(new TopicPartition(OUT, partition));
            }
            reader.assign(out);
            long deadline = System.nanoTime() + length.plus(DRAIN_LIMIT).toNanos();
            while (seen < records && failure.get() == null && System.nanoTime() < deadline) {
                seen += reader.poll(Duration.ofMillis(100)).count();
            }
        } finally {
            writer.join();
            if (failure.get() != null) {
                copier.interrupt(); // it would otherwise wait out the copy's idle limit for records never written
            }
            copier.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The broker's warm-up traffic failed", failure.get());
        }
        return seen;
    }

    private static void write(String bootstrap, int records, int rate, AtomicReference<Exception> failure) {
        JsonMapper json = JsonMapper.builder().build();
        CommentMix mix = new CommentMix(
                CommentMix.DEFAULT_SEED + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), CommentMix.DISTINCT_AUTHORS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Kafka.reliableWriter(bootstrap))) {
            long start = System.nanoTime();
            for (int i = 0; i < records && failure.get() == null; i++) {
                long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                CommentSubmitted comment = mix.next().comment();
                producer.send(
                        new ProducerRecord<>(IN, AuthorKeys.of(comment), json.writeValueAsBytes(comment)), (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }
}
