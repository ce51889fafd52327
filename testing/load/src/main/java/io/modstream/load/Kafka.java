package io.modstream.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client settings and topic administration shared by the load tests. */
final class Kafka {

    private Kafka() {}

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Creates a topic with replication factor 1; the broker must not have it yet. */
    static void createTopic(Admin admin, String topic, int partitions) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not create " + topic + " (the load tests expect a fresh broker): " + e.getCause(), e);
        }
    }

    /** Waits until all {@code topics} exist and returns their partitions; gives up early if {@code alive} fails. */
    static List<TopicPartition> awaitPartitions(
            Admin admin, Collection<String> topics, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                Set<String> existing = admin.listTopics().names().get();
                if (existing.containsAll(topics)) {
                    Map<String, TopicDescription> described =
                            admin.describeTopics(topics).allTopicNames().get();
                    return described.values().stream()
                            .flatMap(description -> description.partitions().stream()
                                    .map(p -> new TopicPartition(description.name(), p.partition())))
                            .toList();
                }
            } catch (ExecutionException e) {
                // not there yet, or the metadata is still propagating: ask again
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(
                        "Gave up waiting for " + topics + ": the process that creates them is gone");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Topics " + topics + " did not appear within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** The end offset of each partition of {@code topic}, by partition number. */
    static Map<Integer, Long> endOffsets(String bootstrap, String topic, int partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try (Admin admin = admin(bootstrap)) {
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the end offsets of " + topic + ": " + e.getCause(), e);
        }
    }

    /** A consumer that sees only committed records, in no group, reading bytes. */
    static Map<String, Object> committedReader(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** An idempotent producer with acks=all, writing string keys and byte values. */
    static Map<String, Object> reliableWriter(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
