package io.modstream.moderation.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which partition, and so which author task, an author key belongs to: the Kafka producer's default for a keyed
 * record (murmur2 of the key's bytes), written out here so that the {@code author-events} repartition topic and the
 * producers of {@code comments.submitted} and {@code authors.actions} agree by construction, not by coincidence.
 */
final class AuthorPartitions<V> implements StreamPartitioner<String, V> {

    static int of(byte[] authorKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(authorKey)) % partitions;
    }

    static int of(String authorKey, int partitions) {
        return of(authorKey.getBytes(StandardCharsets.UTF_8), partitions);
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(of(key, numPartitions)));
    }
}
