package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
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

    static final String VIA_SPRING = "X-Via-Spring";
    static final String KEY_A = "test-key-a";
    static final String KEY_B = "test-key-b";

    /** Marks every answer Spring's web stack gives. */
    @TestConfiguration
    static class MarkSpringsAnswers {

        /** Around the whole of Spring's stack, so that even the URL firewall's and the filters' own answers carry it. */
        @Bean
        HttpHandlerDecoratorFactory markSpringsAnswers() {
            return handler -> (request, response) -> {
                response.getHeaders().set(VIA_SPRING, "yes");
                return handler.handle(request, response);
            };
        }
    }

    /** Headers that differ from answer to answer, or between the two ways for reasons of their own. */
    private static final List<String> PER_ANSWER =
            List.of("date", "content-length", VIA_SPRING.toLowerCase(Locale.ROOT));

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
                        .isOk());
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
        assertThat(headers(lane.getResponseHeaders())).isEqualTo(headers(spring.getResponseHeaders()));
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
            assertThat(headers(lane.getResponseHeaders())).isEqualTo(headers(spring.getResponseHeaders()));
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
                .valueEquals(VIA_SPRING, "yes");
        get("/api/v1/comments/" + id, KEY_A, headers -> headers.setAccept(List.of(MediaType.TEXT_HTML)))
                .expectStatus()
                .isEqualTo(406)
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes");
        get("/api/v1/comments/" + "x".repeat(101), KEY_A, headers -> {})
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes");
        get("/api/v1/comments/" + id + "?fields=all", KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes");
        get("/api/v1/comments/" + id, KEY_A, headers -> headers.set("X-Note", "control\u0085character"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(VIA_SPRING, "yes");
        // And what it does take, for contrast: the same read, plainly.
        get("/api/v1/comments/" + id, KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(VIA_SPRING);
    }

    @Test
    void theLanesReadsAreTimedInTheSameSeriesAsSpringsStack() {
        String id = submit(KEY_A);
        get("/api/v1/%63omments/" + id, KEY_A, headers -> {}).expectStatus().isOk();
        Map<String, Double> before = statusSeries();
        String ok = before.keySet().stream()
                .filter(series -> series.contains("status=\"200\""))
                .findFirst()
                .orElseThrow();

        get("/api/v1/comments/" + id, KEY_A, headers -> {})
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(VIA_SPRING);

        // The same series, tags and all, one more read counted: not a new series of the lane's own.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Double> after = statusSeries();
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

    /** The count of each {@code http_server_requests} series of the status route. */
    private Map<String, Double> statusSeries() {
        String scrape = new String(
                http.get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        return scrape.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"/api/v1/comments/{commentId}\""))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.lastIndexOf(' ')),
                        line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                        (a, b) -> a,
                        TreeMap::new));
    }

    /** An answer's headers by lower-case name, without those that differ from answer to answer. */
    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> byName = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!PER_ANSWER.contains(lower)) {
                byName.put(lower, values);
            }
        });
        return byName;
    }
}
