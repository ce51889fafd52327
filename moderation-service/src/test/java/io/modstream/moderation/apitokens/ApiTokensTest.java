package io.modstream.moderation.apitokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens against a real broker: made by their owner, shown once, stored only as a hash, acting as the owner with
 * the owner's roles and sites on every request without a session, refused the moment they are revoked, bounded in
 * number, and seen by every instance. The pipeline is not started: tokens do not need it.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.streams.auto-startup=false",
            "spring.kafka.consumer.group-id=api-tokens-test",
            "modstream.moderation.api-tokens.max-per-user=3",
            // BCrypt of "test-password" for everyone
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a",
            "modstream.moderation.users[1].username=bob",
            "modstream.moderation.users[1].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[1].roles=MODERATOR",
            "modstream.moderation.users[1].sites=site-b",
            "modstream.moderation.users[2].username=carol",
            "modstream.moderation.users[2].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[2].roles=ADMIN",
            "modstream.moderation.users[2].sites=site-c"
        })
class ApiTokensTest {

    private static final String PASSWORD = "test-password";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails connection;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JsonMapper appJson;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(WAIT)
                .build();
    }

    @Test
    void aTokenActsAsItsOwnerWithoutASessionUntilItIsRevoked() {
        EntityExchangeResult<byte[]> created = create("alice", "nightly report")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .returnResult();
        JsonNode issued = json.readTree(created.getResponseBody());
        String token = issued.get("token").asString();
        String id = issued.get("id").asString();
        assertThat(token).startsWith("mst_" + id + ".");

        EntityExchangeResult<byte[]> me = http.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("alice")
                .jsonPath("$.sites[0]")
                .isEqualTo("site-a")
                .returnResult();
        assertThat(me.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        // Scoped like its owner: another site does not exist for it, the operator's API is closed to it.
        http.get()
                .uri("/api/v1/sites/site-b/authors/someone")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        http.get()
                .uri("/api/v1/ops/topics")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);

        String listed = new String(http.get()
                .uri("/api/v1/me/tokens")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(json.readTree(listed).valueStream().map(t -> t.get("name").asString()))
                .contains("nightly report");
        assertThat(listed).contains(id).doesNotContain(token.substring(token.indexOf('.') + 1));
        // A token cannot make tokens: a leaked one ends when it is revoked.
        http.post()
                .uri("/api/v1/me/tokens")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "another"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);

        revoke("alice", id).expectStatus().isNoContent().expectBody(Void.class);

        http.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("bearer token"));
        assertThat(new String(http.get()
                        .uri("/api/v1/me/tokens")
                        .headers(h -> h.setBasicAuth("alice", PASSWORD))
                        .exchange()
                        .expectBody()
                        .returnResult()
                        .getResponseBody()))
                .doesNotContain(id);
    }

    @Test
    void onlyTheSecretsHashIsStoredAndEveryInstanceSeesTokensAndRevocations() {
        JsonNode issued = issue("alice", "shared");
        String token = issued.get("token").asString();
        String id = issued.get("id").asString();
        String secret = token.substring(token.indexOf('.') + 1);

        List<ConsumerRecord<String, String>> stored = new TopicClient(KafkaTestBroker.bootstrapServers())
                .read(
                        List.of(ApiTokens.TOPIC),
                        true,
                        WAIT,
                        seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> record =
                stored.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value()).doesNotContain(secret).doesNotContain(token);
        assertThat(json.readTree(record.value()).get("secretHash").asString())
                .isEqualTo(new TokenSecret(id, secret).hash());

        // Another instance, started after the token was made, reads it from the topic.
        ApiTokens other = new ApiTokens(connection, kafkaProperties, kafka, appJson, new ApiTokenProperties(3));
        other.start();
        try {
            await().atMost(WAIT).until(() -> other.match(token).isPresent());
            revoke("alice", id).expectStatus().isNoContent().expectBody(Void.class);
            await().atMost(WAIT).until(() -> other.match(token).isEmpty());
        } finally {
            other.stop();
        }
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfTokens() {
        String first = issue("carol", "one").get("id").asString();
        issue("carol", "two");
        issue("carol", "three");

        create("carol", "four")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("revoke one"));
        revoke("carol", first).expectStatus().isNoContent().expectBody(Void.class);
        create("carol", "four").expectStatus().isCreated().expectBody(Void.class);
    }

    @Test
    void onlyTheOwnerRevokesAndOnlyTheWholeTokenAuthenticates() {
        JsonNode issued = issue("bob", "bob's script");
        String token = issued.get("token").asString();
        String id = issued.get("id").asString();

        revoke("alice", id).expectStatus().isNotFound().expectBody(Void.class);
        String forged = token.substring(0, token.indexOf('.') + 1) + "A".repeat(43);
        for (String wrong : List.of(forged, "mst_nonsense", token + "x")) {
            http.get()
                    .uri("/api/v1/me")
                    .headers(h -> h.setBearerAuth(wrong))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody(Void.class);
        }
        http.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("bob");
        create("bob", "x".repeat(ApiTokenController.MAX_NAME_LENGTH + 1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("name"));
    }

    private WebTestClient.ResponseSpec create(String user, String name) {
        return http.post()
                .uri("/api/v1/me/tokens")
                .headers(h -> h.setBasicAuth(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange();
    }

    private JsonNode issue(String user, String name) {
        return json.readTree(create(user, name)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private WebTestClient.ResponseSpec revoke(String user, String id) {
        return http.delete()
                .uri("/api/v1/me/tokens/{id}", id)
                .headers(h -> h.setBasicAuth(user, PASSWORD))
                .exchange();
    }
}
