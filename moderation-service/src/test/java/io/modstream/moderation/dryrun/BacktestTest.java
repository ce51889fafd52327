package io.modstream.moderation.dryrun;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** A backtest replays a site's past comments from the broker through a candidate policy. */
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Nothing moderates here: the backtest reads comments.submitted on its own.
            "spring.kafka.listener.auto-startup=false",
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=ADMIN",
            "modstream.moderation.users[0].sites=backtest-site"
        })
class BacktestTest {

    @LocalServerPort
    int port;

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    }

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

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(90))
                .build();
    }

    private String submit(String siteId, String body) {
        String id = UUID.randomUUID().toString();
        CommentSubmitted comment = new CommentSubmitted(
                1, id, siteId, "t", null, null, null, new Author("a", "A", null, null), body, Instant.now());
        topics.send(Topics.COMMENTS_SUBMITTED, id, json.writeValueAsBytes(comment));
        return id;
    }
}
