package io.modstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.ingest.site.SiteApiKeys;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/webhook} over real HTTP, with registrations on a real broker; production URL rules. */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "modstream.ingest.webhooks.signing-key=test-signing-key-0123456789abcdef0123")
@DirtiesContext
class WebhookApiTest {

    @LocalServerPort
    int port;

    private WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("modstream.ingest.sites[0].id", () -> "api-a");
        registry.add("modstream.ingest.sites[0].api-key-sha256", () -> SiteApiKeys.hash("key-of-api-a"));
        registry.add("modstream.ingest.sites[1].id", () -> "api-b");
        registry.add("modstream.ingest.sites[1].api-key-sha256", () -> SiteApiKeys.hash("key-of-api-b"));
        registry.add("modstream.ingest.sites[2].id", () -> "api-c");
        registry.add("modstream.ingest.sites[2].api-key-sha256", () -> SiteApiKeys.hash("key-of-api-c"));
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void registrationAnswersTheSecretOnceAndGetNeverShowsIt() {
        Map<?, ?> registered = put("api-a", "https://hooks.example.com/a")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(registered.get("url")).isEqualTo("https://hooks.example.com/a");
        assertThat((String) registered.get("secret")).matches("[0-9a-f]{64}");
        assertThat(registered.get("registeredAt")).isNotNull();

        String shown = get("api-a")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(shown)
                .contains("https://hooks.example.com/a")
                .contains("registeredAt")
                .doesNotContain("secret")
                .doesNotContain((String) registered.get("secret"));
    }

    @Test
    void registeringAgainRotatesTheSecret() {
        String first = secretOf(put("api-c", "https://hooks.example.com/c"));
        String second = secretOf(put("api-c", "https://hooks.example.com/c2"));

        assertThat(second).isNotEqualTo(first);
        get("api-c").expectStatus().isOk().expectBody().jsonPath("$.url").isEqualTo("https://hooks.example.com/c2");
    }

    @Test
    void siteCanNeitherReadNorReplaceAnotherSitesWebhook() {
        put("api-a", "https://hooks.example.com/a").expectStatus().isOk().expectBody(Void.class);
        http.delete()
                .uri("/api/v1/webhook")
                .header("Authorization", "Bearer key-of-api-b")
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectBody(Void.class);

        get("api-b")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
        put("api-b", "https://hooks.example.com/b").expectStatus().isOk().expectBody(Void.class);

        get("api-a").expectStatus().isOk().expectBody().jsonPath("$.url").isEqualTo("https://hooks.example.com/a");
        get("api-b").expectStatus().isOk().expectBody().jsonPath("$.url").isEqualTo("https://hooks.example.com/b");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a url",
                "ftp://hooks.example.com/a",
                "http://hooks.example.com/a", // https only outside tests and the local profile
                "https:///no-host",
                "https://user:password@hooks.example.com/a",
                "https://hooks.example.com/a#fragment",
                "https://127.0.0.1/hook",
                "https://localhost:8443/hook",
                "https://[::1]/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.7/hook"
            })
    void unacceptableUrlIs422ProblemNamingTheField(String url) {
        put("api-a", url)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("url");
    }

    @Test
    void overlongUrlIs422() {
        put("api-a", "https://hooks.example.com/" + "a".repeat(2000))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be at most 2000 characters");
    }

    @Test
    void withoutAKeyIs401() {
        http.get()
                .uri("/api/v1/webhook")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
        http.post()
                .uri("/api/v1/webhook/replay")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
    }

    private WebTestClient.ResponseSpec put(String site, String url) {
        return http.put()
                .uri("/api/v1/webhook")
                .header("Authorization", "Bearer key-of-" + site)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String site) {
        return http.get()
                .uri("/api/v1/webhook")
                .header("Authorization", "Bearer key-of-" + site)
                .exchange();
    }

    private static String secretOf(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("secret");
    }
}
