package io.modstream.moderation.sitepolicy;

import io.modstream.moderation.ModerationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy log on the topic {@value #TOPIC}: one JSON record per version put in force, keyed by site, on one
 * partition and kept forever, so the versions of all sites read back in the order they were published. Policies
 * change rarely, so each call opens its own short-lived client. Thread-safe.
 */
@Component
class KafkaPolicyLog implements PolicyLog {

    static final String TOPIC = "policies.published";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final short replicationFactor;
    private final JsonMapper json;

    @Autowired
    KafkaPolicyLog(KafkaConnectionDetails kafka, ModerationProperties properties, JsonMapper json) {
        this(
                String.join(",", kafka.getConsumer().getBootstrapServers()),
                properties.topics().replicationFactor(),
                json);
    }

    KafkaPolicyLog(String bootstrapServers, short replicationFactor, JsonMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
        this.json = json;
    }

    @Override
    public Map<String, Published> latest() {
        createTopic();
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        Map<String, Published> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), WAIT).get(partition);
            Instant deadline = Instant.now().plus(WAIT);
            while (consumer.position(partition, WAIT) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + TOPIC + " to its end within " + WAIT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Published published = json.readValue(record.value(), Published.class);
                    latest.merge(
                            published.siteId(), published, (old, now) -> now.version() > old.version() ? now : old);
                }
            }
        }
        return latest;
    }

    @Override
    public void record(Published published) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                WAIT.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, 0, published.siteId(), json.writeValueAsString(published)))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a policy version", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not record " + published.siteId() + "/v" + published.version(), e);
        }
    }

    /** One partition keeps every site's versions in publishing order; they are the record of what was in force. */
    private void createTopic() {
        NewTopic topic =
                new NewTopic(TOPIC, 1, replicationFactor).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + TOPIC, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not create " + TOPIC + " within " + WAIT, e);
        }
    }
}
