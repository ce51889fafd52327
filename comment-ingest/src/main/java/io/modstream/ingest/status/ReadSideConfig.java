package io.modstream.ingest.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side on spring-kafka's Kafka Streams support (settings under {@code spring.kafka.streams}): the topology,
 * what starts it, and the health contributor {@code readSide} in the readiness group (application.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ReadSideConfig {

    @Bean
    StreamsBuilderFactoryBeanConfigurer readSideTopology(
            StatusProperties properties, JsonMapper json, LiveApprovals approvals, MeterRegistry meters) {
        Counter applied = Counter.builder("modstream.read.side.records.applied")
                .description("Records of comments.submitted and the outcome topics applied to the read side's stores,"
                        + " including those read again while a store is rebuilt")
                .register(meters);
        ReadSideTopology.Settings settings = new ReadSideTopology.Settings(
                ReadSideTopology.SourceTopics.DEFAULT,
                properties.retention(),
                properties.purgeEvery(),
                properties.purgeBatch(),
                Clock.systemUTC(),
                json,
                approvals::approved,
                applied::increment);
        return factory -> {
            // KafkaStreams#start() blocks while global stores are restored: ReadSideStarter starts it off the
            // start-up thread, so the service comes up (not ready) at once and retries while the broker is away.
            factory.setAutoStartup(false);
            factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    ReadSideTopology.addTo(builder, settings);
                }
            });
        };
    }

    /** One switch for everything that consumes: spring.kafka.listener.auto-startup=false runs the HTTP side alone. */
    @Bean
    ReadSideStarter readSideStarter(StreamsBuilderFactoryBean streams, KafkaProperties kafka) {
        return new ReadSideStarter(streams, kafka.getListener().isAutoStartup());
    }

    @Bean
    ReadSideHealth readSideHealthIndicator(ReadSideStarter starter) {
        return new ReadSideHealth(starter);
    }
}
