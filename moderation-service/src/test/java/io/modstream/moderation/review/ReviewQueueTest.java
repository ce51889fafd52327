package io.modstream.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderators' queue over HTTP against a real broker: held comments are listed with their spans, decisions are
 * applied exactly once with the first one winning, site scoping holds, author actions reach the next comment, and a
 * fresh instance rebuilds the same queue from Kafka. Every test uses sites of its own, so comments other tests leave
 * on the shared broker do not disturb it.
 */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=review-queue-test",
            // BCrypt of "test-password" for everyone
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-q,site-authors,site-new,site-filter",
            "modstream.moderation.users[1].username=bob",
            "modstream.moderation.users[1].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[1].roles=MODERATOR",
            "modstream.moderation.users[1].sites=site-q",
            "modstream.moderation.users[2].username=carol",
            "modstream.moderation.users[2].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[2].roles=MODERATOR,ADMIN",
            "modstream.moderation.users[2].sites=site-other",
            "modstream.moderation.users[3].username=dana",
            "modstream.moderation.users[3].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[3].roles=ADMIN",
            "modstream.moderation.users[3].sites=site-q"
        })
class ReviewQueueTest {

    private static final String PASSWORD = "test-password";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ReviewQueue queue;

    @Autowired
    StreamsBuilderFactoryBean pipeline;

    @Autowired
    KafkaProperties kafkaProperties;

    private WebTestClient http;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        Path policies = Files.createTempDirectory("review-policies");
        Files.writeString(policies.resolve("site-new.yml"), """
                site: site-new
                version: 1
                authors:
                  hold-first-comments: 2
                """);
        registry.add("modstream.moderation.policies.directory", policies::toString);
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(WAIT)
                .build();
    }

    @Test
    void theQueuesGlobalConsumerWaitsAtMost100MillisecondsForAFetch() {
        // What Kafka Streams hands the global consumer that restores and follows the queue: at the default (500 ms)
        // every start waits about half a second per partition of comments.review (application.yml).
        Map<String, Object> global =
                new StreamsConfig(pipeline.getStreamsConfiguration()).getGlobalConsumerConfigs("queue-test");

        assertThat(String.valueOf(global.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)))
                .isEqualTo("100");
    }

    @Test
    void theFirstDecisionWinsAndIsAppliedExactlyOnce() {
        CommentSubmitted comment = submit("site-q", "reader-" + UUID.randomUUID(), "You idiot, read the article.");
        JsonNode item = awaitQueued("alice", "site-q", comment.commentId());

        JsonNode reason = item.get("reasons").get(0);
        assertThat(reason.get("code").asString()).isEqualTo(ReasonCodes.SUSPECT_TERM);
        assertThat(item.get("body")
                        .asString()
                        .substring(
                                reason.get("start").asInt(), reason.get("end").asInt()))
                .isEqualTo("idiot");
        assertThat(item.get("policyVersion").asString()).isEqualTo("default/v1");

        decide("alice", "site-q", comment.commentId(), "APPROVE", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.moderator")
                .isEqualTo("alice")
                .jsonPath("$.action")
                .isEqualTo("APPROVE");
        decide("bob", "site-q", comment.commentId(), "REJECT", "Rude.")
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Already approved by alice.")
                .jsonPath("$.decidedBy")
                .isEqualTo("alice")
                .jsonPath("$.decidedAction")
                .isEqualTo("APPROVE");

        // The tombstone and the outcome commit together, but a reader can fetch one partition before the other: wait
        // for both (a missing outcome still fails below, after the wait).
        List<ConsumerRecord<String, String>> outcomes = outcomesOf(
                comment.commentId(),
                records -> records.stream().anyMatch(r -> r.value() == null)
                        && records.stream().anyMatch(r -> r.topic().equals(Topics.COMMENTS_APPROVED)));
        List<CommentModerated> decided = outcomes.stream()
                .filter(r -> !r.topic().equals(Topics.COMMENTS_REVIEW))
                .map(r -> json.readValue(r.value(), CommentModerated.class))
                .toList();
        assertThat(decided).hasSize(1);
        assertThat(outcomes)
                .filteredOn(r -> r.topic().equals(Topics.COMMENTS_APPROVED))
                .hasSize(1);
        assertThat(decided.get(0).verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(decided.get(0).reasons())
                .extracting(io.modstream.events.Reason::code)
                .containsExactly(ReasonCodes.SUSPECT_TERM, ReasonCodes.MODERATOR);
        // The held outcome, then the tombstone that takes it out of the compacted queue topic.
        assertThat(outcomes)
                .filteredOn(r -> r.topic().equals(Topics.COMMENTS_REVIEW))
                .extracting(ConsumerRecord::value)
                .hasSize(2)
                .last()
                .isNull();

        assertThat(queue.item(comment.commentId())).isEmpty();

        // Bob's 409 came from this instance's view, before anything was written. Another instance that had not yet
        // read Alice's decision would have written Bob's: it is recorded, and changes nothing.
        ModeratorDecision late = new ModeratorDecision(
                1,
                UUID.randomUUID().toString(),
                comment.commentId(),
                "site-q",
                Verdict.REJECT,
                "Rude.",
                null,
                "bob",
                Instant.now(),
                outcomes.stream()
                        .filter(r -> r.topic().equals(Topics.COMMENTS_REVIEW) && r.value() != null)
                        .map(r -> json.readValue(r.value(), CommentModerated.class))
                        .findFirst()
                        .orElseThrow());
        topics.send(Topics.MODERATION_DECISIONS, comment.commentId(), json.writeValueAsBytes(late));
        await().atMost(WAIT)
                .until(() -> queue.auditOfComment(comment.commentId()).size() == 2);
        http.get()
                .uri("/api/v1/sites/site-q/comments/" + comment.commentId() + "/audit")
                .headers(h -> h.setBasicAuth("bob", PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].moderator")
                .isEqualTo("alice")
                .jsonPath("$[0].applied")
                .isEqualTo(true)
                .jsonPath("$[0].policyVersion")
                .isEqualTo("default/v1")
                .jsonPath("$[1].moderator")
                .isEqualTo("bob")
                .jsonPath("$[1].applied")
                .isEqualTo(false)
                .jsonPath("$[1].reason")
                .isEqualTo("Rude.");
        // Once the pipeline has committed past Bob's record, still only Alice's outcome exists.
        awaitPipelinePast(late.decisionId());
        List<ConsumerRecord<String, String>> after = topics.read(
                List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED),
                true,
                Duration.ofSeconds(3),
                seen -> false);
        assertThat(after).filteredOn(r -> comment.commentId().equals(r.key())).hasSize(1);

        // A site admin reads a moderator's trail; the moderator reads their own; another moderator does not.
        http.get()
                .uri("/api/v1/sites/site-q/moderators/alice/audit")
                .headers(h -> h.setBasicAuth("dana", PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].commentId")
                .isEqualTo(comment.commentId());
        http.get()
                .uri("/api/v1/sites/site-q/moderators/alice/audit")
                .headers(h -> h.setBasicAuth("bob", PASSWORD))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
    }

    @Test
    void theQueueIsFilteredByReasonAndAgeAndPagedOldestFirst() {
        CommentSubmitted first = submit("site-filter", "reader-" + UUID.randomUUID(), "You idiot.");
        awaitQueued("alice", "site-filter", first.commentId());
        CommentSubmitted second = submit("site-filter", "reader-" + UUID.randomUUID(), "Wowwwwwwwwwwwwwwwww, great");
        awaitQueued("alice", "site-filter", second.commentId());
        CommentSubmitted third = submit("site-filter", "reader-" + UUID.randomUUID(), "What a moron.");
        awaitQueued("alice", "site-filter", third.commentId());

        assertThat(ids(queuePage("alice", "&site=site-filter")))
                .containsExactly(first.commentId(), second.commentId(), third.commentId());
        assertThat(ids(queuePage("alice", "&site=site-filter&reason=SPAM"))).containsExactly(second.commentId());
        assertThat(ids(queuePage("alice", "&site=site-filter&minAgeSeconds=3600")))
                .isEmpty();

        JsonNode firstPage = pageOf("&site=site-filter&size=2&page=0");
        JsonNode secondPage = pageOf("&site=site-filter&size=2&page=1");
        assertThat(ids(firstPage)).containsExactly(first.commentId(), second.commentId());
        assertThat(ids(secondPage)).containsExactly(third.commentId());
        assertThat(firstPage.get("total").asInt()).isEqualTo(3);
        http.get()
                .uri("/api/v1/queue?size=1000")
                .headers(h -> h.setBasicAuth("alice", PASSWORD))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    private JsonNode pageOf(String query) {
        byte[] body = http.get()
                .uri("/api/v1/queue?" + query.substring(1))
                .headers(h -> h.setBasicAuth("alice", PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(item -> item.get("commentId").asString())
                .toList();
    }

    @Test
    void aModeratorOfAnotherSiteNeitherSeesNorDecides() {
        CommentSubmitted comment = submit("site-q", "reader-" + UUID.randomUUID(), "What a moron take.");
        awaitQueued("alice", "site-q", comment.commentId());

        JsonNode carolsQueue = queuePage("carol", "");
        assertThat(carolsQueue
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("siteId").asString()))
                .doesNotContain("site-q");
        http.get()
                .uri("/api/v1/sites/site-q/queue/" + comment.commentId())
                .headers(h -> h.setBasicAuth("carol", PASSWORD))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        decide("carol", "site-q", comment.commentId(), "APPROVE", null)
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        // Asking for it under her own site does not work either.
        decide("carol", "site-other", comment.commentId(), "APPROVE", null)
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        assertThat(queue.item(comment.commentId())).isPresent();
    }

    @Test
    void aBulkDecisionRejectsASelection() {
        String author = "reader-" + UUID.randomUUID();
        CommentSubmitted first = submit("site-q", author, "You idiot.");
        CommentSubmitted second = submit("site-q", "reader-" + UUID.randomUUID(), "Total moron, this writer.");
        awaitQueued("alice", "site-q", first.commentId());
        awaitQueued("alice", "site-q", second.commentId());

        http.post()
                .uri("/api/v1/sites/site-q/decisions")
                .headers(h -> h.setBasicAuth("alice", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "commentIds",
                        List.of(first.commentId(), second.commentId(), "no-such-comment"),
                        "action",
                        "REJECT",
                        "reason",
                        "Please keep it civil."))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.results[*].status")
                .isEqualTo(List.of("DECIDED", "DECIDED", "NOT_FOUND"));

        for (CommentSubmitted comment : List.of(first, second)) {
            List<ConsumerRecord<String, String>> outcomes = outcomesOf(
                    comment.commentId(),
                    records -> records.stream().anyMatch(r -> r.topic().equals(Topics.COMMENTS_REJECTED)));
            CommentModerated rejected = outcomes.stream()
                    .filter(r -> r.topic().equals(Topics.COMMENTS_REJECTED))
                    .map(r -> json.readValue(r.value(), CommentModerated.class))
                    .findFirst()
                    .orElseThrow();
            assertThat(rejected.reasons()).last().satisfies(reason -> {
                assertThat(reason.code()).isEqualTo(ReasonCodes.MODERATOR);
                assertThat(reason.message()).isEqualTo("Please keep it civil.");
            });
        }
        // The author's record followed the decision.
        await().atMost(WAIT)
                .untilAsserted(() -> http.get()
                        .uri("/api/v1/sites/site-q/authors/" + author)
                        .headers(h -> h.setBasicAuth("alice", PASSWORD))
                        .exchange()
                        .expectBody()
                        .jsonPath("$.history.rejected")
                        .isEqualTo(1)
                        .jsonPath("$.history.held")
                        .isEqualTo(0)
                        .jsonPath("$.history.recent[0].verdict")
                        .isEqualTo("REJECT"));
    }

    @Test
    void authorActionsReachTheNextComment() {
        String banned = "reader-" + UUID.randomUUID();
        CommentSubmitted pending = submit("site-authors", banned, "You idiot.");
        awaitQueued("alice", "site-authors", pending.commentId());
        act("alice", "site-authors", banned, Map.of("action", "BAN", "note", "Spam wave", "rejectPending", true))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.standing.banned")
                .isEqualTo(true)
                .jsonPath("$.rejectedPending")
                .isEqualTo(1);
        assertThat(verdictOf(pending)).isEqualTo(Verdict.REJECT);
        CommentModerated afterBan = outcome(submit("site-authors", banned, "A perfectly polite remark."));
        assertThat(afterBan.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(afterBan.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.AUTHOR_BANNED);

        String trusted = "reader-" + UUID.randomUUID();
        act("alice", "site-authors", trusted, Map.of("action", "TRUST"))
                .expectStatus()
                .isOk()
                .expectBody(Void.class);
        CommentModerated fromTrusted = outcome(submit("site-authors", trusted, "You idiot, you are right."));
        assertThat(fromTrusted.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(fromTrusted.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.SUSPECT_TERM);

        String watched = "reader-" + UUID.randomUUID();
        act("alice", "site-authors", watched, Map.of("action", "PREMODERATE"))
                .expectStatus()
                .isOk()
                .expectBody(Void.class);
        CommentModerated fromWatched = outcome(submit("site-authors", watched, "A perfectly polite remark."));
        assertThat(fromWatched.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(fromWatched.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.PREMODERATED);

        String suspended = "reader-" + UUID.randomUUID();
        act("alice", "site-authors", suspended, Map.of("action", "SUSPEND"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(Void.class);
        act("alice", "site-authors", suspended, Map.of("action", "SUSPEND", "duration", "P2D"))
                .expectStatus()
                .isOk()
                .expectBody(Void.class);
        CommentModerated fromSuspended = outcome(submit("site-authors", suspended, "A perfectly polite remark."));
        assertThat(fromSuspended.reasons()).extracting(r -> r.code()).containsExactly(ReasonCodes.AUTHOR_SUSPENDED);
        // Another site's moderator cannot act on this site's authors.
        act("carol", "site-authors", suspended, Map.of("action", "RESET"))
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
    }

    @Test
    void aSiteCanHoldANewAuthorsFirstComments() {
        String author = "reader-" + UUID.randomUUID();
        List<Verdict> verdicts = List.of(
                        "First time here, lovely piece.",
                        "Second thought: the graph is great.",
                        "Third: thanks for the follow-up.")
                .stream()
                .map(body -> outcome(submit("site-new", author, body)).verdict())
                .toList();
        assertThat(verdicts).containsExactly(Verdict.REVIEW, Verdict.REVIEW, Verdict.APPROVE);
    }

    @Test
    void aPipelineRestartedWithoutItsLocalStateRebuildsTheSameQueueAndAuditFromKafka() throws Exception {
        CommentSubmitted kept = submit("site-q", "reader-" + UUID.randomUUID(), "Such a moron.");
        CommentSubmitted decided = submit("site-q", "reader-" + UUID.randomUUID(), "You idiot, again.");
        awaitQueued("alice", "site-q", kept.commentId());
        awaitQueued("alice", "site-q", decided.commentId());
        decide("bob", "site-q", decided.commentId(), "REJECT", null)
                .expectStatus()
                .isOk()
                .expectBody(Void.class);
        Predicate<QueueItem> siteQ = item -> item.siteId().equals("site-q");
        await().atMost(WAIT).until(() -> queue.item(decided.commentId()).isEmpty());
        List<QueueItem> before = queue.items(siteQ);

        // As a new instance on an empty disk would: the stores come back from comments.review and the changelogs.
        pipeline.stop();
        Path stateDir = Path.of(kafkaProperties.getStreams().getStateDir());
        FileSystemUtils.deleteRecursively(stateDir);
        assertThat(stateDir).doesNotExist();
        pipeline.start();

        await().atMost(WAIT)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(queue.items(siteQ)).isEqualTo(before));
        assertThat(queue.items(siteQ)).extracting(QueueItem::commentId).contains(kept.commentId());
        assertThat(queue.item(decided.commentId())).isEmpty();
        assertThat(queue.decision(decided.commentId()))
                .hasValueSatisfying(d -> assertThat(d.moderator()).isEqualTo("bob"));
    }

    @Test
    void theConsoleSessionNeedsTheCsrfTokenToChangeAnything() {
        EntityExchangeResult<byte[]> first =
                http.get().uri("/actuator/health").exchange().expectBody().returnResult();
        ResponseCookie csrf = first.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.isSecure()).isTrue();

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "alice");
        form.add("password", PASSWORD);
        form.add("_csrf", csrf.getValue());
        EntityExchangeResult<byte[]> signIn = http.post()
                .uri("/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/")
                .expectBody()
                .returnResult();
        ResponseCookie session = signIn.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");

        http.get()
                .uri("/api/v1/me")
                .cookie("SESSION", session.getValue())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("alice");
        String body = "{\"action\":\"APPROVE\"}";
        http.post()
                .uri("/api/v1/sites/site-q/queue/no-such-comment/decision")
                .cookie("SESSION", session.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);
        // The sign-in form needs the token too.
        http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=alice&password=" + PASSWORD)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);
        http.post()
                .uri("/api/v1/sites/site-q/queue/no-such-comment/decision")
                .cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", csrf.getValue())
                .header("X-XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
        // Pages send an unsigned-in browser to the sign-in page; the API answers 401 without a Basic prompt for
        // the console.
        http.get()
                .uri("/console/")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/login.html")
                .expectBody(Void.class);
        http.get()
                .uri("/console/login.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Content-Security-Policy", ".*script-src 'self';.*frame-ancestors 'none'.*")
                .expectBody(Void.class);
        http.get()
                .uri("/api/v1/queue")
                .header("X-Modstream-Console", "1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist("WWW-Authenticate")
                .expectBody(Void.class);
    }

    /** Waits until the pipeline (its consumer group) has committed past the decision with {@code decisionId}. */
    private void awaitPipelinePast(String decisionId) {
        ConsumerRecord<String, String> record = topics
                .read(
                        List.of(Topics.MODERATION_DECISIONS),
                        true,
                        WAIT,
                        seen -> seen.stream().anyMatch(r -> r.value().contains(decisionId)))
                .stream()
                .filter(r -> r.value().contains(decisionId))
                .findFirst()
                .orElseThrow();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            await().atMost(WAIT).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("review-queue-test")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private CommentSubmitted submit(String siteId, String authorId, String body) {
        CommentSubmitted comment = new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                siteId,
                "thread-1",
                null,
                "A thread",
                null,
                new Author(authorId, "Reader", null, null),
                body,
                Instant.now());
        topics.send(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), json.writeValueAsBytes(comment));
        return comment;
    }

    private JsonNode queuePage(String user, String query) {
        byte[] body = http.get()
                .uri("/api/v1/queue?size=200" + query)
                .headers(h -> h.setBasicAuth(user, PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body);
    }

    private JsonNode awaitQueued(String user, String siteId, String commentId) {
        return await().atMost(WAIT)
                .until(
                        () -> queuePage(user, "&site=" + siteId)
                                .get("items")
                                .valueStream()
                                .filter(item -> item.get("commentId").asString().equals(commentId))
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
    }

    private WebTestClient.ResponseSpec decide(
            String user, String siteId, String commentId, String action, String reason) {
        return http.post()
                .uri("/api/v1/sites/" + siteId + "/queue/" + commentId + "/decision")
                .headers(h -> h.setBasicAuth(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(reason == null ? Map.of("action", action) : Map.of("action", action, "reason", reason))
                .exchange();
    }

    private WebTestClient.ResponseSpec act(String user, String siteId, String authorId, Map<String, Object> action) {
        return http.post()
                .uri("/api/v1/sites/" + siteId + "/authors/" + authorId + "/actions")
                .headers(h -> h.setBasicAuth(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(action)
                .exchange();
    }

    private List<ConsumerRecord<String, String>> outcomesOf(
            String commentId, Predicate<List<ConsumerRecord<String, String>>> until) {
        List<ConsumerRecord<String, String>> records = topics.read(
                List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW),
                true,
                WAIT,
                seen -> until.test(
                        seen.stream().filter(r -> commentId.equals(r.key())).toList()));
        return records.stream().filter(r -> commentId.equals(r.key())).toList();
    }

    /** The first outcome of a comment. */
    private CommentModerated outcome(CommentSubmitted comment) {
        return outcomesOf(comment.commentId(), records -> !records.isEmpty()).stream()
                .findFirst()
                .map(r -> json.readValue(r.value(), CommentModerated.class))
                .orElseThrow(() -> new AssertionError("no outcome for " + comment.commentId()));
    }

    /** The verdict a comment ends with: its decision if a moderator decided, else its first outcome. */
    private Verdict verdictOf(CommentSubmitted comment) {
        return outcomesOf(
                        comment.commentId(),
                        records -> records.stream().anyMatch(r -> !r.topic().equals(Topics.COMMENTS_REVIEW)))
                .stream()
                .filter(r -> !r.topic().equals(Topics.COMMENTS_REVIEW))
                .findFirst()
                .map(r -> json.readValue(r.value(), CommentModerated.class).verdict())
                .orElseThrow();
    }
}
