package io.modstream.moderation.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.net.LoopbackOnly;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description is generated from the controllers, so it lists every endpoint the console uses; it names
 * the service, how to authenticate (Basic or an API token) and the problem documents errors come as. Swagger UI is
 * for signed-in staff. Regression: it was titled "OpenAPI definition v0", with no security scheme and no errors.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.admin.auto-create=false",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a"
        })
class ApiDescriptionTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void theTestServerListensOnLoopbackOnly() {
        // The test configuration sets server.address: a test run opens no port to the network.
        LoopbackOnly.assertListensOnLoopbackOnly(port);
    }

    @Test
    void theModeratorsApiIsDescribed() {
        JsonNode paths = apiDocs().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/me",
                        "/api/v1/me/tokens",
                        "/api/v1/me/tokens/{tokenId}",
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

    @Test
    void theDescriptionNamesTheServiceItsSecuritySchemesAndItsProblemDocuments() {
        JsonNode docs = apiDocs();

        assertThat(docs.get("info").get("title").asString()).isEqualTo("Modstream moderation API");
        assertThat(docs.get("info").get("version").asString()).isEqualTo("v1");
        assertThat(docs.get("info").get("description").asString()).contains("Bearer", "problem");
        JsonNode schemes = docs.get("components").get("securitySchemes");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("apiToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.get("security").toString()).contains("basicAuth", "apiToken");
        assertThat(docs.get("components")
                        .get("schemas")
                        .get("Problem")
                        .get("properties")
                        .propertyNames())
                .contains("type", "title", "status", "detail", "instance");

        JsonNode decide = docs.get("paths")
                .get("/api/v1/sites/{siteId}/queue/{commentId}/decision")
                .get("post")
                .get("responses");
        assertThat(decide.propertyNames()).contains("200", "400", "401", "403", "404");
        for (String code : new String[] {"400", "401", "403", "404"}) {
            assertThat(problemSchemaOf(decide.get(code))).as(code).isEqualTo(PROBLEM_REF);
        }
        JsonNode createToken =
                docs.get("paths").get("/api/v1/me/tokens").get("post").get("responses");
        assertThat(problemSchemaOf(createToken.get("409"))).isEqualTo(PROBLEM_REF);
        assertThat(problemSchemaOf(createToken.get("422"))).isEqualTo(PROBLEM_REF);
    }

    @Test
    void swaggerUiIsForSignedInStaff() {
        http.get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location(StaffSecurityConfig.SIGN_IN_PAGE)
                .expectBody(Void.class);

        String ui = http.get()
                .uri("/swagger-ui.html")
                .headers(h -> h.setBasicAuth("alice", ScriptsAndConsoleSignInTest.PASSWORD))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getFirst(HttpHeaders.LOCATION);
        assertThat(ui).endsWith("/swagger-ui/index.html");
        http.get()
                .uri(ui)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location(StaffSecurityConfig.SIGN_IN_PAGE)
                .expectBody(Void.class);
        String page = new String(http.get()
                .uri(ui)
                .headers(h -> h.setBasicAuth("alice", ScriptsAndConsoleSignInTest.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(page).contains("swagger-ui");
    }

    private JsonNode apiDocs() {
        byte[] body = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    private static String problemSchemaOf(JsonNode response) {
        return response.get("content")
                .get("application/problem+json")
                .get("schema")
                .get("$ref")
                .asString();
    }
}
