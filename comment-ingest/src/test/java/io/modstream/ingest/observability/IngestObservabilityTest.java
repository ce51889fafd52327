package io.modstream.ingest.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator scrapes and probes on comment-ingest after real traffic, and the trace a request starts. The
 * submit handler logs at DEBUG here, so that its line per accepted comment (off in production) is seen to carry the
 * trace too: the handler restores the trace for that line only when it is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            // printf %s test-key-a | sha256sum
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.sites[1].id=site-b",
            // printf %s test-key-b | sha256sum
            "modstream.ingest.sites[1].api-key-sha256=b28592d358781a58d1e486318d9bd54382141142d48b0f1f74e9838a42f2bf53",
            "logging.level.io.modstream.ingest.submit.Submissions=DEBUG"
        })
class IngestObservabilityTest {

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
    void theRequestsTraceTravelsOnTheRecordAndTheCommentIsCounted(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String id = json.readTree(http.post()
                        .uri("/api/v1/comments")
                        .header("Authorization", "Bearer test-key-b")
                        .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                                "{\"threadId\":\"t\",\"author\":{\"id\":\"r\",\"name\":\"Ada\"},\"body\":\"Traced.\"}")
                        .exchange()
                        .expectStatus()
                        .isAccepted()
                        .expectBody()
                        .returnResult()
                        .getResponseBody())
                .get("id")
                .asString();

        List<ConsumerRecord<String, String>> records = topics.read(
                List.of(Topics.COMMENTS_SUBMITTED),
                true,
                Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(r -> isComment(r, id)));
        ConsumerRecord<String, String> record =
                records.stream().filter(r -> isComment(r, id)).findFirst().orElseThrow();
        String traceparent = TopicClient.header(record, "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String spanId = traceparent.split("-")[2];
        // The line about the accepted comment is a line of the request: it carries the request's trace and server
        // span, and the record continues that span itself (no producer span in between, application.yml).
        assertThat(spanId).isNotEqualTo("b7ad6b7169203331");
        assertThat(output.getOut().lines().filter(line -> line.contains("Accepted comment " + id)))
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).contains(traceId).contains(spanId));

        String scrape = PrometheusScrape.of(http);
        assertThat(scrape).containsPattern("modstream_comments_received_total\\{site=\"site-b\"} [1-9]");
        // The request is observed whole; the security chain's filters and decisions are not (a cost per request).
        assertThat(scrape).contains("http_server_requests_seconds_count{");
        assertThat(scrape).doesNotContain("spring_security_");
        // No long-task timer of the requests in flight either: a sorted map entry per request that nothing reads.
        assertThat(scrape).doesNotContain("http_server_requests_active");
        // The sends are timed by the template's own timer, without an observation (application.yml).
        assertThat(scrape).contains("spring_kafka_template_seconds_count{");
    }

    @Test
    void readinessIncludesKafkaAndInfoTheBuild() {
        // Not ready until the read side's stores have caught up with their topics (docs/read-side.md).
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> http.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.components.kafka.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.readSide.status")
                        .isEqualTo("UP"));
        http.get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.build.artifact")
                .isEqualTo("comment-ingest");
    }

    /** Submitted comments are keyed by author, so one is found by the id in its value. */
    private boolean isComment(ConsumerRecord<String, String> record, String id) {
        return id.equals(json.readValue(record.value(), CommentSubmitted.class).commentId());
    }
}
