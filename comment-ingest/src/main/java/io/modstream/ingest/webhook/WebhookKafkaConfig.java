package io.modstream.ingest.webhook;

import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.observability.IngestMetrics;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * The Kafka edge of the webhooks, in one place: their topics, their listener containers, and how failures are
 * handled.
 *
 * <p>Outcomes are read committed-only; an outcome that cannot be read is logged and skipped, anything else (the
 * broker not taking the delivery record) is retried every second until it works, so no outcome is lost. Deliveries
 * are retried without blocking other sites through retry topics ({@code webhooks.deliveries-retry-0}, {@code -1},
 * ...) with exponential backoff; after {@code retry.max-attempts} attempts the record is parked on
 * {@code webhooks.deliveries-dlt} with the cause in {@code kafka_exception-*} headers (spring-kafka's names for retry topics). A record that cannot be
 * read or whose callback address is refused is parked at once: retrying cannot help.
 */
@Configuration(proxyBeanMethods = false)
@WebhooksEnabled
class WebhookKafkaConfig {

    static final String OUTCOMES_FACTORY = "webhookOutcomesContainerFactory";
    static final String DELIVERIES_FACTORY = "webhookDeliveriesContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(WebhookKafkaConfig.class);

    @Bean
    WebhookSigner webhookSigner(WebhookProperties properties) {
        return new WebhookSigner(Objects.requireNonNull(properties.signingKey()));
    }

    @Bean
    CallbackUrls callbackUrls(WebhookProperties properties) {
        return new CallbackUrls(properties.allowHttp(), properties.allowPrivateAddresses());
    }

    @Bean
    WebhookSender webhookSender(WebhookProperties properties, CallbackUrls urls) {
        return new WebhookSender(properties.timeout(), urls, Clock.systemUTC());
    }

    /**
     * The registrations. The outcome topics webhooks read are declared with the read side ({@code
     * status.OutcomeTopicConfig}); the delivery topic, its retry topics and its dead-letter topic are created by the
     * retry configuration below.
     */
    @Bean
    KafkaAdmin.NewTopics webhookTopics(IngestProperties properties) {
        int partitions = properties.topics().partitions();
        short replicas = properties.topics().replicationFactor();
        return new KafkaAdmin.NewTopics(
                // State: only a site's latest registration matters.
                TopicBuilder.name(WebhookTopics.REGISTRATIONS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .compact()
                        .build());
    }

    @Bean(OUTCOMES_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> webhookOutcomesContainerFactory(
            WebhookKafka kafka, KafkaProperties kafkaProperties, IngestProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = factory(kafka, kafkaProperties, properties);
        DefaultErrorHandler errors = new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS));
        errors.addNotRetryableExceptions(JacksonException.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    @Bean(DELIVERIES_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> webhookDeliveriesContainerFactory(
            WebhookKafka kafka, KafkaProperties kafkaProperties, IngestProperties properties) {
        return factory(kafka, kafkaProperties, properties);
    }

    @Bean
    RetryTopicConfiguration webhookRetries(
            WebhookProperties webhooks,
            IngestProperties properties,
            WebhookKafka kafka,
            @Qualifier(DELIVERIES_FACTORY) ConcurrentKafkaListenerContainerFactory<String, byte[]> deliveriesFactory) {
        WebhookProperties.Retry retry = webhooks.retry();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(WebhookTopics.DELIVERIES)
                .exponentialBackoff(
                        retry.initialDelay().toMillis(),
                        retry.multiplier(),
                        retry.maxDelay().toMillis())
                .maxAttempts(retry.maxAttempts())
                .suffixTopicsWithIndexValues()
                .notRetryOn(List.of(JacksonException.class, CallbackUrls.BlockedCallbackException.class))
                .traversingCauses()
                .autoCreateTopicsWith(
                        properties.topics().partitions(), properties.topics().replicationFactor())
                .listenerFactory(deliveriesFactory)
                .dltHandlerMethod("webhookKafkaConfig.ParkedDeliveries", "parked")
                .create(kafka.template());
    }

    @Bean("webhookKafkaConfig.ParkedDeliveries")
    ParkedDeliveries parkedDeliveries(IngestMetrics metrics) {
        return new ParkedDeliveries(metrics);
    }

    /** Tells the operator, once per parked delivery, which site and why; without the body, secret or signature. */
    static final class ParkedDeliveries {

        private final IngestMetrics metrics;

        ParkedDeliveries(IngestMetrics metrics) {
            this.metrics = metrics;
        }

        public void parked(ConsumerRecord<String, byte @Nullable []> record) {
            metrics.webhook(record.key() == null ? "unknown" : record.key(), "parked");
            log.warn(
                    "Webhook delivery for site {} parked on {} after its last attempt: {}",
                    record.key(),
                    record.topic(),
                    header(record, KafkaHeaders.EXCEPTION_MESSAGE));
        }

        private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
            var header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static ConcurrentKafkaListenerContainerFactory<String, byte[]> factory(
            WebhookKafka kafka, KafkaProperties kafkaProperties, IngestProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(kafka.consumerFactory());
        // One thread per partition: an attempt can wait up to the timeout for a slow receiver.
        factory.setConcurrency(properties.topics().partitions());
        factory.setAutoStartup(kafkaProperties.getListener().isAutoStartup());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }
}
