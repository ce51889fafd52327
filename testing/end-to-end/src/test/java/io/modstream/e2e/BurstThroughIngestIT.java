package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.testing.kafka.KafkaTestBroker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's fairness test through the front door: one site posts 20,000 comments at once to the packaged
 * comment-ingest, another site posts one mid-burst (as soon as the first site's whole bucket is on the topic, the
 * worst moment the quota allows) and one right after, and the packaged moderation-service decides them on one real
 * broker. The pipeline itself is first come first served ({@code BurstFairnessTest} in moderation-service), so what
 * keeps the other site's comment from waiting behind the whole burst is the per-site quota at ingest, left here at its
 * defaults (application.yml: bursts of 1,000, then 100 a second).
 *
 * <p>Two bounds, each able to fail: the quota let through no more than a full bucket plus the refill over the burst's
 * duration (refusing the rest with a proper 429), which fails at once without the quota; and the other site's
 * comments were decided within 10 s of their 202, which fails if the pipeline stalls or starves them, or if far more
 * than a bucket got ahead of them. One client on two shared cores cannot post faster than the pipeline decides, so
 * without the quota the second bound alone would not notice (docs/limits.md has the figures of such a run). The
 * measured figures are printed on one line starting {@code Fairness through ingest:}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BurstThroughIngestIT {

    static final String BURSTING_SITE = "e2e-burst";
    static final String BURSTING_KEY = "e2e-burst-key";
    static final String QUIET_SITE = "e2e-quiet";
    static final String QUIET_KEY = "e2e-quiet-key";
    static final int BURST_SIZE = 20_000;
    /** As fast as one client goes without opening thousands of connections. */
    static final int IN_FLIGHT = 64;
    /** comment-ingest's default quota (application.yml), which this test deliberately leaves in force. */
    static final int DEFAULT_BURST = 1_000;

    static final int DEFAULT_PER_SECOND = 100;
    /** Tokens the bucket may have refilled between the test's clock readings and the service's. */
    static final int SLACK = 10;
    /** The other site's comment is decided within this of its 202; the documented figure is well under it. */
    static final Duration OUTCOME_BOUND = Duration.ofSeconds(10);

    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    static final Set<String> DECIDED = Set.of("APPROVED", "REJECTED", "IN_REVIEW");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ServiceProcess moderation;
    private ServiceProcess ingest;
    private OutcomeArrivals arrivals;

    @BeforeAll
    void startSystem() throws Exception {
        String broker = KafkaTestBroker.bootstrapServers();
        moderation = ServiceProcess.start(
                "moderation-service-burst",
                "modstream.moderation.jar",
                List.of("--spring.kafka.bootstrap-servers=" + broker));
        // Two sites, neither with a quota of its own: both get the defaults.
        ingest = ServiceProcess.start(
                "comment-ingest-burst",
                "modstream.ingest.jar",
                List.of(
                        "--spring.kafka.bootstrap-servers=" + broker,
                        "--modstream.ingest.sites[0].id=" + BURSTING_SITE,
                        "--modstream.ingest.sites[0].api-key-sha256=" + sha256Hex(BURSTING_KEY),
                        "--modstream.ingest.sites[1].id=" + QUIET_SITE,
                        "--modstream.ingest.sites[1].api-key-sha256=" + sha256Hex(QUIET_KEY)));
        moderation.awaitHealthy(Duration.ofSeconds(120));
        ingest.awaitHealthy(Duration.ofSeconds(120));
        arrivals = OutcomeArrivals.start(broker);
    }

    @AfterAll
    void stopSystem() throws Exception {
        if (arrivals != null) {
            arrivals.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (moderation != null) {
            moderation.close();
        }
    }

    @Test
    void anotherSitesCommentIsDecidedPromptlyAfterABurstOfTwentyThousand() throws Exception {
        Burst burst = new Burst();
        Quiet midBurst = null;
        long started = System.nanoTime();
        for (int i = 0; i < BURST_SIZE; i++) {
            burst.post(i);
            if (midBurst == null && burst.accepted.size() >= DEFAULT_BURST) {
                // The worst moment the quota allows: A's whole bucket has just gone onto the topic.
                midBurst = postQuiet("mid", burst);
            }
        }
        // Right after the last of the burst has gone out (up to IN_FLIGHT of them still unanswered).
        Quiet after = postQuiet("after", burst);
        long afterDecided = awaitDecided(after.id());
        long allAnswered = burst.awaitAnswers();
        assertThat(midBurst)
                .as("a comment of site B's posted once A's bucket was empty")
                .isNotNull();
        List<String> quietIds = List.of(midBurst.id(), after.id());
        await().atMost(LONGEST_WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> arrivals.countOf(quietIds) == quietIds.size()
                        && arrivals.countOf(burst.accepted) == burst.accepted.size());
        long drained = burst.accepted.stream()
                .mapToLong(id -> arrivals.of(id).nanoTime())
                .max()
                .orElse(allAnswered);
        long midWait = arrivals.of(midBurst.id()).nanoTime() - midBurst.accepted();
        long afterWait = arrivals.of(after.id()).nanoTime() - after.accepted();

        double burstSeconds = seconds(allAnswered - started);
        long allowed = DEFAULT_BURST + (long) Math.ceil(DEFAULT_PER_SECOND * burstSeconds) + SLACK;
        System.out.printf(
                Locale.ROOT,
                "Fairness through ingest: site A posted %,d in %,d ms (%d in flight): %,d accepted (202), %,d refused"
                        + " (429), quota allowed at most %,d; site B's comment posted once A had %,d accepted:"
                        + " outcome %,d ms after its 202, behind %,d of A's; posted right after A's last: 202 in %,d ms,"
                        + " outcome %,d ms (status API %,d ms) after its 202, behind %,d of A's; A's accepted drained"
                        + " %,d ms after A's first post (%,d ms after A's last 202)%n",
                BURST_SIZE,
                millis(allAnswered - started),
                IN_FLIGHT,
                burst.accepted.size(),
                burst.refused.get(),
                allowed,
                midBurst.burstAccepted(),
                millis(midWait),
                outcomesAhead(burst, midBurst.id()),
                millis(after.accepted() - after.sent()),
                millis(afterWait),
                millis(afterDecided - after.accepted()),
                outcomesAhead(burst, after.id()),
                millis(drained - started),
                millis(drained - burst.lastAccepted.get()));

        assertThat(burst.failures)
                .as("requests that failed or got neither 202 nor 429")
                .isEmpty();
        assertThat(burst.accepted.size() + burst.refused.get()).isEqualTo(BURST_SIZE);
        assertThat(burst.accepted.size())
                .as(
                        "the default quota: a full bucket of %d, then %d a second over %.1f s",
                        DEFAULT_BURST, DEFAULT_PER_SECOND, burstSeconds)
                .isBetween(DEFAULT_BURST, (int) allowed);
        assertThat(burst.badRefusals)
                .as("429s without Retry-After or problem+json")
                .isEmpty();
        assertThat(burst.sampleRefusals).isNotEmpty().allSatisfy(this::assertQuotaProblem);
        assertThat(Duration.ofNanos(midWait))
                .as("site B's comment posted mid-burst: its outcome committed after its 202")
                .isLessThanOrEqualTo(OUTCOME_BOUND);
        assertThat(Duration.ofNanos(afterWait))
                .as("site B's comment posted after the burst: its outcome committed after its 202")
                .isLessThanOrEqualTo(OUTCOME_BOUND);
        assertThat(Duration.ofNanos(afterDecided - after.accepted()))
                .as("site B's comment posted after the burst: decided in the status API after its 202")
                .isLessThanOrEqualTo(OUTCOME_BOUND);
    }

    /**
     * One of site B's comments: its id, when (System.nanoTime) it was sent and answered 202, and how many of A's
     * comments had been answered 202 by the time it was sent.
     */
    private record Quiet(String id, long sent, long accepted, int burstAccepted) {}

    /** Posts one comment for site B and waits for its 202 (the burst's requests in flight carry on meanwhile). */
    private Quiet postQuiet(String when, Burst burst) throws Exception {
        int burstAccepted = burst.accepted.size();
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(
                submission(QUIET_KEY, comment("quiet-reader-" + when + "-" + run, "A fair summary, thanks.")),
                HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new Quiet(json.readTree(response.body()).get("id").asString(), sent, accepted, burstAccepted);
    }

    /** How many of A's accepted comments had their outcome committed before this comment's. */
    private long outcomesAhead(Burst burst, String commentId) {
        long order = arrivals.of(commentId).order();
        return burst.accepted.stream()
                .filter(id -> arrivals.of(id).order() < order)
                .count();
    }

    /**
     * Site A's comments, each from a new reader (the author flood check would rightly hold one reader's sixth), sent
     * without waiting for the answers while at most {@link #IN_FLIGHT} are unanswered, and what came back.
     */
    private final class Burst {

        final Semaphore unanswered = new Semaphore(IN_FLIGHT);
        final Queue<String> accepted = new ConcurrentLinkedQueue<>();
        final AtomicInteger refused = new AtomicInteger();
        final Queue<String> badRefusals = new ConcurrentLinkedQueue<>();
        final Queue<String> sampleRefusals = new ConcurrentLinkedQueue<>();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicLong lastAnswer = new AtomicLong();
        final AtomicLong lastAccepted = new AtomicLong();

        void post(int i) throws InterruptedException {
            HttpRequest request = submission(
                    BURSTING_KEY,
                    comment(
                            "burst-reader-" + run + "-" + i,
                            "Comment " + i + " on the timetable change, fair enough."));
            unanswered.acquire();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                    if (error != null) {
                        failures.add("#" + i + ": " + error);
                    } else {
                        record(i, response);
                    }
                } finally {
                    unanswered.release();
                }
            });
        }

        private void record(int i, HttpResponse<String> response) {
            switch (response.statusCode()) {
                case 202 -> {
                    accepted.add(json.readTree(response.body()).get("id").asString());
                    lastAccepted.accumulateAndGet(System.nanoTime(), Math::max);
                }
                case 429 -> {
                    refused.incrementAndGet();
                    String retryAfter =
                            response.headers().firstValue("Retry-After").orElse("");
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (!retryAfter.matches("[1-9][0-9]*") || !type.startsWith("application/problem+json")) {
                        badRefusals.add("#" + i + ": Retry-After '" + retryAfter + "', Content-Type '" + type + "'");
                    }
                    if (i % 1_000 == 0) {
                        sampleRefusals.add(response.body());
                    }
                }
                default -> failures.add("#" + i + ": " + response.statusCode() + " " + response.body());
            }
        }

        /** Waits for every answer and returns when the last came. */
        long awaitAnswers() throws InterruptedException {
            assertThat(unanswered.tryAcquire(IN_FLIGHT, LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("every request of the burst answered")
                    .isTrue();
            return lastAnswer.get();
        }
    }

    private void assertQuotaProblem(String body) {
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.path("detail").asString())
                .contains("quota of 100 comments a second", "bursts of up to 1000");
    }

    /** Polls the comment's status on comment-ingest, as a site would, and returns when it was first seen decided. */
    private long awaitDecided(String commentId) throws Exception {
        HttpRequest status = HttpRequest.newBuilder(ingest.url("/api/v1/comments/" + commentId))
                .header("Authorization", "Bearer " + QUIET_KEY)
                .timeout(Duration.ofSeconds(20))
                .build();
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(status, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200
                    && DECIDED.contains(
                            json.readTree(response.body()).path("status").asString())) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Site B's comment " + commentId + " was not decided within " + LONGEST_WAIT);
    }

    private HttpRequest submission(String apiKey, String comment) {
        return HttpRequest.newBuilder(ingest.url("/api/v1/comments"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(comment))
                .build();
    }

    private String comment(String reader, String body) {
        return json.writeValueAsString(
                Map.of("threadId", "timetable-" + run, "author", Map.of("id", reader, "name", "Ada"), "body", body));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
