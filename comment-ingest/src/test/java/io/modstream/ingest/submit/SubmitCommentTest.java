package io.modstream.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/comments} over real HTTP, publishing to a real broker. */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            // printf %s test-key-a | sha256sum
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.max-request-size=4KB"
        })
class SubmitCommentTest {

    static final String KEY = "test-key-a";
    static final String VALID = """
            {"threadId":"space-station","author":{"id":"reader-1","name":"Ada"},"body":"Great article!"}""";

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
    void acceptedCommentIsOnTheTopicBeforeThe202() {
        Map<?, ?> answer = post(VALID)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String id = (String) answer.get("id");

        assertThat(answer.get("status")).isEqualTo("PENDING");
        List<ConsumerRecord<String, String>> records = submitted(id);
        assertThat(records).hasSize(1);
        // Keyed by author, so that each author's comments reach the pipeline in order on one partition.
        assertThat(records.get(0).key()).isEqualTo("site-a/reader-1");
        CommentSubmitted event = json.readValue(records.get(0).value(), CommentSubmitted.class);
        assertThat(event.siteId()).isEqualTo("site-a");
        assertThat(event.threadId()).isEqualTo("space-station");
        assertThat(event.author().name()).isEqualTo("Ada");
        assertThat(event.body()).isEqualTo("Great article!");
        assertThat(event.schemaVersion()).isEqualTo(CommentSubmitted.SCHEMA_VERSION);
    }

    @Test
    void the202IsTheAcceptedDocumentInJson() {
        var result = post(VALID)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult();
        byte[] body = result.getResponseBodyContent();

        assertThat(new String(body, StandardCharsets.UTF_8))
                .matches("\\{\"id\":\"[0-9a-f-]{36}\",\"status\":\"PENDING\"\\}");
        assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(body.length);
    }

    @Test
    void siteIdComesFromTheKeyNotFromTheBody() {
        String claimsOtherSite = VALID.replace("{\"threadId\"", "{\"siteId\":\"site-b\",\"threadId\"");
        String id = acceptedId(post(claimsOtherSite));

        CommentSubmitted event = json.readValue(submitted(id).get(0).value(), CommentSubmitted.class);
        assertThat(event.siteId()).isEqualTo("site-a");
    }

    @Test
    void missingKeyIs401Problem() {
        http.post()
                .uri("/api/v1/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void unknownKeyIs401Problem() {
        http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer not-a-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The API key is not valid.");
    }

    @Test
    void malformedJsonIs400Problem() {
        post("{\"threadId\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void wrongContentTypeIs415Problem() {
        http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(VALID)
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    @Test
    void declaredOversizedBodyIs413Problem() {
        post(VALID.replace("Great article!", "x".repeat(5000)))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request body is larger than the limit of 4096 bytes.");
    }

    @Test
    void chunkedOversizedBodyIs413Problem() {
        byte[] big = VALID.replace("Great article!", "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        postChunked(MediaType.APPLICATION_JSON, big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    @Test
    void aBodyInAnotherCharsetIsDecodedAndItsLimitCountsItsBytes() {
        MediaType utf16 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_16);
        String accented = VALID.replace("Great article!", "Très bien écrit, merci");
        Map<?, ?> answer = http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + KEY)
                .contentType(utf16)
                .bodyValue(accented.getBytes(StandardCharsets.UTF_16))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.get("status")).isEqualTo("PENDING");
        List<ConsumerRecord<String, String>> records = submitted((String) answer.get("id"));
        assertThat(records).hasSize(1);
        assertThat(json.readValue(records.get(0).value(), CommentSubmitted.class)
                        .body())
                .isEqualTo("Très bien écrit, merci");

        // About 2,190 characters: well under the 4,096-byte limit in UTF-8, about 4,380 bytes in UTF-16.
        byte[] overLimit = VALID.replace("Great article!", "x".repeat(2100)).getBytes(StandardCharsets.UTF_16);
        postChunked(utf16, overLimit)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    /** As every error of the API: a problem document says what it is, whatever the caller accepts for a success. */
    @Test
    void aCallerThatAcceptsOnlyJsonStillGetsAProblemDocument() {
        http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(VALID.replace("space-station", ""))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("threadId");
    }

    @Test
    void invalidFieldsAre422NamingEachField() {
        post("""
                        {"threadId":"","author":{"id":"r","name":"","email":"not-an-email"},"body":"hi",
                         "threadUrl":"javascript:alert(1)"}""")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("author.email", "author.name", "threadId", "threadUrl"));
    }

    @Test
    void overlongFieldIs422() {
        post(VALID.replace("space-station", "t".repeat(201)))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("threadId");
    }

    /** Thread ids are read back in URL paths; ones no URL can carry are refused, not accepted and then unreadable. */
    @Test
    void threadIdsThatNoUrlCouldCarryAre422NamingTheField() {
        for (String thread : List.of(".", "..", "news/../admin", "news/2026/.", "line\nbreak", "nul\u0000")) {
            String body = json.writeValueAsString(
                    Map.of("threadId", thread, "author", Map.of("id", "reader-1", "name", "Ada"), "body", "Hi."));
            post(body)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("threadId")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("must not contain control characters, or . or .. between slashes");
        }
    }

    @Test
    void retryWithTheSameIdempotencyKeyGetsTheSameIdAndPublishesOnce() {
        String key = "retry-" + System.nanoTime();
        String first = acceptedId(post(VALID).header("Idempotency-Key", key));
        String second = post(VALID)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();

        assertThat(second).isEqualTo(first);
        // Wait long enough for a second publication to have shown up, then count.
        assertThat(submitted(first)).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithADifferentCommentIs422() {
        String key = "reuse-" + System.nanoTime();
        acceptedId(post(VALID).header("Idempotency-Key", key));

        post(VALID.replace("Great article!", "Something else"))
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("This Idempotency-Key was already used for a different comment.");
    }

    @Test
    void overlongIdempotencyKeyIs400() {
        post(VALID)
                .header("Idempotency-Key", "k".repeat(256))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(Void.class);
    }

    /** A Flux body is sent chunked, without Content-Length, so only the limit on reading it can catch it. */
    private WebTestClient.RequestHeadersSpec<?> postChunked(MediaType type, byte[] body) {
        return http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + KEY)
                .contentType(type)
                .body(reactor.core.publisher.Flux.just(body), byte[].class);
    }

    private WebTestClient.RequestHeadersSpec<?> post(String body) {
        return http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + KEY)
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

    /**
     * Every record of the comment on the topic, found by its value since the key is the author. The 202 promises the
     * record is already there, so a short read suffices; it runs its full length so that a duplicate would be seen
     * too.
     */
    private List<ConsumerRecord<String, String>> submitted(String commentId) {
        return topics.read(List.of(Topics.COMMENTS_SUBMITTED), true, Duration.ofSeconds(2), seen -> false).stream()
                .filter(r -> commentId.equals(
                        json.readValue(r.value(), CommentSubmitted.class).commentId()))
                .toList();
    }
}
