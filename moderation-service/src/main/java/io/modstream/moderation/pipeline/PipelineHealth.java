package io.modstream.moderation.pipeline;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Ready once the pipeline has restored its stores and run, and as long as it has not stopped: the author reads and
 * forwarded reads need the stores. A rebalance after that (an instance joining or leaving) keeps it ready; reads that
 * meet one are retried or answered 503.
 */
final class PipelineHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;
    private volatile boolean hasRun;

    PipelineHealth(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return streams.isAutoStartup()
                    ? Health.outOfService().withDetail("state", "not started").build()
                    : Health.up()
                            .withDetail("state", "not started by configuration")
                            .build();
        }
        KafkaStreams.State state = kafkaStreams.state();
        if (state == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
        boolean ready = state.isRunningOrRebalancing() && hasRun;
        return (ready ? Health.up() : Health.outOfService())
                .withDetail("state", state.name())
                .build();
    }
}
