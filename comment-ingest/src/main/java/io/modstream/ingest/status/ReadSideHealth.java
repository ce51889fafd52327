package io.modstream.ingest.status;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready while the read side's Kafka Streams runs: its global stores have caught up with their topics, so every read
 * is answered from complete state. Restoring (at start, or after a failure) is not ready.
 */
final class ReadSideHealth implements HealthIndicator {

    private final ReadSideStarter starter;

    ReadSideHealth(ReadSideStarter starter) {
        this.starter = starter;
    }

    @Override
    public Health health() {
        if (!starter.isAutoStartup()) {
            return Health.up()
                    .withDetail("state", "not started by configuration")
                    .build();
        }
        KafkaStreams kafkaStreams = starter.kafkaStreams();
        if (kafkaStreams == null) {
            return Health.outOfService().withDetail("state", "not started").build();
        }
        KafkaStreams.State state = kafkaStreams.state();
        return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService())
                .withDetail("state", state.name())
                .build();
    }
}
