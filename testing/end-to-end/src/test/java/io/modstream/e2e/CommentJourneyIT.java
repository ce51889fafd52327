package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentModerated;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A comment's whole journey through both packaged services, each in its own process, and one real broker: HTTP in
 * at comment-ingest, an outcome out of moderation-service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentJourneyIT {

    static final String API_KEY = "e2e-site-key";
    static final List<String> OUTCOME_TOPICS =
            List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private TopicClient topics;
    private ServiceProcess ingest;
    private ServiceProcess moderation;

    @BeforeAll
    void startSystem() throws Exception {
        String broker = KafkaTestBroker.bootstrapServers();
        topics = new TopicClient(broker);
        List<String> common = List.of("--spring.kafka.bootstrap-servers=" + broker);
        moderation = ServiceProcess.start("moderation-service", "modstream.moderation.jar", common);
        ingest = ServiceProcess.start(
                "comment-ingest",
                "modstream.ingest.jar",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + broker,
                        "--modstream.ingest.sites[0].id=e2e-site",
                        "--modstream.ingest.sites[0].api-key-sha256=" + sha256Hex(API_KEY)));
        moderation.awaitHealthy(Duration.ofSeconds(120));
        ingest.awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterAll
    void stopSystem() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (moderation != null) {
            moderation.close();
        }
    }

    @Test
    void cleanCommentIsApproved() throws Exception {
        CommentModerated outcome = outcomeOf(submit("Thoughtful piece on the station, thank you."));

        assertThat(outcome.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(outcome.siteId()).isEqualTo("e2e-site");
        assertThat(outcome.sanitizedText()).isEqualTo("Thoughtful piece on the station, thank you.");
    }

    @Test
    void commentWithAUrlIsRejectedWithTheUrlSpanned() throws Exception {
        String body = "More at https://example.com if you care";
        CommentModerated outcome = outcomeOf(submit(body));

        assertThat(outcome.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCodes.LINK);
            assertThat(body.substring(reason.start(), reason.end())).isEqualTo("https://example.com");
        });
    }

    @Test
    void commentWithABareDomainIsRejectedWithTheDomainSpanned() throws Exception {
        String body = "Cheap watches at example.com!";
        CommentModerated outcome = outcomeOf(submit(body));

        assertThat(outcome.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCodes.LINK);
            assertThat(body.substring(reason.start(), reason.end())).isEqualTo("example.com");
        });
    }

    @Test
    void scriptIsRemovedAndFormattingKept() throws Exception {
        CommentModerated outcome = outcomeOf(submit("<b>hi</b><script>alert(1)</script>"));

        assertThat(outcome.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(outcome.sanitizedHtml()).isEqualTo("<b>hi</b>");
        assertThat(outcome.sanitizedText()).isEqualTo("hi");
        assertThat(outcome.sanitizedHtml() + outcome.sanitizedText()).doesNotContain("script", "alert");
    }

    @Test
    void disguisedAbuseIsRejectedAndAPhoneNumberMasked() throws Exception {
        CommentModerated abuse = outcomeOf(submit("What a load of f.u.c.k-ing sh1t"));
        CommentModerated phone = outcomeOf(submit("Call the newsroom on +44 20 7946 0958 about Scunthorpe"));

        assertThat(abuse.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(abuse.reasons()).extracting(r -> r.code()).containsOnly(ReasonCodes.BANNED_TERM);
        assertThat(phone.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(phone.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.PII);
        assertThat(phone.sanitizedText()).isEqualTo("Call the newsroom on **************** about Scunthorpe");
    }

    @Test
    void badRequestsGetProblemDocuments() throws Exception {
        String valid = comment("fine");
        assertProblem(send(valid, "application/json", null), 401);
        assertProblem(send("{\"threadId\":", "application/json", API_KEY), 400);
        assertProblem(send(valid, "text/plain", API_KEY), 415);
        assertProblem(send(comment("x".repeat(70_000)), "application/json", API_KEY), 413);
        assertProblem(send(valid.replace("\"name\":\"Ada\"", "\"name\":\"\""), "application/json", API_KEY), 422);
    }

    @Test
    void retryWithTheSameIdempotencyKeyPublishesOnce() throws Exception {
        String body = comment("Posting this once, even if my backend retries.");
        String key = "e2e-retry-" + System.nanoTime();
        HttpResponse<String> first = send(body, "application/json", API_KEY, "Idempotency-Key", key);
        HttpResponse<String> second = send(body, "application/json", API_KEY, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        String id = json.readTree(first.body()).get("id").asString();
        assertThat(json.readTree(second.body()).get("id").asString()).isEqualTo(id);
        // comments.submitted is keyed by author (site/author): the author's records, then the one with this id.
        String author = json.readTree(body).path("author").path("id").asString();
        List<ConsumerRecord<String, String>> submitted =
                topics.read(List.of(Topics.COMMENTS_SUBMITTED), true, Duration.ofSeconds(3), seen -> false).stream()
                        .filter(r -> r.key() != null && r.key().endsWith("/" + author))
                        .filter(r -> id.equals(
                                json.readTree(r.value()).path("commentId").asString()))
                        .toList();
        assertThat(submitted).hasSize(1);
        // ... and it was moderated once.
        assertThat(outcomeOf(id).commentId()).isEqualTo(id);
    }

    @Test
    void poisonRecordLandsInTheDeadLetterTopicAndCommentsKeepFlowing() throws Exception {
        String poisonKey = "e2e-poison-" + System.nanoTime();
        topics.send(Topics.COMMENTS_SUBMITTED, poisonKey, "\u0000not a comment".getBytes(StandardCharsets.UTF_8));
        String after = submit("Still flowing after the poison.");

        List<ConsumerRecord<String, String>> deadLetters =
                records(List.of(Topics.COMMENTS_SUBMITTED_DLT), poisonKey, Duration.ofSeconds(60), true);
        assertThat(deadLetters).hasSize(1);
        assertThat(TopicClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .isNotBlank();
        assertThat(outcomeOf(after).verdict()).isEqualTo(Verdict.APPROVE);
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    private String submit(String body) throws Exception {
        HttpResponse<String> response = send(comment(body), "application/json", API_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("status").asString()).isEqualTo("PENDING");
        return answer.get("id").asString();
    }

    /** A new reader each time: the flood check would rightly hold one reader's sixth comment in a minute. */
    private String comment(String body) {
        String reader = "reader-" + UUID.randomUUID();
        return json.writeValueAsString(
                Map.of("threadId", "space-station", "author", Map.of("id", reader, "name", "Ada"), "body", body));
    }

    private HttpResponse<String> send(String body, String contentType, String apiKey, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.url("/api/v1/comments"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private CommentModerated outcomeOf(String commentId) {
        List<ConsumerRecord<String, String>> outcomes =
                records(OUTCOME_TOPICS, commentId, Duration.ofSeconds(60), true);
        assertThat(outcomes).as("outcomes of " + commentId).hasSize(1);
        return json.readValue(outcomes.get(0).value(), CommentModerated.class);
    }

    /** Committed records with the key; stops at the first one when {@code stopAtFirst}, else reads for {@code wait}. */
    private List<ConsumerRecord<String, String>> records(
            List<String> topicNames, String key, Duration wait, boolean stopAtFirst) {
        return topics
                .read(
                        topicNames,
                        true,
                        wait,
                        seen -> stopAtFirst && seen.stream().anyMatch(r -> key.equals(r.key())))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
