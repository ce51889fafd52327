package io.modstream.ingest.status;

import static org.awaitility.Awaitility.await;

import io.modstream.ingest.IngestApplication;
import io.modstream.testing.kafka.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances behind one address: a status read on the instance that did not accept the comment, straight after the
 * other's 202, is PENDING, never 404. Two application contexts in one JVM, each with its own port and state directory,
 * on the same broker.
 */
class ReadAfterWriteTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDirs;

    static ConfigurableApplicationContext accepting;
    static ConfigurableApplicationContext other;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startTwoInstances() {
        accepting = instance("a");
        // The reading instance lags: its global consumer waits up to 300 ms for more data before it fetches, so a
        // read straight after the 202 would find nothing there without the read-after-write wait (it answered 404
        // with read-after-write-wait=0s). The wait is generous here: on a loaded 2-core machine 2 s was not enough.
        other = instance(
                "b",
                "--spring.kafka.streams.properties.global.consumer.fetch.min.bytes=100000000",
                "--spring.kafka.streams.properties.global.consumer.fetch.max.wait.ms=300",
                "--modstream.ingest.status.read-after-write-wait=10s");
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {accepting, other}) {
            WebTestClient actuator = client(instance);
            await().atMost(WAIT)
                    .untilAsserted(() -> actuator.get()
                            .uri("/actuator/health/readiness")
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(Void.class));
        }
    }

    @AfterAll
    static void stopThem() {
        if (accepting != null) {
            accepting.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aStatusReadOnTheOtherInstanceRightAfterThe202IsPending() {
        WebTestClient postTo = client(accepting);
        WebTestClient readFrom = client(other);
        for (int i = 0; i < 5; i++) {
            String id = post(postTo, "Comment " + i);
            readFrom.get()
                    .uri("/api/v1/comments/" + id)
                    .header("Authorization", "Bearer " + ReadSideTest.KEY_A)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PENDING");
        }
    }

    @Test
    void aCommentNobodyAcceptedIsStill404AfterTheWait() {
        client(other)
                .get()
                .uri("/api/v1/comments/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + ReadSideTest.KEY_A)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
    }

    private String post(WebTestClient http, String body) {
        String comment = "{\"threadId\":\"raw-" + UUID.randomUUID()
                + "\",\"author\":{\"id\":\"reader-1\",\"name\":\"Ada\"},\"body\":\"" + body + "\"}";
        JsonNode answer = json.readTree(http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + ReadSideTest.KEY_A)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(comment)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBody());
        return answer.get("id").asString();
    }

    private static ConfigurableApplicationContext instance(String name, String... more) {
        // Arguments, not default properties: they must win over application.yml.
        return new SpringApplicationBuilder(IngestApplication.class)
                .run(Stream.concat(
                                Stream.of(
                                        "--server.port=0",
                                        "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                                        "--spring.kafka.streams.state-dir=" + stateDirs.resolve(name),
                                        "--modstream.ingest.sites[0].id=site-a",
                                        "--modstream.ingest.sites[0].api-key-sha256="
                                                + "d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4"),
                                Stream.of(more))
                        .toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext instance) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(WAIT)
                .build();
    }
}
