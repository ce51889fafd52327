package io.modstream.ingest.observability;

import io.modstream.kafka.views.KafkaReadiness;
import io.modstream.kafka.views.TopicView;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness that knows about Kafka: health contributor {@code kafka}, in the readiness group (application.yml). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {

    @Bean
    KafkaReadiness kafkaHealthIndicator(KafkaAdmin admin, List<TopicView> views, KafkaProperties kafka) {
        // The read side always consumes (its Kafka Streams is not a TopicView), so the broker is checked whenever
        // consuming is on, with or without webhooks.
        return new KafkaReadiness(
                admin.getConfigurationProperties(), views, kafka.getListener().isAutoStartup(), Duration.ofSeconds(5));
    }
}
