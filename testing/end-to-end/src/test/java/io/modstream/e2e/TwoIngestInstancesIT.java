package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.testing.kafka.KafkaTestBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two comment-ingest instances behind one address, as issue 12 asks of the read side: two packaged processes on one
 * broker, each with a state folder of its own, and the packaged moderation-service. A caller may reach either
 * instance with any request, so a status read right after a 202 from the other instance must know the comment, and
 * a thread stream on either instance must carry every approval of the thread exactly once, whichever instance
 * accepted the comment, and resume on the other instance from {@code Last-Event-ID} with exactly what was missed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoIngestInstancesIT {

    static final String SITE = "e2e-two";
    static final String API_KEY = "e2e-two-key";
    static final Set<String> KNOWN_STATUSES = Set.of("PENDING", "IN_REVIEW", "APPROVED", "REJECTED");
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private ServiceProcess first;
    private ServiceProcess second;

    @BeforeAll
    void startSystem() throws Exception {
        String broker = KafkaTestBroker.bootstrapServers();
        List<String> ingestArguments = List.of(
                "--spring.kafka.bootstrap-servers=" + broker,
                "--modstream.ingest.sites[0].id=" + SITE,
                "--modstream.ingest.sites[0].api-key-sha256=" + sha256Hex(API_KEY));
        processes.add(ServiceProcess.start(
                "moderation-service-two",
                "modstream.moderation.jar",
                List.of("--spring.kafka.bootstrap-servers=" + broker)));
        // Each gets a fresh state folder of its own from ServiceProcess, as two machines would have.
        first = ServiceProcess.start("comment-ingest-two-a", "modstream.ingest.jar", ingestArguments);
        processes.add(first);
        second = ServiceProcess.start("comment-ingest-two-b", "modstream.ingest.jar", ingestArguments);
        processes.add(second);
        for (ServiceProcess process : processes) {
            process.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    void stopSystem() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void aCommentAcceptedByOneInstanceIsKnownAtOnceToTheOther() throws Exception {
        String thread = "thread-" + UUID.randomUUID();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ServiceProcess writer = i % 2 == 0 ? first : second;
            ServiceProcess reader = i % 2 == 0 ? second : first;
            String id = submit(writer, thread, "Comment " + i + " on the docking schedule, read twice.");
            HttpResponse<String> status = get(reader, "/api/v1/comments/" + id);
            if (status.statusCode() != 200
                    || !KNOWN_STATUSES.contains(
                            json.readTree(status.body()).path("status").asString())) {
                unknown.add("#" + i + " " + id + " via " + writer.url("") + ": " + status.statusCode() + " "
                        + status.body());
            }
        }

        assertThat(unknown)
                .as("%d of 200 comments the other instance did not know right after the 202", unknown.size())
                .isEmpty();
    }

    @Test
    void aThreadStreamOnEitherInstanceCarriesEveryApprovalExactlyOnce() throws Exception {
        String thread = "thread-" + UUID.randomUUID();
        try (SseStream onFirst = SseStream.open(http, first, thread, null);
                SseStream onSecond = SseStream.open(http, second, thread, null)) {
            onFirst.awaitOpen();
            onSecond.awaitOpen();
            List<String> posted = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                posted.add(submit(i % 2 == 0 ? first : second, thread, "Reader " + i + " enjoyed the station piece."));
            }

            for (SseStream stream : List.of(onFirst, onSecond)) {
                await().atMost(OUTCOME_WAIT)
                        .untilAsserted(() -> assertThat(stream.commentIds()).containsAll(posted));
                assertThat(stream.commentIds())
                        .as("approvals on %s, each exactly once", stream.instance())
                        .containsExactlyInAnyOrderElementsOf(posted);
            }
        }
    }

    @Test
    void aStreamResumedOnTheOtherInstanceReplaysExactlyWhatWasMissed() throws Exception {
        String thread = "thread-" + UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        String lastEventId;
        try (SseStream onFirst = SseStream.open(http, first, thread, null)) {
            onFirst.awaitOpen();
            // One at a time, each awaited, so the last event received is the latest in the thread's order.
            for (int i = 0; i < 5; i++) {
                String id = submit(i % 2 == 0 ? first : second, thread, "Seen " + i + ": a fair summary of it.");
                seen.add(id);
                await().atMost(OUTCOME_WAIT).until(() -> onFirst.commentIds().contains(id));
            }
            assertThat(onFirst.commentIds()).containsExactlyElementsOf(seen);
            lastEventId = onFirst.lastEventId();
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            missed.add(submit(i % 2 == 0 ? first : second, thread, "Missed " + i + ": thanks for the photos."));
        }
        for (String id : missed) {
            await().atMost(OUTCOME_WAIT).until(() -> "APPROVED".equals(status(second, id)));
        }

        try (SseStream resumed = SseStream.open(http, second, thread, lastEventId)) {
            await().atMost(OUTCOME_WAIT)
                    .untilAsserted(() -> assertThat(resumed.commentIds()).containsAll(missed));
            assertThat(resumed.commentIds())
                    .as("replayed on the other instance after %s", lastEventId)
                    .containsExactlyInAnyOrderElementsOf(missed);
        }
    }

    private String status(ServiceProcess instance, String id) throws Exception {
        HttpResponse<String> response = get(instance, "/api/v1/comments/" + id);
        return response.statusCode() == 200
                ? json.readTree(response.body()).path("status").asString()
                : null;
    }

    private String submit(ServiceProcess instance, String thread, String body) throws Exception {
        String comment = json.writeValueAsString(Map.of(
                "threadId",
                thread,
                "author",
                Map.of("id", "reader-" + UUID.randomUUID(), "name", "Ada"),
                "body",
                body));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(instance.url("/api/v1/comments"))
                        .header("Authorization", "Bearer " + API_KEY)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(comment))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> get(ServiceProcess instance, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(instance.url(path))
                        .header("Authorization", "Bearer " + API_KEY)
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    /**
     * A thread's server-sent events, read on a thread of its own as an EventSource would: every {@code comment}
     * event's comment id and event id, in the order they came. Closing it closes the connection.
     */
    static final class SseStream implements AutoCloseable {

        private final JsonMapper json = JsonMapper.builder().build();
        private final String instance;
        private final List<String> commentIds = new CopyOnWriteArrayList<>();
        private final List<String> eventIds = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private volatile InputStream body;
        private volatile boolean open;
        private volatile boolean closed;

        private SseStream(String instance) {
            this.instance = instance;
        }

        static SseStream open(HttpClient http, ServiceProcess instance, String thread, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(instance.url("/api/v1/threads/" + thread + "/stream"))
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            SseStream stream = new SseStream(instance.url("").toString());
            Thread reader = new Thread(() -> stream.read(http, request.build()), "sse-" + instance.url(""));
            reader.setDaemon(true);
            reader.start();
            return stream;
        }

        private void read(HttpClient http, HttpRequest request) {
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("The stream answered " + response.statusCode());
                }
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if ("comment".equals(event) && !data.isEmpty()) {
                            eventIds.add(id);
                            commentIds.add(
                                    json.readTree(data.toString()).path("id").asString());
                        }
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        open = true; // the heartbeat the server sends at once: the stream is subscribed
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    failures.add(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the first heartbeat: from then on the server follows the thread's approvals for this stream. */
        void awaitOpen() {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                assertThat(failures).isEmpty();
                return open;
            });
        }

        List<String> commentIds() {
            assertThat(failures).as("the stream on %s failed", instance).isEmpty();
            return List.copyOf(commentIds);
        }

        String lastEventId() {
            return eventIds.isEmpty() ? null : eventIds.get(eventIds.size() - 1);
        }

        String instance() {
            return instance;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            InputStream stream = body;
            if (stream != null) {
                stream.close();
            }
        }
    }
}
