package io.modstream.moderation.ops;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The Kafka admin client the operator page reads through, the broker connection its own clients use, and the page. */
@Configuration(proxyBeanMethods = false)
class OpsConfig {

    static final String PAGE = "/ops/";

    /**
     * One long-lived admin client for the page's reads: creating one per request costs a metadata round trip. Closed
     * within 2 s ({@link #closeWithin2s}): {@code close()} without a timeout can wait for ever for a broker that is gone.
     */
    @Bean(destroyMethod = "")
    Admin opsAdmin(BrokerConnection connection) {
        return Admin.create(connection.settings());
    }

    @Bean
    DisposableBean closeWithin2s(Admin opsAdmin) {
        return () -> opsAdmin.close(Duration.ofSeconds(2));
    }

    @Bean
    BrokerConnection brokerConnection(KafkaAdmin kafkaAdmin) {
        return new BrokerConnection(brokerConnectionOf(kafkaAdmin));
    }

    /**
     * Only where the broker is and how to reach it (address, TLS, SASL): the service's own serializers, group and
     * transactional ids must not leak into the page's clients.
     */
    private static Map<String, Object> brokerConnectionOf(KafkaAdmin kafkaAdmin) {
        Map<String, Object> connection = new HashMap<>();
        kafkaAdmin.getConfigurationProperties().forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)
                    || key.startsWith("ssl.")
                    || key.startsWith("sasl.")) {
                connection.put(key, value);
            }
        });
        return connection;
    }

    /** {@code /ops} and {@code /ops/} serve the page (static resources do not map folders). */
    @Bean
    RouterFunction<ServerResponse> opsPage() {
        ClassPathResource page = new ClassPathResource("static/ops/index.html");
        return RouterFunctions.route()
                .GET(
                        "/ops",
                        request -> ServerResponse.permanentRedirect(URI.create(PAGE))
                                .build())
                .GET(
                        PAGE,
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .bodyValue(page))
                .build();
    }

    /** The settings every client of the page starts from. Immutable. */
    record BrokerConnection(Map<String, Object> settings) {

        BrokerConnection {
            settings = Map.copyOf(settings);
        }

        /** A consumer without a group that sees committed records only, as the pipeline does; keys and values raw. */
        KafkaConsumer<byte[], byte[]> reader() {
            return new KafkaConsumer<>(with(Map.of(
                    ConsumerConfig.CLIENT_ID_CONFIG,
                    "moderation-ops-reader",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    500,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class)));
        }

        /** A transactional producer that writes raw bytes; one transactional id fences any other writer using it. */
        KafkaProducer<byte[], byte[]> transactionalWriter(String transactionalId) {
            return new KafkaProducer<>(with(Map.of(
                    ProducerConfig.CLIENT_ID_CONFIG,
                    transactionalId,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    transactionalId,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class)));
        }

        private Map<String, Object> with(Map<String, Object> more) {
            Map<String, Object> all = new HashMap<>(settings);
            all.putAll(more);
            return all;
        }
    }
}
