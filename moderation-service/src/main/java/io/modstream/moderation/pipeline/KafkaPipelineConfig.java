package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.moderation.ModerationProperties;
import io.modstream.moderation.authors.AuthorActionTaken;
import io.modstream.moderation.observability.ModerationMetrics;
import io.modstream.moderation.sitepolicy.SitePolicies;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The Kafka edge, in one place: the moderation topology on spring-kafka's Kafka Streams support (settings under
 * {@code spring.kafka.streams}), the topics this service creates, and the serialisers of the {@code KafkaTemplate}
 * that the HTTP side writes decisions and author actions with.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class KafkaPipelineConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaPipelineConfig.class);

    /** Builds the topology into spring-kafka's {@link StreamsBuilder}, and says what a dying stream thread does. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer moderationTopology(
            KafkaStreamsConfiguration defaultKafkaStreamsConfig,
            ModerationProperties properties,
            SitePolicies policies,
            ModerationMetrics metrics,
            List<PipelineEvents> listeners,
            JsonMapper json) {
        // Before the first batch is written: the Streams producer compresses every batch with lz4.
        NativeLz4.load();
        String applicationId =
                String.valueOf(defaultKafkaStreamsConfig.asProperties().get(StreamsConfig.APPLICATION_ID_CONFIG));
        ModerationTopology.Settings settings =
                settings(applicationId, properties, policies, new MetricsEvents(metrics, List.copyOf(listeners)), json);
        return factory -> {
            factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    ModerationTopology.addTo(builder, settings);
                }
            });
            // Content problems are outcomes and unreadable records dead letters, so what still throws is a bug or
            // the broker: log it and start a new thread, which resumes from the last committed transaction.
            factory.setStreamsUncaughtExceptionHandler(failure -> {
                log.error("A stream thread died; replacing it", failure);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    private static ModerationTopology.Settings settings(
            String applicationId,
            ModerationProperties properties,
            SitePolicies policies,
            PipelineEvents events,
            JsonMapper json) {
        return new ModerationTopology.Settings(
                applicationId,
                properties.topics().partitions(),
                properties.activity().retention(),
                policies::forSite,
                Clock.systemUTC(),
                events,
                // Each comment is parsed and written as JSON several times on its way through the topology.
                json.rebuild().addModule(new BlackbirdModule()).build());
    }

    /**
     * Made-up comments through the topology in memory once the service has started, on a thread of their own, so that
     * the stream thread's code is compiled before much real traffic needs it ({@link PipelineWarmUp}). The pipeline
     * does not wait for it: an instance restarted after a crash moderates its backlog at once, the warm-up beside it.
     * Off unless {@code modstream.moderation.warm-up.comments} is set: it shortens the latency tail after a start at a
     * few hundred comments a second, but runs in the seconds before a restarted instance's first outcomes
     * (docs/pipeline.md). It gives way to real comments, which {@link OutcomeCount} counts.
     */
    @Bean
    PipelineWarmUpRunner pipelineWarmUp(
            ModerationProperties properties,
            SitePolicies policies,
            JsonMapper json,
            OutcomeCount outcomes,
            @Value("${modstream.moderation.warm-up.comments:0}") int comments,
            @Value("${modstream.moderation.warm-up.max-time:60s}") Duration maxTime) {
        return new PipelineWarmUpRunner(
                settings(PipelineWarmUp.SITE_ID, properties, policies, PipelineEvents.NONE, json),
                comments,
                outcomes::total,
                maxTime);
    }

    /** The pipeline's outcomes since the start, which the warm-up counts as its own (told like the queue's feed). */
    @Bean
    OutcomeCount outcomeCount() {
        return new OutcomeCount();
    }

    /**
     * Decisions and author actions are JSON; a dead letter replayed from the operator page is written as the original
     * bytes.
     */
    @Bean
    @SuppressWarnings("unchecked") // Boot's customizer sees the factory with wildcard types; ours is <String, Object>.
    DefaultKafkaProducerFactoryCustomizer valueSerializers() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>().noTypeInfo());
        return factory -> ((DefaultKafkaProducerFactory<String, Object>) factory)
                .setValueSerializerSupplier(() -> new DelegatingByTypeSerializer(byType, true));
    }

    @Bean
    KafkaAdmin.NewTopics moderationTopics(ModerationProperties properties) {
        int partitions = properties.topics().partitions();
        short replicas = properties.topics().replicationFactor();
        return new KafkaAdmin.NewTopics(
                topic(Topics.COMMENTS_SUBMITTED, partitions, replicas),
                // Same partition count as the source: a dead letter keeps its original partition number.
                topic(Topics.COMMENTS_SUBMITTED_DLT, partitions, replicas),
                topic(Topics.COMMENTS_APPROVED, partitions, replicas),
                topic(Topics.COMMENTS_REJECTED, partitions, replicas),
                // The flagged queue: a decided comment's tombstone replaces it.
                TopicBuilder.name(Topics.COMMENTS_REVIEW)
                        .partitions(partitions)
                        .replicas(replicas)
                        .compact()
                        .build(),
                // The audit trail: kept forever.
                TopicBuilder.name(Topics.MODERATION_DECISIONS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build(),
                topic(Topics.MODERATION_DECISIONS + "-dlt", partitions, replicas),
                // Moderators' actions on authors; what they lead to lives in the author store and its changelog.
                topic(AuthorActionTaken.TOPIC, partitions, replicas),
                topic(AuthorActionTaken.TOPIC + "-dlt", partitions, replicas));
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }

    /** Metrics from what the topology reports, then every other {@link PipelineEvents} bean (the queue's live feed). */
    private record MetricsEvents(ModerationMetrics metrics, List<PipelineEvents> others) implements PipelineEvents {

        @Override
        public void moderated(CommentModerated outcome) {
            metrics.moderated(outcome);
            others.forEach(other -> other.moderated(outcome));
        }

        @Override
        public void waited(String siteId, Duration inQueue) {
            metrics.waited(siteId, inQueue);
        }

        @Override
        public void decided(ModeratorDecision decision) {
            metrics.decided(decision.moderator(), decision.action());
            others.forEach(other -> other.decided(decision));
        }

        @Override
        public void deadLettered(String deadLetterTopic) {
            metrics.deadLettered(deadLetterTopic);
            others.forEach(other -> other.deadLettered(deadLetterTopic));
        }

        @Override
        public void unchecked(String siteId) {
            metrics.unchecked(siteId);
        }

        @Override
        public void queued(CommentModerated held) {
            others.forEach(other -> other.queued(held));
        }

        @Override
        public void leftQueue(CommentModerated held, @Nullable Verdict action, @Nullable String moderator) {
            others.forEach(other -> other.leftQueue(held, action, moderator));
        }
    }

    /** Health contributor {@code pipeline}: in the readiness group (application.yml). */
    @Bean
    PipelineHealth pipelineHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new PipelineHealth(streams);
    }
}
