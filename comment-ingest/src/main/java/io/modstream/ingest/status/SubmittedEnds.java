package io.modstream.ingest.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where {@code comments.submitted} ends right now, per partition, asked of the broker with one shared admin client
 * and without blocking the caller. The topic's partitions are looked up once a minute at most.
 */
@Component
class SubmittedEnds implements DisposableBean {

    private static final Duration PARTITIONS_FOR = Duration.ofMinutes(1);

    private final Admin admin;
    private final String topic = ReadSideTopology.SourceTopics.DEFAULT.submitted();
    private final Clock clock = Clock.systemUTC();
    private volatile Known known = new Known(List.of(), Instant.MIN);

    SubmittedEnds(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** The next offset of each partition: what a record written before this call is below. */
    Mono<Map<Integer, Long>> now() {
        return partitions()
                .flatMap(partitions -> Mono.fromCompletionStage(admin.listOffsets(partitions.stream()
                                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                                .all()
                                .toCompletionStage())
                        .map(ends -> ends.entrySet().stream()
                                .collect(Collectors.toMap(
                                        end -> end.getKey().partition(),
                                        end -> end.getValue().offset()))));
    }

    private Mono<List<TopicPartition>> partitions() {
        Known current = known;
        if (!current.partitions().isEmpty() && current.at().plus(PARTITIONS_FOR).isAfter(clock.instant())) {
            return Mono.just(current.partitions());
        }
        return Mono.fromCompletionStage(
                        admin.describeTopics(List.of(topic)).allTopicNames().toCompletionStage())
                .map(topics -> topics.get(topic).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList())
                .doOnNext(partitions -> known = new Known(partitions, clock.instant()));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

    private record Known(List<TopicPartition> partitions, Instant at) {}
}
