package io.modstream.moderation.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A backtest replays a site's past comments from the broker through a candidate policy. */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Nothing moderates here: the backtest reads comments.submitted on its own.
            "spring.kafka.listener.auto-startup=false",
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=ADMIN",
            "modstream.moderation.users[0].sites=backtest-site,backtest-tx,backtest-progress",
            // Short, so that a backtest waiting for a record that never comes fails the test quickly.
            "modstream.moderation.backtest.max-wait=5s"
        })
class BacktestTest {

    @LocalServerPort
    int port;

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void candidateThatAllowsLinksChangesOnlyTheCommentsWithLinks() {
        Instant from = Instant.now().minusSeconds(1);
        String linked = submit("backtest-site", "details at example.org");
        submit("backtest-site", "A calm and clean remark.");
        submit("backtest-site", "Another clean remark.");
        submit("other-site", "other sites are not replayed: example.org");
        Instant to = Instant.now().plusSeconds(1);

        String candidate = "site: backtest-site\\nversion: 2\\nlinks:\\n  action: allow\\n";
        client().post()
                .uri("/api/v1/sites/backtest-site/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"policy\":\"" + candidate + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.comments")
                .isEqualTo(3)
                .jsonPath("$.changed")
                .isEqualTo(1)
                .jsonPath("$.transitions['REJECT->APPROVE']")
                .isEqualTo(1)
                .jsonPath("$.examples[0].commentId")
                .isEqualTo(linked)
                .jsonPath("$.currentPolicy")
                .isEqualTo("default/v1")
                .jsonPath("$.candidatePolicy")
                .isEqualTo("backtest-site/v2")
                .jsonPath("$.truncated")
                .isEqualTo(false);
    }

    @Test
    void invalidCandidateIs422WithItsProblems() {
        client().post()
                .uri("/api/v1/sites/backtest-site/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "policy", "site: backtest-site\nversion: 2\nlinks:\n  action: maybe\n",
                        "from", "2026-01-01T00:00:00Z",
                        "to", "2026-01-02T00:00:00Z"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.problems[0]")
                .isEqualTo("line 4, links.action: 'maybe' is not one of reject, review, strip, allow");
    }

    /**
     * Regression: after anything had written {@code comments.submitted} in a transaction (a dead-letter replay
     * does), a backtest to the newest records waited for the record before the commit marker until its time ran
     * out, then said {@code truncated: true}.
     */
    @Test
    void backtestToTheEndOfATransactionalWriteReadsEverythingAndIsNotTruncated() {
        Instant from = Instant.now();
        submitInOneTransaction("backtest-tx", 5);
        Instant to = Instant.now().plusSeconds(60);

        client().post()
                .uri("/api/v1/sites/backtest-tx/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("policy", "site: backtest-tx\nversion: 2\n", "from", from, "to", to))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.comments")
                .isEqualTo(5)
                .jsonPath("$.truncated")
                .isEqualTo(false);
    }

    @Test
    void askedForNdjsonItStreamsProgressThenTheReport() {
        Instant from = Instant.now();
        submitInOneTransaction("backtest-progress", 3);
        Instant to = Instant.now().plusSeconds(60);

        List<JsonNode> lines = client().post()
                .uri("/api/v1/sites/backtest-progress/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(Map.of("policy", "site: backtest-progress\nversion: 2\n", "from", from, "to", to))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(String.class)
                .getResponseBody()
                .map(json::readTree)
                .collectList()
                .block(Duration.ofSeconds(90));

        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        JsonNode first = lines.get(0).get("progress");
        assertThat(first).as("first line %s", lines.get(0)).isNotNull();
        assertThat(first.get("offsetsRead").asLong()).isZero();
        // Three records and at least one commit marker after them, on every other site's records too.
        assertThat(first.get("offsetsTotal").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(lines.subList(0, lines.size() - 1))
                .allSatisfy(line -> assertThat(line.has("progress")).isTrue());
        JsonNode report = lines.get(lines.size() - 1).get("report");
        assertThat(report).as("last line %s", lines.get(lines.size() - 1)).isNotNull();
        assertThat(report.get("comments").asInt()).isEqualTo(3);
        assertThat(report.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void askedForNdjsonAnInvalidCandidateIsStillA422Problem() {
        client().post()
                .uri("/api/v1/sites/backtest-site/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(Map.of(
                        "policy", "site: backtest-site\nversion: 2\nlinks:\n  action: maybe\n",
                        "from", "2026-01-01T00:00:00Z",
                        "to", "2026-01-02T00:00:00Z"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    /** Writes comments the way a dead-letter replay does: in one transaction, so that a commit marker ends the log. */
    private void submitInOneTransaction(String siteId, int count) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "backtest-test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < count; i++) {
                CommentSubmitted comment = comment(siteId, "A calm remark, number " + i + ".");
                producer.send(new ProducerRecord<>(
                        Topics.COMMENTS_SUBMITTED, comment.commentId(), json.writeValueAsBytes(comment)));
            }
            producer.commitTransaction();
        }
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(90))
                .build();
    }

    private String submit(String siteId, String body) {
        CommentSubmitted comment = comment(siteId, body);
        topics.send(Topics.COMMENTS_SUBMITTED, comment.commentId(), json.writeValueAsBytes(comment));
        return comment.commentId();
    }

    private static CommentSubmitted comment(String siteId, String body) {
        return new CommentSubmitted(
                1,
                UUID.randomUUID().toString(),
                siteId,
                "t",
                null,
                null,
                null,
                new Author("a", "A", null, null),
                body,
                Instant.now());
    }
}
