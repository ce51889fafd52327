package io.modstream.moderation.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-user rate on the real service and broker, with a burst of 2 and one more a minute: a refused decision, single
 * or bulk, is a 429 problem with {@code Retry-After}, and nothing of it reaches {@code moderation.decisions}; another
 * moderator's allowance is untouched, and reads are never charged.
 */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=staff-rate-test",
            "modstream.moderation.limits.staff.burst=2",
            "modstream.moderation.limits.staff.per-minute=1",
            // BCrypt of "test-password" for everyone
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-rate",
            "modstream.moderation.users[1].username=bob",
            "modstream.moderation.users[1].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[1].roles=MODERATOR",
            "modstream.moderation.users[1].sites=site-rate",
            "modstream.moderation.users[2].username=carol",
            "modstream.moderation.users[2].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[2].roles=MODERATOR",
            "modstream.moderation.users[2].sites=site-rate"
        })
class StaffRateLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
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
    void decisionsOverTheRateAre429AndNeverPublished() {
        String first = submit("You idiot, read the article.");
        String second = submit("What a moron take.");
        awaitQueued(first);
        awaitQueued(second);

        // Alice spends her burst on comments that are not there: errors cost the same as successes.
        decide("alice", "no-such-comment-1").expectStatus().isNotFound().expectBody(Void.class);
        decide("alice", "no-such-comment-2").expectStatus().isNotFound().expectBody(Void.class);
        byte[] refused = decide("alice", first)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode problem = json.readTree(refused);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.get("detail").asString()).contains("2 at once", "1 a minute", "Nothing was done");
        assertThat(problem.get("instance").asString())
                .isEqualTo("/api/v1/sites/site-rate/queue/" + first + "/decision");
        // With one a minute, the wait is about a minute.
        http.post()
                .uri("/api/v1/sites/site-rate/queue/" + first + "/decision")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "APPROVE"))
                .exchange()
                .expectHeader()
                .value("Retry-After", wait -> assertThat(Integer.parseInt(wait)).isBetween(50, 60))
                .expectBody(Void.class);
        // Reads are not charged.
        http.get()
                .uri("/api/v1/sites/site-rate/queue/" + first)
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Void.class);

        // A bulk decision is charged per comment: three are more than Carol's burst of two, so none is decided.
        bulk("carol", List.of(second, "no-such-comment-3", "no-such-comment-4"))
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("a bulk decision counts each comment"));

        // Bob's allowance is his own: his two decisions fit his burst, and both comments were still undecided.
        bulk("bob", List.of(first, second))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.results[*].status")
                .isEqualTo(List.of("DECIDED", "DECIDED"));

        // Had Alice's or Carol's decision been written (even in a transaction later aborted), it would be on the
        // topic before Bob's.
        Set<String> ids = Set.of(first, second);
        List<ConsumerRecord<String, String>> decisions = topics.read(
                List.of(Topics.MODERATION_DECISIONS),
                false,
                WAIT,
                seen -> seen.stream().filter(r -> ids.contains(r.key())).count() >= 2);
        assertThat(decisions.stream()
                        .filter(r -> ids.contains(r.key()))
                        .map(r -> json.readValue(r.value(), ModeratorDecision.class))
                        .collect(Collectors.toMap(ModeratorDecision::commentId, ModeratorDecision::moderator)))
                .isEqualTo(Map.of(first, "bob", second, "bob"));
    }

    private WebTestClient.ResponseSpec decide(String user, String commentId) {
        return http.post()
                .uri("/api/v1/sites/site-rate/queue/" + commentId + "/decision")
                .headers(h -> h.setBasicAuth(user, "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "REJECT"))
                .exchange();
    }

    private WebTestClient.ResponseSpec bulk(String user, List<String> commentIds) {
        return http.post()
                .uri("/api/v1/sites/site-rate/decisions")
                .headers(h -> h.setBasicAuth(user, "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("commentIds", commentIds, "action", "REJECT"))
                .exchange();
    }

    private String submit(String body) {
        CommentSubmitted comment = new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "site-rate",
                "thread-1",
                null,
                "A thread",
                null,
                new Author("reader-" + UUID.randomUUID(), "Reader", null, null),
                body,
                Instant.now());
        topics.send(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), json.writeValueAsBytes(comment));
        return comment.commentId();
    }

    /** Waits through the API: reads are free, so polling does not spend anyone's allowance. */
    private void awaitQueued(String commentId) {
        await().atMost(WAIT)
                .until(() -> http.get()
                                .uri("/api/v1/sites/site-rate/queue/" + commentId)
                                .headers(h -> h.setBasicAuth("alice", "test-password"))
                                .exchange()
                                .expectBody(Void.class)
                                .returnResult()
                                .getStatus()
                                .value()
                        == 200);
    }
}
