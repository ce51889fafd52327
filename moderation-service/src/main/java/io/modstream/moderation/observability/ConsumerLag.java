package io.modstream.moderation.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code modstream_consumer_lag{group, topic, partition}}: how many records each of this service's consumer groups
 * has yet to process, per partition, measured from the broker every 15 s (committed offset against the end). The
 * Kafka client's own lag metrics appear only for partitions a consumer has fetched from and are refreshed once a
 * minute; this one covers every partition the pipeline's group (its Kafka Streams application id) reads, idle or
 * not: comments, decisions, author actions and the author-events repartition topic.
 */
@Component
class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final Admin admin;
    private final List<String> groups;
    private final MultiGauge lag;

    ConsumerLag(
            KafkaAdmin kafkaAdmin,
            MeterRegistry registry,
            @Value("${spring.kafka.streams.application-id}") String pipeline) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.groups = List.of(pipeline);
        this.lag = MultiGauge.builder("modstream.consumer.lag")
                .description("Records a consumer group has yet to process, per partition")
                .baseUnit("records")
                .register(registry);
    }

    @Scheduled(fixedDelay = 15, timeUnit = TimeUnit.SECONDS, initialDelay = 1)
    void measure() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (String group : groups) {
                lagOf(group)
                        .forEach((partition, behind) -> rows.add(MultiGauge.Row.of(
                                Tags.of(
                                        "group", group,
                                        "topic", partition.topic(),
                                        "partition", Integer.toString(partition.partition())),
                                behind)));
            }
            lag.register(rows, true);
        } catch (Exception e) {
            // The broker may be down; readiness says so. Keep the last values rather than fail the scheduler.
            log.debug("Consumer lag not measured: {}", e.toString());
        }
    }

    private Map<TopicPartition, Long> lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> behind = new HashMap<>();
        committed.forEach((partition, offset) -> {
            ListOffsetsResult.ListOffsetsResultInfo end = ends.get(partition);
            if (offset != null && end != null) {
                behind.put(partition, Math.max(0, end.offset() - offset.offset()));
            }
        });
        return behind;
    }

    /**
     * Closes the admin client within 2 s. {@code close()} without a timeout waits for its pending requests for ever: with
     * the broker already gone it held a shutting-down JVM until it was killed (moderation-service's test JVM, 30 s after
     * every run).
     */
    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
