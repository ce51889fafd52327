package io.modstream.ingest.webhook;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The Kafka clients of the webhooks: values are raw bytes (JSON written and read with the application's mapper), so
 * retry and dead-letter topics republish exactly what was consumed. Built from {@code spring.kafka.*} (acks,
 * idempotence, timeouts) with the serialisers replaced; deliberately not beans, so Boot's own template and
 * consumer factory, which the rest of comment-ingest uses, stay as they are.
 */
@Component
@WebhooksEnabled
class WebhookKafka implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final Map<String, Object> consumerConfig;

    WebhookKafka(KafkaConnectionDetails connection, KafkaProperties properties) {
        Map<String, Object> producerConfig = new HashMap<>(properties.buildProducerProperties());
        producerConfig.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", connection.getProducer().getBootstrapServers()));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers =
                new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);

        Map<String, Object> consumers = new HashMap<>(properties.buildConsumerProperties());
        consumers.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", connection.getConsumer().getBootstrapServers()));
        // Outcomes are written in transactions; only committed ones are outcomes.
        consumers.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumers.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumers.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig = Map.copyOf(consumers);
    }

    /** Sends one record; the future completes when the broker has acknowledged it. */
    CompletableFuture<SendResult<String, byte[]>> send(String topic, String key, byte @Nullable [] value) {
        return template.send(topic, key, value);
    }

    KafkaTemplate<String, byte[]> template() {
        return template;
    }

    /** Consumers of string keys and byte values, reading committed records only, from the earliest for a new group. */
    ConsumerFactory<String, byte[]> consumerFactory() {
        return new DefaultKafkaConsumerFactory<>(consumerConfig, StringDeserializer::new, ByteArrayDeserializer::new);
    }

    /** The same settings for a one-off consumer of {@code groupId}, such as a replay. */
    Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
