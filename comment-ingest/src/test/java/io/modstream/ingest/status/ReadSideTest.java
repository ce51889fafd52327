package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side over HTTP against a real broker. Outcomes are put on the outcome topics here, as moderation-service
 * would publish them, so the test controls what was decided and when.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            // printf %s test-key-a | sha256sum
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.sites[1].id=site-b",
            // printf %s test-key-b | sha256sum
            "modstream.ingest.sites[1].api-key-sha256=b28592d358781a58d1e486318d9bd54382141142d48b0f1f74e9838a42f2bf53"
        })
class ReadSideTest {

    static final String KEY_A = "test-key-a";
    static final String KEY_B = "test-key-b";
    // Generous: on a loaded 2-core machine the in-process broker has been seen to hold a record back for 20 s.
    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();
    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(WAIT)
                .build();
    }

    @Test
    void aCommentIsPendingAtOnceThenFollowsItsOutcomes() {
        String thread = "thread-" + UUID.randomUUID();
        String id = post(KEY_A, thread, "You idiot, read it again.");

        status(KEY_A, id)
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.reasons.length()")
                .isEqualTo(0);

        CommentSubmitted comment = submitted(id);
        Reason suspect = new Reason(ReasonCodes.SUSPECT_TERM, "Held for a moderator to check its language.", 4, 9);
        publish(outcome(comment, Verdict.REVIEW, List.of(suspect)));
        await().atMost(WAIT)
                .untilAsserted(() -> status(KEY_A, id)
                        .jsonPath("$.status")
                        .isEqualTo("IN_REVIEW")
                        .jsonPath("$.reasons[0].code")
                        .isEqualTo(ReasonCodes.SUSPECT_TERM)
                        .jsonPath("$.sanitizedText")
                        .doesNotExist());

        // The moderator approves: the review topic's tombstone, then the approval.
        topics.send(Topics.COMMENTS_REVIEW, id, null);
        publish(outcome(
                comment,
                Verdict.APPROVE,
                List.of(suspect, new Reason(ReasonCodes.MODERATOR, "A moderator approved this comment.", 0, 0))));
        await().atMost(WAIT)
                .untilAsserted(() -> status(KEY_A, id)
                        .jsonPath("$.status")
                        .isEqualTo("APPROVED")
                        .jsonPath("$.sanitizedText")
                        .isEqualTo("You idiot, read it again.")
                        .jsonPath("$.decidedAt")
                        .exists());
    }

    @Test
    void aRejectedCommentCarriesItsReasonsAndNoText() {
        String id = post(KEY_A, "thread-" + UUID.randomUUID(), "Cheap watches at example.com");
        publish(outcome(
                submitted(id),
                Verdict.REJECT,
                List.of(new Reason(ReasonCodes.LINK, "Comments may not contain links to other websites.", 17, 28))));

        await().atMost(WAIT)
                .untilAsserted(() -> status(KEY_A, id)
                        .jsonPath("$.status")
                        .isEqualTo("REJECTED")
                        .jsonPath("$.reasons[0].message")
                        .isEqualTo("Comments may not contain links to other websites.")
                        .jsonPath("$.sanitizedText")
                        .doesNotExist()
                        .jsonPath("$.sanitizedHtml")
                        .doesNotExist());
    }

    @Test
    void aSiteSeesOnlyItsOwnCommentsAndThreads() {
        String thread = "thread-" + UUID.randomUUID();
        String id = post(KEY_A, thread, "Site A's comment.");
        publish(outcome(submitted(id), Verdict.APPROVE, List.of()));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> thread(KEY_A, thread, "").jsonPath("$.total").isEqualTo(1));

        http.get()
                .uri("/api/v1/comments/" + id)
                .header("Authorization", "Bearer " + KEY_B)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
        thread(KEY_B, thread, "").jsonPath("$.total").isEqualTo(0);
        http.get()
                .uri("/api/v1/comments/" + id)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
    }

    @Test
    void aThreadListsItsApprovedCommentsNewestFirstInPages() {
        String thread = "thread-" + UUID.randomUUID();
        Instant start = Instant.now();
        List<String> ids =
                List.of(post(KEY_A, thread, "First."), post(KEY_A, thread, "Second."), post(KEY_A, thread, "Third."));
        for (int i = 0; i < ids.size(); i++) {
            publish(outcomeAt(submitted(ids.get(i)), Verdict.APPROVE, List.of(), start.plusSeconds(i)));
        }
        String rejected = post(KEY_A, thread, "Not shown.");
        publish(outcome(submitted(rejected), Verdict.REJECT, List.of()));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> thread(KEY_A, thread, "").jsonPath("$.total").isEqualTo(3));
        thread(KEY_A, thread, "?size=2")
                .jsonPath("$.comments[*].id")
                .isEqualTo(List.of(ids.get(2), ids.get(1)))
                .jsonPath("$.comments[0].sanitizedText")
                .isEqualTo("Third.")
                .jsonPath("$.comments[0].authorName")
                .isEqualTo("Ada");
        thread(KEY_A, thread, "?size=2&page=1")
                .jsonPath("$.comments[*].id")
                .isEqualTo(List.of(ids.get(0)))
                .jsonPath("$.nextBefore")
                .doesNotExist();
        // The deepest page by number allowed ((49 + 1) * 20 = 1,000 comments): empty here, but answered.
        thread(KEY_A, thread, "?size=20&page=49").jsonPath("$.comments").isEmpty();

        // The same thread by cursor: each page's nextBefore is the next page's before.
        JsonNode first =
                json.readTree(thread(KEY_A, thread, "?size=2").returnResult().getResponseBody());
        String nextBefore = first.get("nextBefore").asString();
        assertThat(nextBefore)
                .isEqualTo(first.get("comments").get(1).get("eventId").asString());
        thread(KEY_A, thread, "?size=2&before=" + nextBefore)
                .jsonPath("$.comments[*].id")
                .isEqualTo(List.of(ids.get(0)))
                .jsonPath("$.total")
                .isEqualTo(3)
                .jsonPath("$.nextBefore")
                .doesNotExist();
        http.get()
                .uri("/api/v1/threads/" + thread + "/comments?size=1000")
                .header("Authorization", "Bearer " + KEY_A)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(Void.class);
    }

    @Test
    void theStreamSendsApprovalsLiveAndResumesFromTheLastEventId() {
        String thread = "thread-" + UUID.randomUUID();
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + KEY_A)
                .build();
        ParameterizedTypeReference<ServerSentEvent<String>> type = new ParameterizedTypeReference<>() {};

        Flux<ServerSentEvent<String>> stream = client.get()
                .uri("/api/v1/threads/" + thread + "/stream")
                .retrieve()
                .bodyToFlux(type)
                .filter(event -> "comment".equals(event.event()));
        String first = post(KEY_A, thread, "Live one.");
        CommentSubmitted firstComment = submitted(first);
        ServerSentEvent<String> live = stream.doOnSubscribe(s -> new Thread(() -> {
                            sleepQuietly(Duration.ofMillis(500));
                            publish(outcome(firstComment, Verdict.APPROVE, List.of()));
                        })
                        .start())
                .blockFirst(WAIT);
        assertThat(live).isNotNull();
        assertThat(json.readTree(live.data()).get("id").asString()).isEqualTo(first);

        // Disconnected; meanwhile two more are approved. Reconnecting with the last id gets exactly those.
        String second = post(KEY_A, thread, "Missed one.");
        String third = post(KEY_A, thread, "Missed two.");
        publish(outcome(submitted(second), Verdict.APPROVE, List.of()));
        publish(outcome(submitted(third), Verdict.APPROVE, List.of()));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> thread(KEY_A, thread, "").jsonPath("$.total").isEqualTo(3));

        List<String> resumed = client.get()
                .uri("/api/v1/threads/" + thread + "/stream")
                .header("Last-Event-ID", live.id())
                .retrieve()
                .bodyToFlux(type)
                .filter(event -> "comment".equals(event.event()))
                .take(2)
                .map(event -> json.readTree(event.data()).get("id").asString())
                .collectList()
                .block(WAIT);
        assertThat(resumed).containsExactlyInAnyOrder(second, third);
    }

    /** Regression: a thread id with '/' could be posted, but reading it back answered an empty 400 or a 404. */
    @Test
    void threadIdsThatAreUrlPathsAreReadBackPercentEncoded() {
        String unique = " " + UUID.randomUUID();
        List<String> threads = List.of(
                "news/2026/11/space station" + unique,
                "/leading/and//double/slashes/" + unique,
                "100% a;b\\c?d#e&f=g+h ...ü☃" + unique);
        for (String thread : threads) {
            publish(outcome(submitted(post(KEY_A, thread, "Read me back.")), Verdict.APPROVE, List.of()));
        }

        for (String thread : threads) {
            await().atMost(WAIT)
                    .untilAsserted(() -> http.get()
                            .uri(url("/api/v1/threads/" + encoded(thread) + "/comments"))
                            .header("Authorization", "Bearer " + KEY_A)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.total")
                            .isEqualTo(1));
        }
        // Unencoded, the slashes make another path: a problem document, not the thread.
        http.get()
                .uri(url("/api/v1/threads/news/2026/11/space%20station" + encoded(unique) + "/comments"))
                .header("Authorization", "Bearer " + KEY_A)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    @Test
    void aThreadIdWithSlashesIsStreamedPercentEncoded() {
        String thread = "news/2026/11/" + UUID.randomUUID();
        Flux<ServerSentEvent<String>> stream = WebClient.create()
                .get()
                .uri(url("/api/v1/threads/" + encoded(thread) + "/stream"))
                .header("Authorization", "Bearer " + KEY_A)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(event -> "comment".equals(event.event()));
        CommentSubmitted comment = submitted(post(KEY_A, thread, "Live, under a path."));

        ServerSentEvent<String> live = stream.doOnSubscribe(s -> new Thread(() -> {
                            sleepQuietly(Duration.ofMillis(500));
                            publish(outcome(comment, Verdict.APPROVE, List.of()));
                        })
                        .start())
                .blockFirst(WAIT);

        assertThat(live).isNotNull();
        assertThat(json.readTree(live.data()).get("id").asString()).isEqualTo(comment.commentId());
    }

    private String post(String key, String thread, String body) {
        Map<String, Object> comment =
                Map.of("threadId", thread, "author", Map.of("id", "reader-1", "name", "Ada"), "body", body);
        JsonNode answer = json.readTree(http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(comment))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBody());
        return answer.get("id").asString();
    }

    private WebTestClient.BodyContentSpec status(String key, String id) {
        return http.get()
                .uri("/api/v1/comments/" + id)
                .header("Authorization", "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.BodyContentSpec thread(String key, String thread, String query) {
        return http.get()
                .uri("/api/v1/threads/" + thread + "/comments" + query)
                .header("Authorization", "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** As a browser's encodeURIComponent would: every character but the unreserved ones, '/' included. */
    private static String encoded(String pathSegment) {
        return UriUtils.encode(pathSegment, StandardCharsets.UTF_8);
    }

    /** Exactly these bytes, so that the client re-encodes nothing. */
    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private CommentSubmitted submitted(String id) {
        return topics
                .read(
                        List.of(Topics.COMMENTS_SUBMITTED),
                        true,
                        WAIT,
                        seen -> seen.stream().anyMatch(r -> isComment(r, id)))
                .stream()
                .filter(r -> isComment(r, id))
                .map(r -> json.readValue(r.value(), CommentSubmitted.class))
                .findFirst()
                .orElseThrow();
    }

    /** Submitted comments are keyed by author, so one is found by the id in its value. */
    private boolean isComment(ConsumerRecord<String, String> record, String id) {
        return id.equals(json.readValue(record.value(), CommentSubmitted.class).commentId());
    }

    private static CommentModerated outcome(CommentSubmitted comment, Verdict verdict, List<Reason> reasons) {
        return outcomeAt(comment, verdict, reasons, Instant.now());
    }

    private static CommentModerated outcomeAt(
            CommentSubmitted comment, Verdict verdict, List<Reason> reasons, Instant at) {
        return new CommentModerated(
                1,
                comment.commentId(),
                comment.siteId(),
                verdict,
                reasons,
                comment.body(),
                comment.body(),
                "default/v1",
                at,
                comment);
    }

    private void publish(CommentModerated outcome) {
        topics.send(Topics.outcomeTopic(outcome.verdict()), outcome.commentId(), json.writeValueAsBytes(outcome));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
