package io.modstream.testing.kafka;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What {@link UseKafkaTestBroker} does: a context customizer that puts the broker's address first among the
 * context's property sources. Every instance is equal to every other, so it does not split Spring's context cache.
 */
public final class KafkaTestBrokerProperty implements ContextCustomizerFactory, ContextCustomizer {

    static final String PROPERTY = "spring.kafka.bootstrap-servers";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return this;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("kafkaTestBroker", Map.of(PROPERTY, KafkaTestBroker.bootstrapServers())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaTestBrokerProperty;
    }

    @Override
    public int hashCode() {
        return KafkaTestBrokerProperty.class.hashCode();
    }
}
