package io.modstream.moderation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API against a real broker: what it shows of topics, groups and dead letters, and a replay of dead
 * letters that round-trips through the pipeline exactly once. The context is closed afterwards: a cached one would
 * go on moderating what later tests submit.
 */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=ops-api-test",
            // BCrypt of "test-password" for both; the operator has no sites: the role is not scoped to them.
            "modstream.moderation.users[0].username=olga",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=OPERATOR",
            "modstream.moderation.users[1].username=mo",
            "modstream.moderation.users[1].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[1].roles=MODERATOR,ADMIN",
            "modstream.moderation.users[1].sites=site-ops"
        })
class OpsApiTest {

    private static final String PASSWORD = "test-password";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLT = Topics.COMMENTS_SUBMITTED_DLT;

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final DeadLetterFixtures fixtures = new DeadLetterFixtures();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(WAIT)
                .build();
    }

    @Test
    void unreadableRecordShowsUpAmongTheDeadLettersWithItsCause() {
        String key = "ops-poison-" + System.nanoTime();
        topics.send(Topics.COMMENTS_SUBMITTED, key, "{not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(letterWithKey(deadLetters(50), key))
                        .as("a dead letter with key %s among %s", key, deadLetters(50))
                        .isNotNull());
        JsonNode letter = letterWithKey(deadLetters(50), key);

        assertThat(letter.get("exceptionClass").asString()).startsWith("tools.jackson.core");
        assertThat(letter.get("exceptionMessage").asString()).isNotBlank();
        assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.COMMENTS_SUBMITTED);
        assertThat(letter.get("value").asString()).isEqualTo("{not json");
        assertThat(letter.get("replayed").asBoolean()).isFalse();
    }

    @Test
    void replaySendsADeadLetterBackOnceAndThePipelineModeratesIt() {
        fixtures.markAllReplayed();
        CommentSubmitted comment = fixtures.comment("site-ops", "A perfectly ordinary comment.");
        fixtures.deadLetter(comment, "io.modstream.SomeBugSinceFixed", "schema problem, since fixed");

        JsonNode topic = deadLetters(10);
        assertThat(topic.get("pending").asLong()).isEqualTo(1);
        assertThat(topic.get("sourceTopic").asString()).isEqualTo(Topics.COMMENTS_SUBMITTED);
        JsonNode letter = letterWithKey(topic, comment.commentId());
        assertThat(letter.get("exceptionMessage").asString()).isEqualTo("schema problem, since fixed");
        assertThat(letter.get("originalPartition").asInt()).isEqualTo(1);
        assertThat(letter.get("originalOffset").asLong()).isEqualTo(42);

        replay(Map.of("confirm", DLT, "expected", 1))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .isEqualTo(1);

        ConsumerRecord<String, String> back = replayedRecord(comment.commentId());
        assertThat(back.partition()).isEqualTo(1);
        assertThat(TopicClient.header(back, DeadLetter.REPLAYED_FROM)).startsWith(DLT + "/1@");
        assertThat(TopicClient.header(back, "traceparent")).isNotNull();
        assertThat(StreamSupport.stream(back.headers().spliterator(), false))
                .noneMatch(header -> header.key().startsWith("kafka_dlt-"));
        List<ConsumerRecord<String, String>> approved = topics.read(
                List.of(Topics.COMMENTS_APPROVED),
                true,
                WAIT,
                seen -> seen.stream().anyMatch(r -> comment.commentId().equals(r.key())));
        assertThat(approved).anyMatch(r -> comment.commentId().equals(r.key()));

        // Replayed once: nothing is pending, a second replay sends nothing, and a stale count sends nothing either.
        assertThat(deadLetters(10).get("pending").asLong()).isZero();
        assertThat(letterWithKey(deadLetters(10), comment.commentId())
                        .get("replayed")
                        .asBoolean())
                .isTrue();
        replay(Map.of("confirm", DLT, "expected", 1))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.pending")
                .isEqualTo(0);
        replay(Map.of("confirm", DLT, "expected", 0))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .isEqualTo(0);
        assertThat(topics.read(List.of(Topics.COMMENTS_SUBMITTED), true, Duration.ofSeconds(3), seen -> false))
                .filteredOn(r -> comment.commentId().equals(r.key()))
                .hasSize(1);
    }

    @Test
    void replayNeedsTheTopicNameRepeatedAndAReplayableTopic() {
        replay(Map.of("confirm", "comments.submitted", "expected", 0))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(Void.class);
        replay(Map.of("expected", 0)).expectStatus().isBadRequest().expectBody(Void.class);
        replay(Map.of("confirm", DLT, "expected", -1))
                .expectStatus()
                .isBadRequest()
                .expectBody(Void.class);
        replay(Map.of("confirm", DLT, "expected", 1_000_000))
                .expectStatus()
                .isBadRequest()
                .expectBody(Void.class);
        operator(http.post().uri("/api/v1/ops/dead-letters/comments.submitted/replay"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirm", "comments.submitted", "expected", 0))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        operator(http.post().uri("/api/v1/ops/dead-letters/no-such-topic-dlt/replay"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirm", "no-such-topic-dlt", "expected", 0))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        operator(http.get().uri("/api/v1/ops/dead-letters?newest=51"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(Void.class);
    }

    @Test
    void onlyOperatorsSeeTheOpsApiAndPage() {
        for (String path : List.of("/api/v1/ops/topics", "/api/v1/ops/dead-letters", "/ops/")) {
            http.get()
                    .uri(path)
                    .headers(h -> h.setBasicAuth("mo", PASSWORD))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody(Void.class);
        }
        http.post()
                .uri("/api/v1/ops/dead-letters/" + DLT + "/replay")
                .headers(h -> h.setBasicAuth("mo", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirm", DLT, "expected", 0))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);
        http.get()
                .uri("/ops/")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/login.html")
                .expectBody(Void.class);
        http.get()
                .uri("/api/v1/ops/topics")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
        // An operator holds no site: the moderators' API shows them nothing.
        operator(http.get().uri("/api/v1/queue"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
    }

    @Test
    void topicsGroupsAndThroughputDescribeTheBroker() {
        JsonNode topicList = getJson("/api/v1/ops/topics");
        JsonNode submitted = topicList
                .valueStream()
                .filter(t -> t.get("name").asString().equals(Topics.COMMENTS_SUBMITTED))
                .findFirst()
                .orElseThrow();
        assertThat(submitted.get("partitions")).hasSize(3);
        assertThat(submitted.get("compacted").asBoolean()).isFalse();
        assertThat(topicList
                        .valueStream()
                        .filter(t -> t.get("name").asString().equals(Topics.COMMENTS_REVIEW))
                        .findFirst()
                        .orElseThrow()
                        .get("compacted")
                        .asBoolean())
                .isTrue();

        topics.send(Topics.COMMENTS_SUBMITTED, "ops-lag", "{not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                getJson("/api/v1/ops/consumer-groups").valueStream())
                        .anySatisfy(group -> {
                            assertThat(group.get("groupId").asString()).isEqualTo("ops-api-test");
                            assertThat(group.get("partitions").valueStream())
                                    .anyMatch(p -> p.get("topic").asString().equals(Topics.COMMENTS_SUBMITTED));
                        }));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode series = getJson("/api/v1/ops/throughput");
            assertThat(series.get("times").size()).isGreaterThan(0);
            assertThat(series.get("perSecond").has(Topics.COMMENTS_SUBMITTED)).isTrue();
        });
    }

    /**
     * Regression: the page showed NaN for every topic's total and group's lag (neither was in the JSON), and an idle
     * group on a transactional topic showed lag 1, the commit marker after its last record.
     */
    @Test
    void lagOnATransactionalTopicCountsRecordsAReaderWouldGetNotTheCommitMarker() {
        TransactionalTopic topic = new TransactionalTopic("ops-tx-" + System.nanoTime(), 2);
        String idle = topic.name + "-idle";
        String behind = topic.name + "-behind";
        topic.caughtUpGroup(idle, 2);
        topic.groupAt(behind, 0);

        JsonNode groups = getJson("/api/v1/ops/consumer-groups");
        JsonNode idleLag = group(groups, idle);
        assertThat(idleLag.get("totalLag").isNumber())
                .as("totalLag in %s", idleLag)
                .isTrue();
        assertThat(idleLag.get("totalLag").asLong()).isZero();
        JsonNode partition = idleLag.get("partitions").get(0);
        // Two records and the marker: the group committed 2, the log ends at 3, and there is nothing left to read.
        assertThat(partition.get("committed").asLong()).isEqualTo(2);
        assertThat(partition.get("endOffset").asLong()).isEqualTo(3);
        assertThat(partition.get("stableOffset").asLong()).isEqualTo(3);
        assertThat(partition.get("lag").asLong()).isZero();
        JsonNode behindLag = group(groups, behind);
        assertThat(behindLag.get("totalLag").asLong()).isEqualTo(2);
        assertThat(behindLag.get("partitions").get(0).get("lag").asLong()).isEqualTo(2);

        JsonNode shown = getJson("/api/v1/ops/topics")
                .valueStream()
                .filter(t -> t.get("name").asString().equals(topic.name))
                .findFirst()
                .orElseThrow();
        assertThat(shown.get("endOffsetTotal").isNumber())
                .as("endOffsetTotal in %s", shown)
                .isTrue();
        assertThat(shown.get("endOffsetTotal").asLong()).isEqualTo(3);
    }

    private static JsonNode group(JsonNode groups, String groupId) {
        return groups.valueStream()
                .filter(g -> g.get("groupId").asString().equals(groupId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + groupId + " in " + groups));
    }

    @Test
    void aReplayOverTheSessionNeedsTheCsrfToken() {
        EntityExchangeResult<byte[]> first =
                http.get().uri("/actuator/health").exchange().expectBody().returnResult();
        ResponseCookie csrf = first.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "olga");
        form.add("password", PASSWORD);
        form.add("_csrf", csrf.getValue());
        ResponseCookie session = http.post()
                .uri("/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("SESSION");
        assertThat(session).isNotNull();
        // A confirmation that would be refused anyway: the point is which check answers first.
        Map<String, Object> body = Map.of("confirm", DLT, "expected", 10_000);
        http.post()
                .uri("/api/v1/ops/dead-letters/" + DLT + "/replay")
                .cookie("SESSION", session.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);
        http.post()
                .uri("/api/v1/ops/dead-letters/" + DLT + "/replay")
                .cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", csrf.getValue())
                .header("X-XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody(Void.class);
    }

    private JsonNode deadLetters(int newest) {
        return getJson("/api/v1/ops/dead-letters/" + DLT + "?newest=" + newest);
    }

    private static JsonNode letterWithKey(JsonNode topic, String key) {
        return topic.get("newest")
                .valueStream()
                .filter(letter -> key.equals(letter.get("key").asString(null)))
                .findFirst()
                .orElse(null);
    }

    private ConsumerRecord<String, String> replayedRecord(String key) {
        return topics
                .read(
                        List.of(Topics.COMMENTS_SUBMITTED),
                        true,
                        WAIT,
                        seen -> seen.stream().anyMatch(r -> key.equals(r.key())))
                .stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow();
    }

    private WebTestClient.ResponseSpec replay(Map<String, Object> body) {
        return operator(http.post().uri("/api/v1/ops/dead-letters/" + DLT + "/replay"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private JsonNode getJson(String path) {
        byte[] body = operator(http.get().uri(path))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body);
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S operator(S request) {
        @SuppressWarnings("unchecked")
        S signed = (S) request.headers(h -> h.setBasicAuth("olga", PASSWORD));
        return signed;
    }
}
