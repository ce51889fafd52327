package io.modstream.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KafkaTestBrokerTest {

    @Test
    void explicitModesAreHonouredWhateverTheEnvironment() {
        assertThat(KafkaTestBroker.Mode.resolve("embedded")).isEqualTo(KafkaTestBroker.Mode.EMBEDDED);
        assertThat(KafkaTestBroker.Mode.resolve(" Container ")).isEqualTo(KafkaTestBroker.Mode.CONTAINER);
    }

    @Test
    void unknownModeIsRefusedNotIgnored() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaTestBroker.Mode.resolve("docker"))
                .withMessageContaining("auto, container or embedded");
    }

    @Test
    void brokerSettingsBecomeKafkaEnvironmentVariables() {
        assertThat(KafkaTestBroker.environmentName("transaction.state.log.min.isr"))
                .isEqualTo("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");
    }
}
