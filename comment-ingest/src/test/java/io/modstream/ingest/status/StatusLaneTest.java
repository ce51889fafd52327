package io.modstream.ingest.status;

import static io.modstream.ingest.web.LaneComparison.VIA_SPRING;
import static io.modstream.ingest.web.LaneComparison.comparableHeaders;
import static io.modstream.ingest.web.LaneComparison.requestSeries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.ingest.web.LaneComparison;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link StatusLane}: which status reads it answers and which it hands to Spring's web stack, and that its answers are
 * the ones that stack gives ({@link StatusController}). A decorator of this test marks every answer of Spring's stack
 * ({@code X-Via-Spring}), which the lane, ahead of the stack, does not pass. The same read through the stack is made
 * with another spelling of the path ({@code /api/v1/%63omments/…}), which the lane does not take.
 */
@UseKafkaTestBroker
@Import(LaneComparison.MarkSpringsAnswers.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.sites[1].id=site-b",
            "modstream.ingest.sites[1].api-key-sha256=b28592d358781a58d1e486318d9bd54382141142d48b0f1f74e9838a42f2bf53",
            "modstream.ingest.status.read-after-write-wait=200ms"
        })
class StatusLaneTest {

    static final String KEY_A = "test-key-a";
    static final String KEY_B = "test-key-b";

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        // Until the read side's stores are open, a read of an unknown comment is a 503 both ways.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> http.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Void.class));
    }

    @Test
    void aStatusReadIsAnsweredByTheLaneAsSpringsStackAnswersIt() {
        String id = submit(KEY_A);

        EntityExchangeResult<byte[]> lane =
                get("/api/v1/comments/" + id, KEY_A, headers -> {}).expectBody().returnResult();
        EntityExchangeResult<byte[]> spring = get("/api/v1/%63omments/" + id, KEY_A, headers -> {})
                .expectBody()
                .returnResult();

        assertThat(lane.getStatus().value()).isEqualTo(200);
        assertThat(lane.getResponseHeaders().getFirst(VIA_SPRING)).isNull();
        assertThat(spring.getResponseHeaders().getFirst(VIA_SPRING)).isEqualTo("yes");
        assertThat(comparableHeaders(lane.getResponseHeaders()))
                .isEqualTo(comparableHeaders(spring.getResponseHeaders()));
        assertThat(new String(lane.getResponseBody(), StandardCharsets.UTF_8))
                .isEqualTo(new String(spring.getResponseBody(), StandardCharsets.UTF_8));
        JsonNode answer = json.readTree(lane.getResponseBody());
        assertThat(answer.get("id").asString()).isEqualTo(id);
        assertThat(answer.get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void anUnknownCommentAndAnotherSitesAreTheSame404BothWays() {
        String ofSiteA = submit(KEY_A);
        for (String read : List.of(
                "no-such-comment|" + KEY_A, // unknown
                ofSiteA + "|" + KEY_B)) { // another site's
            String id = read.substring(0, read.indexOf('|'));
            String key = read.substring(read.indexOf('|') + 1);
            EntityExchangeResult<byte[]> lane = get("/api/v1/comments/" + id, key, headers -> {})
                    .expectBody()
                    .returnResult();
            EntityExchangeResult<byte[]> spring = get("/api/v1/%63omments/" + id, key, headers -> {})
                    .expectBody()
                    .returnResult();

            assertThat(lane.getStatus().value()).as(read).isEqualTo(404);
            assertThat(spring.getStatus().value()).as(read).isEqualTo(404);
            assertThat(lane.getResponseHeaders().getFirst(VIA_SPRING)).isNull();
            assertThat(comparableHeaders(lane.getResponseHeaders()))
                    .isEqualTo(comparableHeaders(spring.getResponseHeaders()));
            // A problem document names the path as its instance; the two spellings differ there only.
            ObjectNode fromSpring = (ObjectNode) json.readTree(spring.getResponseBody());
            assertThat(json.readTree(lane.getResponseBody()))
                    .isEqualTo(fromSpring.put("instance", "/api/v1/comments/" + id));
        }
    }

    @Test
    void whatTheLaneDoesNotTakeGoesToSpringsStack() {
        String id = submit(KEY_A);
        get("/api/v1/comments/" + id, "not-a-key", headers -> {})
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        get("/api/v1/comments/" + id, KEY_A, headers -> headers.setAccept(List.of(MediaType.TEXT_HTML)))
                .expectStatus()
                .isEqualTo(406)
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        get("/api/v1/comments/" + "x".repeat(101), KEY_A, headers -> {})
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        get("/api/v1/comments/" + id + "?fields=all", KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        get("/api/v1/comments/" + id, KEY_A, headers -> headers.set("X-Note", "control\u0085character"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        // And what it does take, for contrast: the same read, plainly.
        get("/api/v1/comments/" + id, KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(VIA_SPRING)
                .expectBody(Void.class);
    }

    @Test
    void theLanesReadsAreTimedInTheSameSeriesAsSpringsStack() {
        String id = submit(KEY_A);
        get("/api/v1/%63omments/" + id, KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectBody(Void.class);
        Map<String, Double> before = requestSeries(http, "/api/v1/comments/{commentId}");
        String ok = before.keySet().stream()
                .filter(series -> series.contains("status=\"200\""))
                .findFirst()
                .orElseThrow();

        get("/api/v1/comments/" + id, KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(VIA_SPRING)
                .expectBody(Void.class);

        // The same series, tags and all, one more read counted: not a new series of the lane's own.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Double> after = requestSeries(http, "/api/v1/comments/{commentId}");
            assertThat(after.keySet()).isEqualTo(before.keySet());
            assertThat(after.get(ok)).isEqualTo(before.get(ok) + 1);
        });
    }

    private String submit(String key) {
        byte[] answer = http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"threadId\":\"lane\",\"author\":{\"id\":\"reader-1\",\"name\":\"Ada\"},\"body\":\"Hi.\"}")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(answer).get("id").asString();
    }

    private WebTestClient.ResponseSpec get(String path, String key, Consumer<HttpHeaders> headers) {
        return http.get()
                // As a URI, so that the client does not encode the % of the other spelling again.
                .uri(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key)
                .headers(headers)
                .exchange();
    }
}
