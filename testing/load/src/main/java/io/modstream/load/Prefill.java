package io.modstream.load;

import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates {@code comments.submitted} and writes N comments of the {@link CommentMix} to it, keyed by author as
 * comment-ingest publishes them, as JSON written by the mapper the services use. {@link #append} writes more to the topic as it is.
 *
 * @param ids the comment ids written, each once
 * @param valueBytes the total size of the JSON values
 * @param kinds how many comments of each kind
 */
record Prefill(Set<String> ids, long valueBytes, Map<CommentMix.Kind, Integer> kinds) {

    /** The mix of MEASURING.md, {@link CommentMix#AUTHORS} authors in turn. */
    static Prefill write(String bootstrap, int records, int partitions, long seed) throws InterruptedException {
        return write(bootstrap, records, partitions, seed, CommentMix.AUTHORS);
    }

    /** The same over {@code authors} authors in turn ({@link CommentMix#DISTINCT_AUTHORS}: one per comment). */
    static Prefill write(String bootstrap, int records, int partitions, long seed, int authors)
            throws InterruptedException {
        try (Admin admin = Kafka.admin(bootstrap)) {
            Kafka.createTopic(admin, Topics.COMMENTS_SUBMITTED, partitions);
        }
        return append(bootstrap, records, seed, authors);
    }

    /** Writes to the existing topic; comment ids come from {@code seed}, so a new seed gives new ones. */
    static Prefill append(String bootstrap, int records, long seed, int authors) {
        JsonMapper json = JsonMapper.builder().build();
        CommentMix mix = new CommentMix(seed, Instant.now().truncatedTo(ChronoUnit.MILLIS), authors);
        Set<String> ids = new HashSet<>(records * 2);
        Map<CommentMix.Kind, Integer> kinds = new EnumMap<>(CommentMix.Kind.class);
        long bytes = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Object> config = Kafka.reliableWriter(bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < records; i++) {
                CommentMix.Generated generated = mix.next();
                CommentSubmitted comment = generated.comment();
                byte[] value = json.writeValueAsBytes(comment);
                if (!ids.add(comment.commentId())) {
                    throw new IllegalStateException("The generator repeated comment id " + comment.commentId());
                }
                kinds.merge(generated.kind(), 1, Integer::sum);
                bytes += value.length;
                producer.send(
                        new ProducerRecord<>(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), value), (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Pre-filling " + Topics.COMMENTS_SUBMITTED + " failed", failure.get());
        }
        return new Prefill(Set.copyOf(ids), bytes, kinds);
    }

    double averageBytes() {
        return (double) valueBytes / ids.size();
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d comments, average record value %.0f bytes (JSON), mix %s",
                ids.size(),
                averageBytes(),
                kinds.entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
    }
}
