package io.modstream.kafka.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The follower against a real broker: it waits out a topic that is not there yet, then reads and reports progress. */
class TopicFollowerTest {

    private final String servers = KafkaTestBroker.bootstrapServers();

    @Test
    void aTopicCreatedLaterIsFollowedOnceItExists() throws Exception {
        String topic = "views-late-" + UUID.randomUUID();
        List<String> seen = new CopyOnWriteArrayList<>();
        TopicFollower follower = new TopicFollower("test", servers, List.of(topic), record -> seen.add(value(record)));

        long started = System.nanoTime();
        follower.start(Duration.ofSeconds(60));
        try {
            // Start-up does not wait the full minute for a topic that does not exist.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(follower.isCaughtUp()).isFalse();
            assertThat(follower.isRunning()).isTrue();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
                        .all()
                        .get();
            }
            TopicClient topics = new TopicClient(servers);
            topics.send(topic, "k", "first".getBytes(StandardCharsets.UTF_8));
            topics.send(topic, "k", "second".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("first", "second");
            // The follower counts itself caught up after the poll that handed it the records, so not at once.
            await().atMost(Duration.ofSeconds(30)).until(follower::isCaughtUp);
        } finally {
            follower.stop();
        }
        assertThat(follower.isRunning()).isFalse();
    }

    @Test
    void awaitHandledAnswersOnceTheRecordHasBeenHandledHere() throws Exception {
        String topic = "views-await-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        TopicFollower follower = new TopicFollower("test", servers, List.of(topic), record -> seen.add(value(record)));
        follower.start(Duration.ofSeconds(60));
        try {
            assertThat(follower.awaitHandled(topic, 0, 0, Duration.ofMillis(300)))
                    .isFalse();

            new TopicClient(servers).send(topic, "k", "only".getBytes(StandardCharsets.UTF_8));

            assertThat(follower.awaitHandled(topic, 0, 0, Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(seen).containsExactly("only");
        } finally {
            follower.stop();
        }
    }

    @Test
    void aRecordTheHandlerCannotReadIsSkippedAndTheNextIsHandled() throws Exception {
        String topic = "views-bad-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        TopicClient topics = new TopicClient(servers);
        topics.send(topic, "k", "bad".getBytes(StandardCharsets.UTF_8));
        topics.send(topic, "k", "good".getBytes(StandardCharsets.UTF_8));
        List<String> seen = new CopyOnWriteArrayList<>();
        TopicFollower follower = new TopicFollower("test", servers, List.of(topic), record -> {
            if (value(record).equals("bad")) {
                throw new IllegalArgumentException("unreadable");
            }
            seen.add(value(record));
        });
        follower.start(Duration.ofSeconds(60));
        try {
            assertThat(follower.isCaughtUp()).isTrue();
            assertThat(seen).containsExactly("good");
        } finally {
            follower.stop();
        }
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
