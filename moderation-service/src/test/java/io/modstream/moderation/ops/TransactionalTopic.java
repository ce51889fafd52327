package io.modstream.moderation.ops;

import io.modstream.testing.kafka.KafkaTestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A one-partition topic of the test's own, written in one Kafka transaction, so that its log ends with a commit
 * marker, and consumer groups on it that commit the way spring-kafka's listeners do: the last record's offset + 1.
 */
final class TransactionalTopic {

    final String name;
    final TopicPartition partition;

    private final String bootstrap = KafkaTestBroker.bootstrapServers();

    /** Creates the topic and writes {@code records} records to it in one committed transaction. */
    TransactionalTopic(String name, int records) {
        this.name = name;
        this.partition = new TopicPartition(name, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + name, e);
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "tx-" + name,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(name, 0, "k" + i, "record " + i));
            }
            producer.commitTransaction();
        }
    }

    /**
     * A group that reads every record with {@code read_committed} and commits the last one's offset + 1, which is
     * the commit marker's offset: caught up, and idle.
     */
    void caughtUpGroup(String groupId, int records) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(name));
            long last = -1;
            int seen = 0;
            Instant deadline = Instant.now().plusSeconds(30);
            while (seen < records && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    last = record.offset();
                }
            }
            if (seen < records) {
                throw new IllegalStateException("read " + seen + " of " + records + " records of " + name);
            }
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(last + 1)));
        }
    }

    /** A group that has committed {@code offset} without reading anything. */
    void groupAt(String groupId, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.alterConsumerGroupOffsets(groupId, Map.of(partition, new OffsetAndMetadata(offset)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not commit for " + groupId, e);
        }
    }
}
