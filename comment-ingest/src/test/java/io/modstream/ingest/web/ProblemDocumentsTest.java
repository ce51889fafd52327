package io.modstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Every 4xx a caller can cause, over real HTTP: each is an RFC 9457 problem document whose {@code detail} names what
 * is wrong (the parameter, header, method or path), not a bare status or Spring's generic "Validation failure".
 * URLs are given as {@link URI}s so that exactly these bytes are sent, with no client-side re-encoding.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            // printf %s test-key-a | sha256sum
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.max-request-size=4KB"
        })
class ProblemDocumentsTest {

    static final String KEY = "test-key-a";
    static final String VALID = """
            {"threadId":"space-station","author":{"id":"reader-1","name":"Ada"},"body":"Great article!"}""";

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void pageSizeOverTheLimitNamesTheQueryParameter() {
        assertThat(get("/api/v1/threads/t/comments?size=101", 400)).contains("size", "100");
    }

    @Test
    void negativePageNamesTheQueryParameter() {
        assertThat(get("/api/v1/threads/t/comments?page=-1", 400)).contains("page");
    }

    @Test
    void aPageByNumberDeeperThanTheBoundPointsToBefore() {
        assertThat(get("/api/v1/threads/t/comments?page=10&size=100", 400)).contains("1000", "before");
        assertThat(get("/api/v1/threads/t/comments?page=50&size=20", 400)).contains("1000", "before");
    }

    @Test
    void aCursorThatIsNotAnEventIdOrComesWithAPageIsRefused() {
        assertThat(get("/api/v1/threads/t/comments?before=yesterday", 400)).contains("before", "eventId");
        assertThat(get("/api/v1/threads/t/comments?before=1764590400000-c-1&page=2", 400))
                .contains("page", "before");
        assertThat(get("/api/v1/threads/t/comments?before=" + "1".repeat(201), 400))
                .contains("before", "200");
    }

    @Test
    void pageSizeThatIsNotANumberNamesTheQueryParameter() {
        assertThat(get("/api/v1/threads/t/comments?size=abc", 400)).contains("size");
    }

    @Test
    void overlongThreadIdInThePathNamesThePathVariable() {
        assertThat(get("/api/v1/threads/" + "t".repeat(201) + "/comments", 400)).contains("threadId", "200");
        assertThat(get("/api/v1/threads/" + "t".repeat(201) + "/stream", 400)).contains("threadId");
    }

    @Test
    void overlongCommentIdInThePathNamesThePathVariable() {
        assertThat(get("/api/v1/comments/" + "c".repeat(101), 400)).contains("commentId");
    }

    @Test
    void overlongLastEventIdNamesTheHeader() {
        String detail = problem(
                http.get()
                        .uri(url("/api/v1/threads/t/stream"))
                        .header("Authorization", "Bearer " + KEY)
                        .header("Last-Event-ID", "e".repeat(201)),
                400);
        assertThat(detail).contains("Last-Event-ID");
    }

    @Test
    void aUrlTheFirewallRefusesIsAProblemSayingWhy() {
        // An encoded line feed: refused before routing, once answered with an empty 400.
        assertThat(get("/api/v1/threads/a%0Ab/comments", 400)).contains("%0A");
        assertThat(get("/api/v1/threads/news%2F..%2Fadmin/comments", 400)).contains("normalized");
        // Encoded, ';' is part of a thread id; raw, it would start matrix variables and cut the id short.
        assertThat(get("/api/v1/threads/a;b/comments", 400)).contains("\";\"");
    }

    @Test
    void aHeaderTheFirewallRefusesIsAProblemNamingItWithoutRepeatingItsValue() {
        // U+0085 (next line) is a control character; Netty lets it through as a byte, Spring Security's firewall
        // refuses it when the header is read.
        String detail = problem(
                http.get().uri(url("/api/v1/threads/t/comments")).header("Authorization", "Bearer " + KEY + "\u0085"),
                400);
        assertThat(detail).contains("Authorization", "control character").doesNotContain(KEY);
    }

    @Test
    void unknownRouteIs404NamingThePath() {
        assertThat(get("/api/v1/nothing-here", 404)).contains("/api/v1/nothing-here");
    }

    @Test
    void wrongMethodIs405NamingTheMethod() {
        String detail = problem(
                http.method(HttpMethod.DELETE).uri(url("/api/v1/comments")).header("Authorization", "Bearer " + KEY),
                405);
        assertThat(detail).contains("DELETE", "POST");
    }

    @Test
    void unsupportedContentTypeIs415NamingIt() {
        String detail = problem(
                http.post()
                        .uri(url("/api/v1/comments"))
                        .header("Authorization", "Bearer " + KEY)
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue(VALID),
                415);
        assertThat(detail).contains("text/plain");
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        assertThat(problem(post("{\"threadId\": "), 400)).contains("body");
    }

    @Test
    void declaredOversizedBodyIs413WithTheLimit() {
        assertThat(problem(post(VALID.replace("Great article!", "x".repeat(5000))), 413))
                .isEqualTo("The request body is larger than the limit of 4096 bytes.");
    }

    @Test
    void chunkedOversizedBodyIs413WithTheLimit() {
        byte[] big = VALID.replace("Great article!", "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        // A Flux body is sent chunked, without Content-Length, so only the codec limit can catch it.
        String detail = problem(
                http.post()
                        .uri(url("/api/v1/comments"))
                        .header("Authorization", "Bearer " + KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Flux.just(big), byte[].class),
                413);
        assertThat(detail).isEqualTo("The request body is larger than the limit of 4096 bytes.");
    }

    private String get(String path, int status) {
        return problem(http.get().uri(url(path)).header("Authorization", "Bearer " + KEY), status);
    }

    private WebTestClient.RequestHeadersSpec<?> post(String body) {
        return http.post()
                .uri(url("/api/v1/comments"))
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    /** Asserts a problem document with {@code status} and answers its detail. */
    private static String problem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        String[] detail = new String[1];
        request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.detail")
                .value(String.class, value -> detail[0] = value);
        assertThat(detail[0]).isNotBlank();
        return detail[0];
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
