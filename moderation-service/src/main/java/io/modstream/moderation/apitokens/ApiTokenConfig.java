package io.modstream.moderation.apitokens;

import io.modstream.moderation.ModerationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic API tokens live in. */
@Configuration(proxyBeanMethods = false)
class ApiTokenConfig {

    /**
     * Compacted, so it keeps the latest of each token and forgets revoked ones; one partition, so a token's creation
     * and revocation are read in the order they were written (there are at most a few per staff member).
     */
    @Bean
    KafkaAdmin.NewTopics apiTokenTopic(ModerationProperties properties) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(ApiTokens.TOPIC)
                .partitions(1)
                .replicas(properties.topics().replicationFactor())
                .compact()
                .build());
    }
}
