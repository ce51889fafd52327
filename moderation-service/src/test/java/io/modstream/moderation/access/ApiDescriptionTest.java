package io.modstream.moderation.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description is generated from the controllers, so it lists every endpoint the console uses. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.auto-startup=false", "spring.kafka.admin.auto-create=false"})
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    @Test
    void theModeratorsApiIsDescribed() {
        byte[] body = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(body).get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/me",
                        "/api/v1/queue",
                        "/api/v1/queue/events",
                        "/api/v1/sites/{siteId}/queue/{commentId}",
                        "/api/v1/sites/{siteId}/queue/{commentId}/decision",
                        "/api/v1/sites/{siteId}/decisions",
                        "/api/v1/sites/{siteId}/comments/{commentId}/audit",
                        "/api/v1/sites/{siteId}/moderators/{username}/audit",
                        "/api/v1/sites/{siteId}/authors/{authorId}",
                        "/api/v1/sites/{siteId}/authors/{authorId}/actions",
                        "/api/v1/sites/{siteId}/dry-run");
        JsonNode decide =
                paths.get("/api/v1/sites/{siteId}/queue/{commentId}/decision").get("post");
        assertThat(decide.get("summary").asString()).contains("409");
        assertThat(decide.get("requestBody").toString()).contains("DecisionRequest");
    }
}
