package io.modstream.ingest.observability;

import io.modstream.kafka.views.KafkaReadiness;
import io.modstream.kafka.views.TopicView;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness that knows about Kafka: health contributor {@code kafka}, in the readiness group (application.yml). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {

    @Bean
    KafkaReadiness kafkaHealthIndicator(KafkaAdmin admin, List<TopicView> views) {
        return new KafkaReadiness(admin.getConfigurationProperties(), views, Duration.ofSeconds(5));
    }
}
