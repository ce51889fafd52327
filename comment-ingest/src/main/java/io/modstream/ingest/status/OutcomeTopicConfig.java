package io.modstream.ingest.status;

import io.modstream.events.Topics;
import io.modstream.ingest.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The outcome topics are moderation-service's to write, but the read side follows them from start-up: if
 * comment-ingest starts first, it creates them, with the same settings moderation-service would (an existing topic is
 * kept as it is), so its view does not start without them.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeTopicConfig {

    @Bean
    KafkaAdmin.NewTopics outcomeTopics(IngestProperties properties) {
        int partitions = properties.topics().partitions();
        short replicas = properties.topics().replicationFactor();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.COMMENTS_APPROVED)
                        .partitions(partitions)
                        .replicas(replicas)
                        .build(),
                TopicBuilder.name(Topics.COMMENTS_REJECTED)
                        .partitions(partitions)
                        .replicas(replicas)
                        .build(),
                // The flagged queue: compacted, as moderation-service creates it.
                TopicBuilder.name(Topics.COMMENTS_REVIEW)
                        .partitions(partitions)
                        .replicas(replicas)
                        .compact()
                        .build());
    }
}
