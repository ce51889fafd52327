package io.modstream.moderation.ops;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Dead letters written straight to a dead-letter topic, as spring-kafka's recoverer would have written them. */
final class DeadLetterFixtures {

    private final JsonMapper json = JsonMapper.builder().build();

    /** A comment that is perfectly valid now: a fixed bug or schema had sent it to the dead-letter topic. */
    CommentSubmitted comment(String siteId, String body) {
        return new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                siteId,
                "thread-ops",
                null,
                "Ops thread",
                null,
                new Author("reader-" + UUID.randomUUID(), "Reader", null, null),
                body,
                Instant.now());
    }

    /** Writes {@code comment} to {@code comments.submitted-dlt} with the headers of a failure on partition 1. */
    void deadLetter(CommentSubmitted comment, String exceptionClass, String exceptionMessage) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", Topics.COMMENTS_SUBMITTED.getBytes(StandardCharsets.UTF_8));
        headers.add(
                "kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
        headers.add(
                "kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(42).array());
        headers.add(
                "kafka_dlt-original-timestamp",
                ByteBuffer.allocate(8)
                        .putLong(comment.submittedAt().toEpochMilli())
                        .array());
        headers.add("kafka_dlt-exception-fqcn", exceptionClass.getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-message", exceptionMessage.getBytes(StandardCharsets.UTF_8));
        headers.add(
                "traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(
                            Topics.COMMENTS_SUBMITTED_DLT,
                            1,
                            comment.commentId(),
                            json.writeValueAsBytes(comment),
                            headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the dead letter", e);
        }
    }

    /**
     * Marks everything now in {@code comments.submitted-dlt} as replayed, so a test's replay concerns only the dead
     * letters it writes afterwards (other tests share the broker and leave their own).
     */
    void markAllReplayed() {
        String bootstrap = KafkaTestBroker.bootstrapServers();
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMENTS_SUBMITTED_DLT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> ends = new java.util.HashMap<>();
            consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p, new OffsetAndMetadata(end)));
            admin.alterConsumerGroupOffsets(DeadLetterTopics.replayGroup(Topics.COMMENTS_SUBMITTED_DLT), ends)
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not mark the dead letters replayed", e);
        }
    }
}
