package io.modstream.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo site in the local profile, as far as it answers without the ingest API: the page with its headers and
 * cookie, the bounds on what the form may send, and comments the reader did not post. The calls through to the ingest
 * API are covered end to end ({@code DemoSiteIT}).
 */
@ActiveProfiles("local")
@UseKafkaTestBroker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSiteTest {

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
    void pageIsServedWithAStrictContentSecurityPolicyAndAnHttpOnlyReaderCookie() {
        EntityExchangeResult<String> page = http.get()
                .uri("/demo")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult();

        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        ResponseCookie reader = page.getResponseCookies().getFirst(Readers.COOKIE);
        assertThat(reader).isNotNull();
        assertThat(reader.isHttpOnly()).isTrue();
        assertThat(reader.getSameSite()).isEqualTo("Lax");
        assertThat(page.getResponseBody())
                .contains("Old rivals, one orbit", "Comments with links to other websites are not posted.")
                .doesNotContain("dev-site-key-not-for-production");
    }

    @Test
    void scriptAndStylesheetAreServedFromTheJar() {
        http.get()
                .uri("/demo/demo.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/javascript;charset=UTF-8")
                .expectBody(Void.class);
        http.get()
                .uri("/demo/demo.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/css;charset=UTF-8")
                .expectBody(Void.class);
    }

    @Test
    void nameOverAHundredCharactersIsA422NamingTheField() {
        http.post()
                .uri("/demo/api/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + "n".repeat(101) + "\",\"body\":\"Fine words.\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void bodyOverFiveThousandCharactersIsA422NamingTheField() {
        http.post()
                .uri("/demo/api/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Ada\",\"body\":\"" + "b".repeat(5001) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
    }

    /** Regression: the ingest API's OpenAPI description listed the demo site's own backend under /demo. */
    @Test
    void theApiDescriptionLeavesOutTheDemoSite() {
        String docs = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(JsonMapper.builder().build().readTree(docs).get("paths").propertyNames())
                .contains("/api/v1/comments")
                .noneMatch(path -> path.startsWith("/demo"));
    }

    @Test
    void statusOfACommentThisBrowserDidNotPostIsA404() {
        http.get()
                .uri("/demo/api/comments/70d2c227-8b0e-4c1f-9a57-2f8e1c4b7d10")
                .header(HttpHeaders.COOKIE, Readers.COOKIE + "=00000000-0000-0000-0000-000000000000")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
    }
}
