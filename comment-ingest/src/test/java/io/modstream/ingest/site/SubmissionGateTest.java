package io.modstream.ingest.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.ingest.web.LaneComparison;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

/**
 * Submissions bypass Spring Security's filter chain for {@link SubmissionGate}; these tests hold the gate to what the
 * chain gave them: it runs after the URL firewall, it writes the same security headers, and every spelling of the
 * path that reaches the handler passes through it. Its 401s and 429s are tested with the rest of the API's
 * ({@code SubmitCommentTest}, {@code SiteQuotaHttpTest}).
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            // printf %s test-key-a | sha256sum
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4"
        })
class SubmissionGateTest {

    static final String KEY = "test-key-a";
    static final String VALID = """
            {"threadId":"gate","author":{"id":"reader-1","name":"Ada"},"body":"Through the gate."}""";

    /** Headers that differ from answer to answer for reasons other than the security headers compared. */
    static final List<String> PER_ANSWER =
            List.of("date", "content-length", "content-type", "idempotent-replayed", "www-authenticate");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void theGateRunsRightAfterSpringSecuritysFilterWhichAppliesTheFirewall() {
        List<WebFilter> filters =
                context.getBeanProvider(WebFilter.class).orderedStream().toList();
        int security = indexOf(filters, WebFilterChainProxy.class);
        assertThat(security).isNotNegative();
        assertThat(filters.get(security + 1)).isInstanceOf(SubmissionGate.class);
    }

    @Test
    void aSubmissionWithAHeaderTheFirewallRefusesIsRefusedBeforeTheGate() {
        http.post()
                .uri(url("/api/v1/comments"))
                .header("Authorization", "Bearer " + KEY + "\u0085")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Authorization").doesNotContain(KEY));
    }

    @Test
    void theGatesAnswersCarryTheSameSecurityHeadersAsTheChains() {
        Map<String, List<String>> fromTheChain = securityHeaders(http.get()
                .uri(url("/api/v1/comments/some-id"))
                .exchange()
                .expectStatus()
                .isUnauthorized());
        Map<String, List<String>> refusedByTheGate = securityHeaders(http.post()
                .uri(url("/api/v1/comments"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID)
                .exchange()
                .expectStatus()
                .isUnauthorized());
        // Spelt so that Spring's web stack takes it rather than the lane ahead of it (SubmissionLaneTest).
        Map<String, List<String>> acceptedThroughTheGate =
                securityHeaders(submit("/api/v1/%63omments", KEY).expectStatus().isAccepted());

        assertThat(fromTheChain).containsKeys("x-content-type-options", "x-frame-options", "cache-control");
        assertThat(refusedByTheGate).isEqualTo(fromTheChain);
        assertThat(acceptedThroughTheGate).isEqualTo(fromTheChain);
    }

    @Test
    void everySpellingOfThePathThatReachesTheHandlerPassesTheGate() {
        // An encoded letter: the route matches decoded segments, and so does the gate.
        submit("/api/v1/%63omments", "not-a-key")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody(Void.class);
        submit("/api/v1/%63omments", KEY).expectStatus().isAccepted().expectBody(Void.class);
    }

    private WebTestClient.ResponseSpec submit(String path, String key) {
        return http.post()
                .uri(url(path))
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VALID)
                .exchange();
    }

    /** An answer's headers, by lower-case name, without those that belong to the answer itself. */
    private static Map<String, List<String>> securityHeaders(WebTestClient.ResponseSpec answer) {
        return LaneComparison.headersExcept(
                answer.expectBody(Void.class).returnResult().getResponseHeaders(), PER_ANSWER);
    }

    private static int indexOf(List<WebFilter> filters, Class<?> type) {
        for (int i = 0; i < filters.size(); i++) {
            if (type.isInstance(filters.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
