package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The broker's warm-up traffic on a real broker: every record written comes through the copier once. */
class BrokerWarmupTest {

    @Test
    void everyRecordWrittenComesThroughTheTransactionalCopyExactlyOnce() throws InterruptedException {
        String bootstrap = KafkaTestBroker.bootstrapServers();

        long through = BrokerWarmup.run(bootstrap, 2, 100, Duration.ofSeconds(2));

        assertThat(through).isEqualTo(200);
        List<ConsumerRecord<String, String>> committed = new TopicClient(bootstrap)
                .read(
                        List.of(BrokerWarmup.IN, BrokerWarmup.OUT),
                        true,
                        Duration.ofSeconds(30),
                        seen -> values(seen, BrokerWarmup.IN).size() >= 200
                                && values(seen, BrokerWarmup.OUT).size() >= 200);
        List<String> copied = values(committed, BrokerWarmup.OUT);
        assertThat(copied).hasSize(200);
        assertThat(new HashSet<>(copied)).hasSize(200);
        assertThat(values(committed, BrokerWarmup.IN)).containsExactlyInAnyOrderElementsOf(copied);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records, String topic) {
        return records.stream()
                .filter(record -> record.topic().equals(topic))
                .map(ConsumerRecord::value)
                .toList();
    }
}
