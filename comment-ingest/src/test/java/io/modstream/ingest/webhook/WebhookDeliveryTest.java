package io.modstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.Author;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Reason;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.ingest.site.SiteApiKeys;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outcomes published as moderation-service would, delivered over real HTTP to a receiver that fails on purpose,
 * through a real broker: signatures, event ids, retries with backoff, dead letters and replay, site isolation.
 * Each test uses its own sites, so the listeners' progress from one test never meets another's.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.webhooks.signing-key=test-signing-key-0123456789abcdef0123",
            "modstream.ingest.webhooks.allow-http=true",
            "modstream.ingest.webhooks.allow-private-addresses=true",
            "modstream.ingest.webhooks.timeout=2s",
            "modstream.ingest.webhooks.retry.initial-delay=300ms",
            "modstream.ingest.webhooks.retry.multiplier=4",
            "modstream.ingest.webhooks.retry.max-attempts=3"
        })
@DirtiesContext
class WebhookDeliveryTest {

    private static final List<String> SITES =
            List.of("signed", "retried", "parked", "isolated-a", "isolated-b", "deleted", "held");
    private static final CallbackReceiver receiver = newReceiver();

    @LocalServerPort
    int port;

    private WebTestClient http;
    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (int i = 0; i < SITES.size(); i++) {
            String site = SITES.get(i);
            registry.add("modstream.ingest.sites[" + i + "].id", () -> site);
            registry.add("modstream.ingest.sites[" + i + "].api-key-sha256", () -> SiteApiKeys.hash(keyOf(site)));
        }
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void outcomeIsPostedSignedWithItsEventIdAndDocumentedJson() throws Exception {
        String secret = register("signed", "/signed");
        CommentModerated outcome = outcome("signed", Verdict.APPROVE);
        publish(outcome);

        CallbackReceiver.Received request = awaitRequests("/signed", 1).get(0);

        String eventId = WebhookEvent.eventId(outcome.commentId(), Verdict.APPROVE);
        assertThat(request.header("Modstream-Event-Id")).isEqualTo(eventId);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).startsWith("Modstream-Webhooks/");
        assertSignedWith(secret, request);

        JsonNode body = json.readTree(request.body());
        assertThat(body.get("eventId").asString()).isEqualTo(eventId);
        assertThat(body.get("type").asString()).isEqualTo("comment.approved");
        assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(outcome.decidedAt());
        JsonNode data = body.get("data");
        assertThat(data.get("commentId").asString()).isEqualTo(outcome.commentId());
        assertThat(data.get("siteId").asString()).isEqualTo("signed");
        assertThat(data.get("threadId").asString()).isEqualTo("space-station");
        assertThat(data.get("status").asString()).isEqualTo("APPROVED");
        assertThat(data.get("sanitizedText").asString()).isEqualTo("Great article, email me");
        assertThat(data.get("sanitizedHtml").asString()).isEqualTo("<b>Great</b> article, email me");
        assertThat(data.get("policyVersion").asString()).isEqualTo("signed/v1");
        JsonNode reason = data.get("reasons").get(0);
        assertThat(reason.get("code").asString()).isEqualTo("EMAIL");
        assertThat(reason.get("start").asInt()).isEqualTo(25);
        assertThat(reason.get("end").asInt()).isEqualTo(40);
        // Nothing of the commenter beyond what the site needs.
        assertThat(data.has("comment")).isFalse();
    }

    @Test
    void heldThenDecidedCommentGivesTwoEventsAndTheTombstoneNone() throws Exception {
        register("held", "/held");
        CommentModerated held = outcome("held", Verdict.REVIEW);
        publish(held);
        topics.send(Topics.COMMENTS_REVIEW, held.commentId(), null);
        publish(decided(held, Verdict.REJECT));

        List<CallbackReceiver.Received> requests = awaitRequests("/held", 2);
        Thread.sleep(500); // room for a third, which must not come

        assertThat(receiver.received("/held")).hasSize(2);
        assertThat(requests)
                .extracting(r -> json.readTree(r.body()).get("type").asString())
                .containsExactly("comment.held", "comment.rejected");
        assertThat(json.readTree(requests.get(0).body()).get("data").has("sanitizedHtml"))
                .isFalse();
        assertThat(requests)
                .extracting(r -> r.header("Modstream-Event-Id"))
                .containsExactly(
                        WebhookEvent.eventId(held.commentId(), Verdict.REVIEW),
                        WebhookEvent.eventId(held.commentId(), Verdict.REJECT));
    }

    @Test
    void receiverFailingTwiceGetsTheEventOnTheThirdAttemptWithGrowingGaps() throws Exception {
        receiver.answer("/retried", attempt -> attempt <= 2 ? 500 : 200);
        register("retried", "/retried");
        publish(outcome("retried", Verdict.REJECT));

        List<CallbackReceiver.Received> attempts = awaitRequests("/retried", 3);
        Thread.sleep(1000); // a delivered event is not sent again

        assertThat(receiver.received("/retried")).hasSize(3);
        assertThat(attempts)
                .extracting(r -> r.header("Modstream-Event-Id"))
                .containsOnly(attempts.get(0).header("Modstream-Event-Id"));
        long firstGap = attempts.get(1).receivedNanos() - attempts.get(0).receivedNanos();
        long secondGap = attempts.get(2).receivedNanos() - attempts.get(1).receivedNanos();
        // Each gap is at least its backoff (300 ms, then 4 x 300 ms); only the lower bounds are certain.
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(secondGap)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
        assertThat(secondGap).isGreaterThan(firstGap);
    }

    @Test
    void receiverThatAlwaysFailsGetsItParkedWithTheCauseAndReplayDeliversItOnceFixed() throws Exception {
        receiver.answer("/parked", attempt -> attempt <= 3 ? 503 : 200);
        String secret = register("parked", "/parked");
        CommentModerated outcome = outcome("parked", Verdict.APPROVE);
        publish(outcome);

        awaitRequests("/parked", 3);
        List<ConsumerRecord<String, String>> parked = topics
                .read(
                        List.of(WebhookTopics.DELIVERIES_DLT),
                        true,
                        Duration.ofSeconds(30),
                        seen -> seen.stream().anyMatch(r -> "parked".equals(r.key())))
                .stream()
                .filter(r -> "parked".equals(r.key()))
                .toList();
        assertThat(parked).hasSize(1);
        assertThat(TopicClient.header(parked.get(0), "kafka_exception-message")).contains("HTTP 503");
        assertThat(TopicClient.header(parked.get(0), "kafka_exception-cause-fqcn"))
                .endsWith("WebhookDeliveryException");
        assertThat(TopicClient.header(parked.get(0), "kafka_original-topic")).isEqualTo(WebhookTopics.DELIVERIES);
        assertThat(parked.get(0).value()).contains(outcome.commentId()).doesNotContain(secret);
        assertThat(receiver.received("/parked")).hasSize(3);

        // The receiver is fixed (attempt 4 on answers 200): a replay delivers the parked event.
        assertThat(replay("parked")).isEqualTo(1);
        List<CallbackReceiver.Received> requests = awaitRequests("/parked", 4);
        assertThat(requests.get(3).header("Modstream-Event-Id"))
                .isEqualTo(WebhookEvent.eventId(outcome.commentId(), Verdict.APPROVE));
        assertSignedWith(secret, requests.get(3));

        // A second replay has nothing new to send.
        assertThat(replay("parked")).isZero();
        Thread.sleep(500);
        assertThat(receiver.received("/parked")).hasSize(4);
    }

    @Test
    void siteNeverReceivesAnotherSitesOutcomes() throws Exception {
        register("isolated-a", "/isolated-a");
        register("isolated-b", "/isolated-b");
        CommentModerated ofB = outcome("isolated-b", Verdict.APPROVE);
        publish(ofB);

        awaitRequests("/isolated-b", 1);
        Thread.sleep(500);

        assertThat(receiver.received("/isolated-a")).isEmpty();
        assertThat(json.readTree(receiver.received("/isolated-b").get(0).body())
                        .get("data")
                        .get("siteId")
                        .asString())
                .isEqualTo("isolated-b");
        assertThat(replay("isolated-a")).isZero();
    }

    @Test
    void siteWhoseWebhookWasDeletedGetsNothing() throws Exception {
        register("deleted", "/deleted");
        http.delete()
                .uri("/api/v1/webhook")
                .header("Authorization", "Bearer " + keyOf("deleted"))
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectBody(Void.class);
        publish(outcome("deleted", Verdict.APPROVE));

        Thread.sleep(1500);
        assertThat(receiver.received("/deleted")).isEmpty();
    }

    private String register(String site, String path) {
        Map<?, ?> answer = http.put()
                .uri("/api/v1/webhook")
                .header("Authorization", "Bearer " + keyOf(site))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", receiver.url(path)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) answer.get("secret");
    }

    private int replay(String site) {
        Map<?, ?> answer = http.post()
                .uri("/api/v1/webhook/replay")
                .header("Authorization", "Bearer " + keyOf(site))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((Number) answer.get("replayed")).intValue();
    }

    private List<CallbackReceiver.Received> awaitRequests(String path, int count) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> receiver.received(path).size() >= count);
        return receiver.received(path);
    }

    /** Verifies the signature as a receiver would: HMAC-SHA256 of "t.body" under the secret. */
    private static void assertSignedWith(String secret, CallbackReceiver.Received request) throws Exception {
        Matcher header = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(request.header("Modstream-Signature"));
        assertThat(header.matches()).as("signature header shape").isTrue();
        long timestamp = Long.parseLong(header.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(mac.doFinal(request.body()));
        assertThat(header.group(2)).isEqualTo(expected);
    }

    private void publish(CommentModerated outcome) {
        topics.send(Topics.outcomeTopic(outcome.verdict()), outcome.commentId(), json.writeValueAsBytes(outcome));
    }

    private static CommentModerated outcome(String site, Verdict verdict) {
        String commentId = UUID.randomUUID().toString();
        String body = "<b>Great</b> article, email me jo@example.com";
        CommentSubmitted comment = new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                commentId,
                site,
                "space-station",
                null,
                null,
                null,
                new Author("reader-1", "Ada", null, null),
                body,
                Instant.now());
        return new CommentModerated(
                CommentModerated.SCHEMA_VERSION,
                commentId,
                site,
                verdict,
                List.of(new Reason("EMAIL", "Comments may not contain e-mail addresses.", 25, 40)),
                "Great article, email me",
                "<b>Great</b> article, email me",
                site + "/v1",
                Instant.now(),
                comment);
    }

    private static CommentModerated decided(CommentModerated held, Verdict verdict) {
        return new CommentModerated(
                held.schemaVersion(),
                held.commentId(),
                held.siteId(),
                verdict,
                held.reasons(),
                held.sanitizedText(),
                held.sanitizedHtml(),
                held.policyVersion(),
                Instant.now(),
                held.comment());
    }

    static String keyOf(String site) {
        return "test-key-" + site;
    }

    private static CallbackReceiver newReceiver() {
        try {
            return new CallbackReceiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
