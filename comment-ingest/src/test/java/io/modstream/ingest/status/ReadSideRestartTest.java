package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Verdict;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side's stores on the real broker across restarts: with the state directory kept, a restart applies only
 * what was written while it was down; with an empty one, it rebuilds every status from the topics. Each run has its
 * own topics, so the counts are exact.
 */
class ReadSideRestartTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String RUN = UUID.randomUUID().toString();
    static final ReadSideTopology.SourceTopics TOPICS = new ReadSideTopology.SourceTopics(
            "restart-" + RUN + "-submitted",
            "restart-" + RUN + "-approved",
            "restart-" + RUN + "-rejected",
            "restart-" + RUN + "-review");

    @TempDir
    Path stateDirs;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());

    @BeforeAll
    static void createTopics() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(TOPICS.submitted(), 3, (short) 1),
                            new NewTopic(TOPICS.approved(), 3, (short) 1),
                            new NewTopic(TOPICS.rejected(), 3, (short) 1),
                            new NewTopic(TOPICS.review(), 3, (short) 1)))
                    .all()
                    .get();
        }
    }

    @Test
    void aRestartWithItsStateDirectoryAppliesOnlyWhatItMissedAndOneWithoutRebuildsEverything() {
        Path kept = stateDirs.resolve("kept");
        List<String> before = submit(30);
        List<String> approved = before.subList(0, 10);
        approved.forEach(id -> approve(id));

        AtomicLong firstRun = new AtomicLong();
        try (Running first = start(kept, firstRun)) {
            assertThat(firstRun).hasValue(40);
            assertThat(first.store().status(before.get(29))).isPresent();
            assertThat(first.store().status(approved.get(0)).orElseThrow().status())
                    .isEqualTo(CommentStatus.Status.APPROVED);
        }

        List<String> whileDown = submit(5);

        AtomicLong secondRun = new AtomicLong();
        try (Running second = start(kept, secondRun)) {
            // Read to the topics' end before RUNNING: the 5 written while it was down, none of the 40 before.
            assertThat(secondRun).hasValue(5);
            assertThat(whileDown)
                    .allSatisfy(id -> assertThat(second.store().status(id)).isPresent());
            assertThat(before)
                    .allSatisfy(id -> assertThat(second.store().status(id)).isPresent());
            assertThat(second.store()
                            .approved("site-a", "thread-" + RUN, 0, 100)
                            .total())
                    .isEqualTo(10);

            List<String> live = submit(2);
            await().atMost(WAIT).untilAsserted(() -> assertThat(secondRun).hasValue(7));
            assertThat(live)
                    .allSatisfy(id -> assertThat(second.store().status(id)).isPresent());
        }

        AtomicLong rebuilt = new AtomicLong();
        try (Running fresh = start(stateDirs.resolve("empty"), rebuilt)) {
            assertThat(rebuilt).hasValue(47);
            assertThat(fresh.store().status(approved.get(9)).orElseThrow().status())
                    .isEqualTo(CommentStatus.Status.APPROVED);
            assertThat(fresh.store().approved("site-a", "thread-" + RUN, 0, 100).total())
                    .isEqualTo(10);
        }
    }

    private List<String> submit(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            CommentSubmitted comment = ReadSideTopologyTest.comment(id, "site-a", "thread-" + RUN, Instant.now());
            topics.send(TOPICS.submitted(), "site-a/reader-" + i, json.writeValueAsBytes(comment));
            ids.add(id);
        }
        return ids;
    }

    private void approve(String id) {
        CommentSubmitted comment = ReadSideTopologyTest.comment(id, "site-a", "thread-" + RUN, Instant.now());
        CommentModerated outcome = new CommentModerated(
                1, id, "site-a", Verdict.APPROVE, List.of(), "x", "x", "default/v1", Instant.now(), comment);
        topics.send(TOPICS.approved(), id, json.writeValueAsBytes(outcome));
    }

    /** Starts the read side's Kafka Streams on {@code stateDir}; returns once it runs, i.e. the stores caught up. */
    private Running start(Path stateDir, AtomicLong applied) {
        StreamsBuilder builder = new StreamsBuilder();
        ReadSideTopology.addTo(
                builder,
                new ReadSideTopology.Settings(
                        TOPICS,
                        Duration.ofDays(7),
                        Duration.ofMinutes(1),
                        1000,
                        Clock.systemUTC(),
                        json,
                        comment -> {},
                        applied::incrementAndGet));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "read-side-restart-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 0);
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        streams.start();
        await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        Function<
                        String,
                        org.apache.kafka.streams.state.ReadOnlyKeyValueStore<
                                org.apache.kafka.common.utils.Bytes, byte[]>>
                stores = name ->
                        streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        Map<String, ReadOnlyKeyValueStore<Bytes, byte[]>> byName =
                ReadSideTopology.STORES_BY_RANK.stream().collect(Collectors.toMap(Function.identity(), stores));
        return new Running(streams, new StatusStore(byName::get, json));
    }

    private record Running(KafkaStreams streams, StatusStore store) implements AutoCloseable {

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(10));
        }
    }
}
