package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.CommentModerated;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderation desk across two instances of the packaged moderation-service, sharing one consumer group and one
 * broker: both show the same queue, a decision made on one makes a second decision on the other a 409, the comment
 * is published once, and a restarted instance rebuilds the queue from Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationDeskIT {

    static final String SITE = "e2e-desk";
    static final String API_KEY = "e2e-desk-key";
    // BCrypt of "test-password"
    static final String HASH = "$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private TopicClient topics;
    private List<String> moderationArguments;
    private ServiceProcess ingest;
    private ServiceProcess first;
    private ServiceProcess second;

    @BeforeAll
    void startSystem() throws Exception {
        String broker = KafkaTestBroker.bootstrapServers();
        topics = new TopicClient(broker);
        moderationArguments = List.of(
                "--spring.kafka.bootstrap-servers=" + broker,
                // Reads of an author's record are forwarded to the instance that owns the author's partition.
                "--modstream.moderation.cluster.token=desk-test-cluster-token",
                "--modstream.moderation.users[0].username=maria",
                "--modstream.moderation.users[0].password-hash=" + HASH,
                "--modstream.moderation.users[0].roles=MODERATOR",
                "--modstream.moderation.users[0].sites=" + SITE,
                "--modstream.moderation.users[1].username=li",
                "--modstream.moderation.users[1].password-hash=" + HASH,
                "--modstream.moderation.users[1].roles=MODERATOR",
                "--modstream.moderation.users[1].sites=" + SITE);
        first = start("moderation-service-a");
        second = start("moderation-service-b");
        ingest = ServiceProcess.start(
                "comment-ingest-desk",
                "modstream.ingest.jar",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + broker,
                        "--modstream.ingest.sites[0].id=" + SITE,
                        "--modstream.ingest.sites[0].api-key-sha256=" + sha256Hex(API_KEY)));
        processes.add(ingest);
        for (ServiceProcess process : processes) {
            process.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    void stopSystem() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void bothInstancesShowTheQueueAndTheSecondDecisionIsAConflict() throws Exception {
        String commentId = submit("You idiot, the figures are on page two.");
        awaitListed(first, commentId);
        awaitListed(second, commentId);

        // The author's record lives on one instance (the owner of the author's partition); both answer the same.
        JsonNode onFirst = json.readTree(get(first, "maria", "/api/v1/sites/" + SITE + "/queue/" + commentId));
        JsonNode onSecond = json.readTree(get(second, "li", "/api/v1/sites/" + SITE + "/queue/" + commentId));
        assertThat(onFirst.get("author")).isEqualTo(onSecond.get("author"));
        assertThat(onFirst.get("author").get("held").asLong()).isEqualTo(1);

        HttpResponse<String> approved = decide(first, "maria", commentId, "APPROVE");
        HttpResponse<String> rejected = decide(second, "li", commentId, "REJECT");

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(409);
        assertThat(json.readTree(rejected.body()).get("decidedBy").asString()).isEqualTo("maria");
        await().atMost(Duration.ofSeconds(30)).until(() -> !listed(first, commentId) && !listed(second, commentId));

        List<ConsumerRecord<String, String>> published = topics
                .read(
                        List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED),
                        true,
                        Duration.ofSeconds(10),
                        seen -> false)
                .stream()
                .filter(record -> commentId.equals(record.key()))
                .toList();
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.COMMENTS_APPROVED);
            assertThat(json.readValue(record.value(), CommentModerated.class).verdict())
                    .isEqualTo(Verdict.APPROVE);
        });
    }

    @Test
    void aRestartedInstanceRebuildsTheSameQueue() throws Exception {
        String waiting = submit("What a moron of a minister.");
        String decided = submit("Idiot take, honestly.");
        awaitListed(first, waiting);
        awaitListed(first, decided);
        assertThat(decide(first, "maria", decided, "REJECT").statusCode()).isEqualTo(200);

        second.close();
        processes.remove(second);
        second = start("moderation-service-b-restarted");
        second.awaitHealthy(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(30)).until(() -> listed(second, waiting));
        assertThat(listed(second, decided)).isFalse();
        assertThat(queueIds(second)).isEqualTo(queueIds(first));
    }

    private ServiceProcess start(String name) throws Exception {
        ServiceProcess process = ServiceProcess.start(name, "modstream.moderation.jar", moderationArguments);
        processes.add(process);
        return process;
    }

    private void awaitListed(ServiceProcess instance, String commentId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> listed(instance, commentId));
    }

    private boolean listed(ServiceProcess instance, String commentId) throws Exception {
        return queueIds(instance).contains(commentId);
    }

    private Set<String> queueIds(ServiceProcess instance) throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(instance.url("/api/v1/queue?size=200&site=" + SITE))
                        .header("Authorization", basic("li"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body())
                .get("items")
                .valueStream()
                .map(item -> item.get("commentId").asString())
                .collect(java.util.stream.Collectors.toSet());
    }

    private String get(ServiceProcess instance, String user, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(instance.url(path))
                        .header("Authorization", basic(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> decide(ServiceProcess instance, String user, String commentId, String action)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(instance.url("/api/v1/sites/" + SITE + "/queue/" + commentId + "/decision"))
                        .header("Authorization", basic(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String submit(String body) throws Exception {
        String comment = json.writeValueAsString(Map.of(
                "threadId",
                "desk",
                "author",
                Map.of("id", "reader-" + UUID.randomUUID(), "name", "Ada"),
                "body",
                body));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(ingest.url("/api/v1/comments"))
                        .header("Authorization", "Bearer " + API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(comment))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("id").asString();
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":test-password").getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
