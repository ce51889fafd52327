package io.modstream.ingest.submit;

import io.modstream.events.Topics;
import io.modstream.ingest.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** comment-ingest is the one writer of {@code comments.submitted}, so it creates it (an existing topic is kept). */
@Configuration(proxyBeanMethods = false)
class SubmittedTopicConfig {

    @Bean
    NewTopic commentsSubmitted(IngestProperties properties) {
        return TopicBuilder.name(Topics.COMMENTS_SUBMITTED)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicationFactor())
                .build();
    }
}
