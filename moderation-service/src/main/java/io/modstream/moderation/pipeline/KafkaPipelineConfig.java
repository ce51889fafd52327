package io.modstream.moderation.pipeline;

import io.modstream.events.Topics;
import io.modstream.moderation.ModerationProperties;
import io.modstream.moderation.activity.AuthorActivityStore;
import io.modstream.moderation.authors.Authors;
import io.modstream.moderation.observability.ModerationMetrics;
import io.modstream.moderation.review.InvalidDecisionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling and topics of the Kafka edge, in one place.
 *
 * <p>The listener runs in Kafka transactions (Boot creates the transaction manager from
 * {@code spring.kafka.producer.transaction-id-prefix}), so failures reach the after-rollback processor. Records that
 * cannot be read, or read as something that is not a comment, go to {@code comments.submitted-dlt} at once, with the
 * cause in spring-kafka's {@code kafka_dlt-*} headers; other failures are retried three times a second apart first.
 * Recovery commits the offset, so the pipeline moves on and nothing after the bad record is lost.
 */
@Configuration(proxyBeanMethods = false)
class KafkaPipelineConfig {

    @Bean
    AfterRollbackProcessor<Object, Object> deadLetteringAfterRollback(
            KafkaTemplate<String, Object> kafka, ModerationMetrics metrics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka);
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                (record, cause) -> {
                    deadLetters.accept(record, cause);
                    metrics.deadLettered(record.topic() + "-dlt");
                },
                new FixedBackOff(1000L, 3),
                kafka,
                true);
        processor.addNotRetryableExceptions(InvalidCommentException.class, InvalidDecisionException.class);
        return processor;
    }

    /**
     * Outcomes are JSON; a dead letter whose value could not be deserialised is republished as the original bytes.
     */
    @Bean
    @SuppressWarnings("unchecked") // Boot's customizer sees the factory with wildcard types; ours is <String, Object>.
    DefaultKafkaProducerFactoryCustomizer valueSerializers() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>().noTypeInfo());
        return factory -> ((DefaultKafkaProducerFactory<String, Object>) factory)
                .setValueSerializerSupplier(() -> new DelegatingByTypeSerializer(byType, true));
    }

    @Bean
    KafkaAdmin.NewTopics moderationTopics(ModerationProperties properties) {
        int partitions = properties.topics().partitions();
        short replicas = properties.topics().replicationFactor();
        return new KafkaAdmin.NewTopics(
                topic(Topics.COMMENTS_SUBMITTED, partitions, replicas),
                // Same partition count as the source: a dead letter keeps its original partition number.
                topic(Topics.COMMENTS_SUBMITTED_DLT, partitions, replicas),
                topic(Topics.COMMENTS_APPROVED, partitions, replicas),
                topic(Topics.COMMENTS_REJECTED, partitions, replicas),
                // The flagged queue: a decided comment's tombstone replaces it.
                compacted(Topics.COMMENTS_REVIEW, partitions, replicas),
                // The audit trail: kept forever.
                TopicBuilder.name(Topics.MODERATION_DECISIONS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build(),
                topic(Topics.MODERATION_DECISIONS + "-dlt", partitions, replicas),
                // State, keyed by site and author: only the latest record per key matters.
                compacted(AuthorActivityStore.TOPIC, partitions, replicas),
                compacted(Authors.STANDING_TOPIC, partitions, replicas),
                compacted(Authors.HISTORY_TOPIC, partitions, replicas));
    }

    private static NewTopic compacted(String name, int partitions, short replicas) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicas)
                .compact()
                .build();
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
