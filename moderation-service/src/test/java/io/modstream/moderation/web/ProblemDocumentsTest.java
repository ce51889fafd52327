package io.modstream.moderation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Every 4xx a caller of the API can cause, over real HTTP: each is an RFC 9457 problem document whose {@code detail}
 * names what is wrong (the parameter, field, header, method, path or limit), not a bare status or Spring's generic
 * "Validation failure". Every one is refused before anything touches the broker, so the Kafka listener is not
 * started. URLs are given as {@link URI}s so that exactly these bytes are sent, with no client-side re-encoding.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.admin.auto-create=false",
            "modstream.moderation.users[0].username=alice",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a",
            "spring.http.codecs.max-in-memory-size=4KB"
        })
class ProblemDocumentsTest {

    static final String DECISION = "/api/v1/sites/site-a/queue/c-1/decision";

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
        assertThat(get("/api/v1/queue?size=201", 400))
                .isEqualTo("Invalid request: the query parameter 'size' must be less than or equal to 200.");
    }

    @Test
    void negativePageNamesTheQueryParameter() {
        assertThat(get("/api/v1/queue?page=-1", 400)).contains("'page'");
    }

    @Test
    void pageSizeThatIsNotANumberNamesTheQueryParameter() {
        assertThat(get("/api/v1/queue?size=abc", 400)).contains("'size'");
        assertThat(get("/api/v1/queue?minAgeSeconds=soon", 400)).contains("'minAgeSeconds'");
    }

    @Test
    void overlongAuthorIdNamesThePathVariable() {
        assertThat(get("/api/v1/sites/site-a/authors/" + "a".repeat(201), 400)).contains("'authorId'", "200");
    }

    @Test
    void missingQueryParameterIsNamed() {
        assertThat(problem(http.get().uri(url("/internal/v1/stores/authors")), 400))
                .contains("'key'");
    }

    @Test
    void missingClusterTokenNamesTheHeader() {
        assertThat(problem(http.get().uri(url("/internal/v1/stores/authors?key=k")), 401))
                .contains("Modstream-Cluster-Token");
    }

    @Test
    void unknownRouteIs404NamingThePath() {
        assertThat(get("/api/v1/nothing-here", 404)).contains("GET /api/v1/nothing-here");
    }

    @Test
    void wrongMethodIs405NamingTheMethodAndTheAllowedOnes() {
        String detail = problem(
                http.method(HttpMethod.DELETE)
                        .uri(url("/api/v1/queue"))
                        .headers(h -> h.setBasicAuth("alice", "test-password")),
                405);
        assertThat(detail).contains("DELETE", "GET");
    }

    @Test
    void unsupportedContentTypeIs415NamingIt() {
        String detail = problem(
                signedIn(http.post().uri(url(DECISION)))
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("APPROVE"),
                415);
        assertThat(detail).contains("text/plain", "application/json");
    }

    @Test
    void unacceptableResponseTypeIs406NamingWhatIsOffered() {
        String detail = problem(signedIn(http.get().uri(url("/api/v1/me"))).accept(MediaType.IMAGE_PNG), 406);
        assertThat(detail).contains("Accept", "image/png", "application/json");
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        assertThat(problem(post(DECISION, "{\"action\": "), 400)).contains("body");
    }

    @Test
    void fieldOfTheWrongTypeIs400NamingTheField() {
        assertThat(problem(post(DECISION, "{\"action\": \"MAYBE\"}"), 400))
                .isEqualTo("action: 'MAYBE' is not one of APPROVE, REVIEW, REJECT");
        assertThat(problem(post(DECISION, "{\"action\": [1]}"), 400)).startsWith("action: ");
    }

    @Test
    void invalidFieldsOfTheBodyAreNamed() {
        assertThat(problem(post(DECISION, "{\"reason\":\"" + "r".repeat(1001) + "\"}"), 400))
                .contains("action: ", "reason: ");
    }

    @Test
    void declaredOversizedBodyIs413WithTheLimit() {
        assertThat(problem(post(DECISION, oversized()), 413))
                .isEqualTo("The request body is larger than the limit of 4096 bytes.");
    }

    @Test
    void chunkedOversizedBodyIs413WithTheLimit() {
        // A Flux body is sent chunked, without Content-Length, so only the codec limit can catch it.
        String detail = problem(
                signedIn(http.post().uri(url(DECISION)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Flux.just(oversized().getBytes(StandardCharsets.UTF_8)), byte[].class),
                413);
        assertThat(detail).isEqualTo("The request body is larger than the limit of 4096 bytes.");
    }

    @Test
    void aUrlTheFirewallRefusesIsAProblemSayingWhy() {
        // An encoded line feed: refused before routing, once answered with an empty 400.
        assertThat(get("/api/v1/sites/site-a/queue/a%0Ab", 400)).contains("%0A");
    }

    @Test
    void aHeaderTheFirewallRefusesIsAProblemNamingItWithoutRepeatingItsValue() {
        // U+0085 (next line) is a control character; Netty lets it through as a byte, Spring Security's firewall
        // refuses it when the header is read. The value here carries alice's password.
        String credentials = Base64.getEncoder().encodeToString("alice:test-password".getBytes(StandardCharsets.UTF_8));
        String detail = problem(
                http.get().uri(url("/api/v1/queue")).header("Authorization", "Basic " + credentials + "\u0085"), 400);
        assertThat(detail).contains("Authorization", "control character").doesNotContain(credentials);
    }

    @Test
    void anUnauthenticatedCallIs401NamingTheHeader() {
        assertThat(problem(http.get().uri(url("/api/v1/queue")), 401)).contains("Authorization");
    }

    @Test
    void aWrongPasswordIs401SayingSo() {
        String detail =
                problem(http.get().uri(url("/api/v1/queue")).headers(h -> h.setBasicAuth("alice", "wrong")), 401);
        assertThat(detail).contains("username or password");
    }

    @Test
    void aForbiddenCallIs403NamingTheRoleItNeeds() {
        assertThat(get("/api/v1/ops/topics", 403)).contains("OPERATOR", "/api/v1/ops/topics");
    }

    @Test
    void aSessionCallWithoutTheCsrfTokenIs403NamingTheHeader() {
        String detail = problem(
                http.post()
                        .uri(url("/api/v1/me/tokens"))
                        .cookie("SESSION", "any")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"laptop\"}"),
                403);
        assertThat(detail).contains("X-XSRF-TOKEN");
    }

    private static String oversized() {
        return "{\"action\":\"APPROVE\",\"note\":\"" + "x".repeat(5000) + "\"}";
    }

    private String get(String path, int status) {
        return problem(signedIn(http.get().uri(url(path))), status);
    }

    private WebTestClient.RequestHeadersSpec<?> post(String path, String body) {
        return signedIn(http.post().uri(url(path)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S signedIn(S request) {
        request.headers(h -> h.setBasicAuth("alice", "test-password"));
        return request;
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
