package io.modstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ingest API is described (OpenAPI 3, with examples) and browsable in Swagger UI, served from the jar. */
@UseKafkaTestBroker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedWithExamplesAndTheSiteKeyScheme() {
        JsonNode docs = JsonMapper.builder()
                .build()
                .readTree(client().get()
                        .uri("/v3/api-docs")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody());

        assertThat(docs.get("paths").propertyNames())
                .contains(
                        "/api/v1/comments",
                        "/api/v1/comments/{commentId}",
                        "/api/v1/threads/{threadId}/comments",
                        "/api/v1/threads/{threadId}/stream");
        JsonNode submit = docs.get("paths").get("/api/v1/comments").get("post");
        assertThat(submit.get("requestBody").toString()).contains("space-station");
        assertThat(submit.get("responses").propertyNames()).contains("202", "422", "503");
        assertThat(docs.get("components")
                        .get("securitySchemes")
                        .get("siteKey")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServedFromTheJar() {
        client().get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueMatches("Location", ".*/swagger-ui/index.html")
                .expectBody(Void.class);
        String page = new String(client().get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(page).contains("swagger-ui");
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }
}
