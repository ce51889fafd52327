package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The broker's warm-up traffic on a real broker: every record written comes through the copier once. */
class BrokerWarmupTest {

    @Test
    void everyRecordWrittenComesThroughTheTransactionalCopyExactlyOnce() throws InterruptedException {
        String bootstrap = KafkaTestBroker.bootstrapServers();

        long through = BrokerWarmup.run(bootstrap, 2, 100, Duration.ofSeconds(2));

        assertThat(through).isEqualTo(200);
        List<String> copied = committedValues(bootstrap, BrokerWarmup.OUT, 2);
        assertThat(copied).hasSize(200);
        assertThat(new HashSet<>(copied)).hasSize(200);
        assertThat(committedValues(bootstrap, BrokerWarmup.IN, 2)).containsExactlyInAnyOrderElementsOf(copied);
    }

    /** Every committed value of {@code topic}, read from the start to its end. */
    private static List<String> committedValues(String bootstrap, String topic, int partitions) {
        List<TopicPartition> all = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            all.add(new TopicPartition(topic, partition));
        }
        List<String> values = new ArrayList<>();
        Set<TopicPartition> ended = new HashSet<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Kafka.committedReader(bootstrap))) {
            reader.assign(all);
            reader.seekToBeginning(all);
            Map<TopicPartition, Long> ends = reader.endOffsets(all);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ended.size() < partitions && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (TopicPartition partition : all) {
                    if (reader.position(partition) >= ends.get(partition)) {
                        ended.add(partition);
                    }
                }
            }
        }
        return values;
    }
}
