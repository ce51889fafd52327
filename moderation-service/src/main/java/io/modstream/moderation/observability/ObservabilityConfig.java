package io.modstream.moderation.observability;

import io.modstream.kafka.views.KafkaReadiness;
import io.modstream.moderation.sitepolicy.SitePolicies;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness that knows about the broker, and the policy versions in {@code /actuator/info}. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {

    /** Health contributor {@code kafka}: in the readiness group (application.yml). */
    @Bean
    KafkaReadiness kafkaHealthIndicator(KafkaAdmin admin, StreamsBuilderFactoryBean pipeline) {
        return new KafkaReadiness(
                admin.getConfigurationProperties(), List.of(), pipeline.isAutoStartup(), Duration.ofSeconds(5));
    }

    /** {@code policies}: the version in force per site ({@code *} is the built-in default). */
    @Bean
    InfoContributor policyVersions(SitePolicies policies) {
        return info -> info.withDetail("policies", policies.versions());
    }
}
