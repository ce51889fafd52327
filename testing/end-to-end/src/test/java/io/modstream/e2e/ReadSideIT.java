package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.testing.kafka.KafkaTestBroker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side with two comment-ingest instances and the packaged moderation-service: a comment posted through one
 * instance has its outcome on the other, and a restarted instance answers the same from Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSideIT {

    static final String SITE = "e2e-read";
    static final String API_KEY = "e2e-read-key";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private List<String> ingestArguments;
    private ServiceProcess first;
    private ServiceProcess second;

    @BeforeAll
    void startSystem() throws Exception {
        String broker = KafkaTestBroker.bootstrapServers();
        ingestArguments = List.of(
                "--spring.kafka.bootstrap-servers=" + broker,
                "--modstream.ingest.sites[0].id=" + SITE,
                "--modstream.ingest.sites[0].api-key-sha256=" + sha256Hex(API_KEY));
        processes.add(ServiceProcess.start(
                "moderation-service-read",
                "modstream.moderation.jar",
                List.of("--spring.kafka.bootstrap-servers=" + broker)));
        first = start("comment-ingest-read-a");
        second = start("comment-ingest-read-b");
        for (ServiceProcess process : processes) {
            process.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    void stopSystem() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void anOutcomeIsReadableOnEveryInstanceAndAfterARestart() throws Exception {
        String thread = "thread-" + UUID.randomUUID();
        String approved = submit(first, thread, "A fair summary of the docking schedule.");
        String rejected = submit(first, thread, "Cheap flights at example.com");

        await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(status(second, approved)));
        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(status(second, rejected)));
        JsonNode page = get(second, "/api/v1/threads/" + thread + "/comments");
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("comments").get(0).get("id").asString()).isEqualTo(approved);

        second.close();
        processes.remove(second);
        second = start("comment-ingest-read-b-restarted");
        second.awaitHealthy(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(status(second, approved)));
        assertThat(status(second, rejected)).isEqualTo("REJECTED");
        assertThat(get(second, "/api/v1/threads/" + thread + "/comments")
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    private ServiceProcess start(String name) throws Exception {
        ServiceProcess process = ServiceProcess.start(name, "modstream.ingest.jar", ingestArguments);
        processes.add(process);
        return process;
    }

    private String status(ServiceProcess instance, String id) throws Exception {
        HttpResponse<String> response = send(instance, HttpRequest.newBuilder(instance.url("/api/v1/comments/" + id)));
        return response.statusCode() == 200
                ? json.readTree(response.body()).get("status").asString()
                : null;
    }

    private JsonNode get(ServiceProcess instance, String path) throws Exception {
        HttpResponse<String> response = send(instance, HttpRequest.newBuilder(instance.url(path)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String submit(ServiceProcess instance, String thread, String body) throws Exception {
        String comment = json.writeValueAsString(Map.of(
                "threadId",
                thread,
                "author",
                Map.of("id", "reader-" + UUID.randomUUID(), "name", "Ada"),
                "body",
                body));
        HttpResponse<String> response = send(
                instance,
                HttpRequest.newBuilder(instance.url("/api/v1/comments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(comment)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> send(ServiceProcess instance, HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Authorization", "Bearer " + API_KEY)
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
