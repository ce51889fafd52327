package io.modstream.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The annotation on a real Spring test context: the broker's address wins over the test's own properties. */
@UseKafkaTestBroker
@SpringJUnitConfig(UseKafkaTestBrokerTest.Empty.class)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=nowhere:9")
class UseKafkaTestBrokerTest {

    @Configuration
    static class Empty {}

    @Autowired
    Environment environment;

    @Test
    void theContextIsPointedAtTheTestBroker() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(KafkaTestBroker.bootstrapServers())
                .isNotEqualTo("nowhere:9");
    }

    @Test
    void everyTestClassGetsAnEqualCustomizerSoContextsCanBeShared() {
        KafkaTestBrokerProperty factory = new KafkaTestBrokerProperty();

        assertThat(factory.createContextCustomizer(String.class, List.of()))
                .isEqualTo(new KafkaTestBrokerProperty().createContextCustomizer(Integer.class, List.of()))
                .hasSameHashCodeAs(new KafkaTestBrokerProperty());
    }
}
