package io.modstream.ingest.submit;

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
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SubmissionLane}: which submissions it takes and which it hands to Spring's web stack, and that its answers are
 * the ones that stack gives. A web filter of this test marks every answer of Spring's stack ({@code X-Via-Spring}),
 * which the lane, ahead of the stack, does not pass. The answers themselves are tested in {@code SubmitCommentTest},
 * {@code BrokerUnavailableTest} and the rest, which now reach the lane for every plain submission.
 */
@UseKafkaTestBroker
@Import(LaneComparison.MarkSpringsAnswers.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.max-request-size=4KB"
        })
class SubmissionLaneTest {

    private static final String KEY = SubmitCommentTest.KEY;
    private static final String VALID = SubmitCommentTest.VALID;
    private static final String OTHER_SPELLING = "/api/v1/%63omments";

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
    }

    @Test
    void aPlainSubmissionIsAnsweredByTheLane() {
        EntityExchangeResult<byte[]> answer = post("/api/v1/comments", VALID, headers -> {})
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .doesNotExist(VIA_SPRING)
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "false")
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult();
        JsonNode body = json.readTree(answer.getResponseBody());
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("id").asString()).hasSize(36);
        // A status read right after the 202 finds the comment pending, as after Spring's stack.
        http.get()
                .uri("/api/v1/comments/" + body.get("id").asString())
                .header("Authorization", "Bearer " + KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING");
    }

    @Test
    void whatTheLaneDoesNotTakeGoesToSpringsStackUnread() {
        // Each answered by Spring's stack, with the answer it gave before the lane existed.
        post("/api/v1/comments", VALID, headers -> headers.setBearerAuth("not-a-key"))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        post("/api/v1/comments", VALID, headers -> headers.setAccept(List.of(MediaType.TEXT_HTML)))
                .expectStatus()
                .isEqualTo(406)
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        post("/api/v1/comments", VALID, headers -> headers.setContentType(MediaType.TEXT_PLAIN))
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        // A header the URL firewall refuses when it is read: the key's, here.
        post("/api/v1/comments", VALID, headers -> headers.setBearerAuth(KEY + "\u0085"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        post("/api/v1/comments", VALID, headers -> headers.set("Idempotency-Key", "has space"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        String large = VALID.replace("Great article!", "x".repeat(5_000));
        post("/api/v1/comments", large, headers -> {})
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        // Accepted, but by Spring's stack: a control character in a header nobody reads (the firewall checks a header
        // as it is read, the lane every header before it takes a request), a charset the lane leaves to Spring's
        // decoder, a query, a chunked body.
        post("/api/v1/comments", VALID, headers -> headers.set("X-Note", "control\u0085character"))
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        post(
                        "/api/v1/comments",
                        VALID,
                        headers -> headers.setContentType(
                                new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.ISO_8859_1)))
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        post("/api/v1/comments?from=test", VALID, headers -> {})
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
        http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        Flux.just(VALID.substring(0, 10), VALID.substring(10))
                                .map(part -> part.getBytes(StandardCharsets.UTF_8)),
                        byte[].class)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes")
                .expectBody(Void.class);
    }

    @Test
    void theLanesAnswersAreSpringsAnswers() {
        // The same request both ways: the usual spelling reaches the lane, the other one Spring's stack.
        for (String body : List.of(
                VALID,
                "{\"threadId\": ",
                "{\"threadId\":\"\",\"author\":{\"id\":\"reader-1\"},\"body\":\"Hi\"}",
                "[1, 2]")) {
            EntityExchangeResult<byte[]> lane =
                    post("/api/v1/comments", body, headers -> {}).expectBody().returnResult();
            EntityExchangeResult<byte[]> spring =
                    post(OTHER_SPELLING, body, headers -> {}).expectBody().returnResult();

            assertThat(lane.getResponseHeaders().getFirst(VIA_SPRING)).isNull();
            assertThat(spring.getResponseHeaders().getFirst(VIA_SPRING)).isEqualTo("yes");
            assertThat(lane.getStatus()).as(body).isEqualTo(spring.getStatus());
            assertThat(comparableHeaders(lane.getResponseHeaders()))
                    .as(body)
                    .isEqualTo(comparableHeaders(spring.getResponseHeaders()));
            if (lane.getStatus().is2xxSuccessful()) {
                assertThat(json.readTree(lane.getResponseBody()).get("status"))
                        .isEqualTo(json.readTree(spring.getResponseBody()).get("status"));
            } else {
                // A problem document names the path as its instance; the two spellings differ there only.
                JsonNode fromSpring = json.readTree(spring.getResponseBody());
                assertThat(fromSpring.get("instance").asString()).isEqualTo(OTHER_SPELLING);
                assertThat(json.readTree(lane.getResponseBody()))
                        .as(body)
                        .isEqualTo(((ObjectNode) fromSpring).put("instance", "/api/v1/comments"));
            }
        }
    }

    @Test
    void anIdempotentRetryThroughTheLaneGetsTheFirstAnswer() {
        String first = idOf(post("/api/v1/comments", VALID, headers -> headers.set("Idempotency-Key", "lane-retry-1"))
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "false"));
        String again = idOf(post("/api/v1/comments", VALID, headers -> headers.set("Idempotency-Key", "lane-retry-1"))
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .doesNotExist(VIA_SPRING));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theLanesRequestsAreTimedInTheSameSeriesAsSpringsStack() {
        post(OTHER_SPELLING, VALID, headers -> {}).expectStatus().isAccepted().expectBody(Void.class);
        Map<String, Double> before = requestSeries(http, "/api/v1/comments");
        assertThat(before).isNotEmpty();

        post("/api/v1/comments", VALID, headers -> {})
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .doesNotExist(VIA_SPRING)
                .expectBody(Void.class);
        String accepted = before.keySet().stream()
                .filter(series -> series.contains("status=\"202\""))
                .findFirst()
                .orElseThrow();

        // The same series, tags and all, one more request counted: not a new series of the lane's own. (Each way
        // stops its observation once the answer is written, which may be a moment after the client has read it.)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Double> after = requestSeries(http, "/api/v1/comments");
            assertThat(after.keySet()).isEqualTo(before.keySet());
            assertThat(after.get(accepted)).isEqualTo(before.get(accepted) + 1);
        });
    }

    private WebTestClient.ResponseSpec post(String path, String body, Consumer<HttpHeaders> headers) {
        return http.post()
                // As a URI, so that the client does not encode the % of the other spelling again.
                .uri(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private String idOf(WebTestClient.ResponseSpec answer) {
        return json.readTree(answer.expectBody().returnResult().getResponseBody())
                .get("id")
                .asString();
    }
}
