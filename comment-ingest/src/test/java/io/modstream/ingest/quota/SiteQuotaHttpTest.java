package io.modstream.ingest.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.ingest.observability.PrometheusScrape;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quota over real HTTP with a real broker: a site over its quota gets 429 with {@code Retry-After} and a problem
 * document, its comment is not on {@code comments.submitted} while the ones before it are, and another site is not
 * held back.
 *
 * <p>Sites a and c have a quota of 1 a second with bursts of 180 for a deployment of 60 instances: this instance's
 * share is 3 at once, refilled at one a minute, so the test cannot race the refill however slowly the machine runs.
 * Each test spends a site of its own.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.quota.instances=60",
            "modstream.ingest.sites[0].id=site-a",
            // printf %s test-key-a | sha256sum
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.sites[0].quota.per-second=1",
            "modstream.ingest.sites[0].quota.burst=180",
            "modstream.ingest.sites[1].id=site-b",
            // printf %s test-key-b | sha256sum
            "modstream.ingest.sites[1].api-key-sha256=b28592d358781a58d1e486318d9bd54382141142d48b0f1f74e9838a42f2bf53",
            "modstream.ingest.sites[2].id=site-c",
            // printf %s test-key-c | sha256sum
            "modstream.ingest.sites[2].api-key-sha256=cd78267fc6559697539df8524a1df8abcef16c4465862785d4c4c5ce7efc20bc",
            "modstream.ingest.sites[2].quota.per-second=1",
            "modstream.ingest.sites[2].quota.burst=180"
        })
class SiteQuotaHttpTest {

    /** Marks this test's comments (JUnit makes a new instance for each test). */
    private final String run = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    private WebTestClient http;
    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void overTheQuotaIs429WithRetryAfterAndNothingPublished() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(acceptedId(post("test-key-a", comment("Within the quota " + i))));
        }

        EntityExchangeResult<byte[]> refused = post("test-key-a", comment("Over the quota"))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.title")
                .isEqualTo("Too Many Requests")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/comments")
                .returnResult();
        String retryAfter = refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        // Whole seconds; the next token of this instance's share is at most a minute away.
        assertThat(retryAfter).matches("[0-9]+");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        String detail = json.readTree(refused.getResponseBody()).get("detail").asString();
        assertThat(detail).contains("quota of 1 comments a second", "bursts of up to 180", "Retry after " + retryAfter);

        // Another site's quota is its own.
        String other = acceptedId(post("test-key-b", comment("Another site")));
        accepted.add(other);

        List<ConsumerRecord<String, String>> published = topics.read(
                List.of(Topics.COMMENTS_SUBMITTED),
                true,
                Duration.ofSeconds(20),
                seen -> commentIds(seen).containsAll(accepted));
        assertThat(commentIds(published)).containsAll(accepted);
        assertThat(published)
                .extracting(ConsumerRecord::value)
                .filteredOn(value -> value.contains(run))
                .hasSize(4)
                .noneMatch(value -> value.contains("Over the quota"));
        assertThat(scrape())
                .contains("modstream_ingest_refused_total{reason=\"quota\",site=\"site-a\"} 1.0")
                .doesNotContain("modstream_ingest_refused_total{reason=\"quota\",site=\"site-b\"}");
    }

    @Test
    void theQuotaIsCheckedBeforeTheBodyIsRead() {
        for (int i = 0; i < 3; i++) {
            acceptedId(post("test-key-c", comment("Spending the quota " + i)));
        }

        // Not JSON at all: over the quota, that is not even looked at.
        post("test-key-c", "{\"threadId\": ")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody(Void.class);
        // The same endpoint spelt otherwise (an encoded letter) reaches the same handler, and so the same quota.
        http.post()
                .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/%63omments"))
                .header("Authorization", "Bearer test-key-c")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(comment("Spelt otherwise"))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectBody(Void.class);
        // Without a valid key there is no site to charge: still 401.
        post("not-a-key", comment("Anonymous"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
    }

    private String comment(String body) {
        return json.writeValueAsString(Map.of(
                "threadId", "quota", "author", Map.of("id", "reader-1", "name", "Ada"), "body", body + " " + run));
    }

    private WebTestClient.RequestHeadersSpec<?> post(String key, String body) {
        return http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private static String acceptedId(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    private List<String> commentIds(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> json.readValue(r.value(), CommentSubmitted.class).commentId())
                .toList();
    }

    private String scrape() {
        return PrometheusScrape.of(http);
    }
}
