package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.moderation.authors.AuthorAction;
import io.modstream.moderation.authors.AuthorActionTaken;
import io.modstream.moderation.authors.AuthorState;
import io.modstream.moderation.review.AuditEntry;
import io.modstream.moderation.review.AuditTrail;
import io.modstream.moderation.sitepolicy.PolicyParser;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The topology in memory: records in, outcomes, dead letters and state out. No broker, milliseconds. */
class ModerationTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String SITE = "demo-site";

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordingEvents events = new RecordingEvents();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> submitted;
    private TestInputTopic<String, byte[]> decisions;
    private TestInputTopic<String, byte[]> actions;
    private Map<String, TestOutputTopic<String, String>> outcomes;
    private TestOutputTopic<byte[], byte[]> commentDeadLetters;
    private TestOutputTopic<byte[], byte[]> decisionDeadLetters;

    @BeforeEach
    void start() throws IOException {
        SitePolicy holdsFirstComment = policy("site: strict\nversion: 3\nauthors:\n  hold-first-comments: 1\n");
        SitePolicy defaults = defaultPolicy();
        ModerationTopology.Settings settings = new ModerationTopology.Settings(
                "moderation-test",
                3,
                Duration.ofHours(24),
                site -> {
                    if (site.equals("broken-site")) {
                        throw new IllegalStateException("a bug in the policy lookup");
                    }
                    return site.equals("strict-site") ? holdsFirstComment : defaults;
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                events,
                json);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "moderation-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ModerationTopology.build(settings), config);
        submitted =
                driver.createInputTopic(Topics.COMMENTS_SUBMITTED, new StringSerializer(), new ByteArraySerializer());
        decisions =
                driver.createInputTopic(Topics.MODERATION_DECISIONS, new StringSerializer(), new ByteArraySerializer());
        actions = driver.createInputTopic(AuthorActionTaken.TOPIC, new StringSerializer(), new ByteArraySerializer());
        outcomes = Map.of(
                Topics.COMMENTS_APPROVED, output(Topics.COMMENTS_APPROVED),
                Topics.COMMENTS_REJECTED, output(Topics.COMMENTS_REJECTED),
                Topics.COMMENTS_REVIEW, output(Topics.COMMENTS_REVIEW));
        commentDeadLetters = driver.createOutputTopic(
                Topics.COMMENTS_SUBMITTED_DLT, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        decisionDeadLetters = driver.createOutputTopic(
                Topics.MODERATION_DECISIONS + "-dlt", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eachCommentGetsOneOutcomeOnItsVerdictsTopicKeyedByCommentIdAndTimedWhenDecided() {
        CommentSubmitted clean = comment("ada", "Great article, thanks!");
        CommentSubmitted link = comment("bo", "Read more at https://example.com today");
        CommentSubmitted rude = comment("cy", "You idiot, read it again.");
        submit(clean);
        submit(link);
        submit(rude);

        assertThat(only(Topics.COMMENTS_APPROVED)).satisfies(record -> {
            assertThat(record.key()).isEqualTo(clean.commentId());
            assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
            CommentModerated outcome = parse(record);
            assertThat(outcome.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(outcome.comment()).isEqualTo(clean);
            assertThat(outcome.decidedAt()).isEqualTo(NOW);
        });
        assertThat(parse(only(Topics.COMMENTS_REJECTED)).reasons())
                .extracting(reason -> reason.code())
                .containsExactly(ReasonCodes.LINK);
        assertThat(parse(only(Topics.COMMENTS_REVIEW)).commentId()).isEqualTo(rude.commentId());
        assertThat(events.moderated).hasSize(3);
    }

    @Test
    void eachCommentTheTopologyDecidesReportsHowLongItWaitedSinceItsRecordWasPublishedBySite() {
        CommentSubmitted atHome = comment("daily-planet", "ada", "Keyed by author, as comment-ingest publishes it.");
        CommentSubmitted rerouted = comment("gazette", "bo", "Keyed by id, so it goes through the repartition topic.");
        submitted.pipeInput(AuthorKeys.of(atHome), bytes(atHome), NOW.minusMillis(1500));
        submitted.pipeInput(rerouted.commentId(), bytes(rerouted), NOW.minusSeconds(40));

        assertThat(events.waited).containsExactlyInAnyOrder("daily-planet PT1.5S", "gazette PT40S");
    }

    @Test
    void aModeratorsDecisionIsNoWaitInThePipelineQueue() {
        submit(comment("cy", "You idiot, read it again."));
        CommentModerated held = parse(only(Topics.COMMENTS_REVIEW));
        events.waited.clear();

        decisions.pipeInput(held.commentId(), bytes(decision(held, Verdict.REJECT, "mod-1")), NOW);

        assertThat(events.moderated).hasSize(2);
        assertThat(events.waited).isEmpty();
    }

    @Test
    void theSameAuthorRepeatingThemselvesIsCaughtBecauseTheirPostsAreInTheirState() {
        CommentSubmitted first = comment("ada", "Buy my book now, it is the best book on the station!");
        CommentSubmitted again = comment("ada", "Buy my book now, it is the best book on the station!");
        submit(first);
        submit(again);

        assertThat(only(Topics.COMMENTS_APPROVED).key()).isEqualTo(first.commentId());
        CommentModerated second = parse(only(Topics.COMMENTS_REJECTED));
        assertThat(second.commentId()).isEqualTo(again.commentId());
        assertThat(second.reasons()).extracting(reason -> reason.code()).containsExactly(ReasonCodes.DUPLICATE);

        AuthorState state = authorStore().get(AuthorKeys.of(SITE, "ada"));
        assertThat(state.recentPosts()).hasSize(2);
        assertThat(state.history().approved()).isEqualTo(1);
        assertThat(state.history().rejected()).isEqualTo(1);
    }

    @Test
    void aBanRecordedOnAuthorsActionsRejectsTheAuthorsNextComment() {
        actions.pipeInput(
                AuthorKeys.of(SITE, "troll"),
                bytes(new AuthorActionTaken(
                        1, SITE, "troll", new AuthorAction(AuthorAction.Kind.BAN, null, "spam", null), "maria", NOW)));
        submit(comment("troll", "A perfectly polite comment."));

        CommentModerated outcome = parse(only(Topics.COMMENTS_REJECTED));
        assertThat(outcome.reasons()).extracting(reason -> reason.code()).containsExactly(ReasonCodes.AUTHOR_BANNED);
        AuthorState state = authorStore().get(AuthorKeys.of(SITE, "troll"));
        assertThat(state.standing().banned()).isTrue();
        assertThat(state.standing().changedBy()).isEqualTo("maria");
        assertThat(state.history().rejected()).isEqualTo(1);
    }

    @Test
    void theSitesNewAuthorRuleHoldsOnlyTheFirstComment() {
        submit(comment("strict-site", "newcomer", "Hello everyone."));
        submit(comment("strict-site", "newcomer", "Second thought: lovely piece."));

        assertThat(parse(only(Topics.COMMENTS_REVIEW)).reasons())
                .extracting(reason -> reason.code())
                .containsExactly(ReasonCodes.NEW_AUTHOR);
        assertThat(parse(only(Topics.COMMENTS_APPROVED)).policyVersion()).isEqualTo("strict/v3");
    }

    @Test
    void aCommentThePolicyFailsOnIsHeldForAModeratorWithItsMarkupEscapedAndTheNextOneFlows() {
        CommentSubmitted broken = comment("broken-site", "ada", "<b>Hello</b> & welcome");
        CommentSubmitted next = comment("ada", "Great article, thanks!");
        submit(broken);
        submit(next);

        CommentModerated held = parse(only(Topics.COMMENTS_REVIEW));
        assertThat(held.commentId()).isEqualTo(broken.commentId());
        assertThat(held.reasons()).extracting(reason -> reason.code()).containsExactly(ReasonCodes.UNCHECKED);
        assertThat(held.sanitizedHtml()).isEqualTo("&lt;b&gt;Hello&lt;/b&gt; &amp; welcome");
        assertThat(only(Topics.COMMENTS_APPROVED).key()).isEqualTo(next.commentId());
        assertThat(events.unchecked).containsExactly("broken-site");
        assertThat(authorStore()
                        .get(AuthorKeys.of("broken-site", "ada"))
                        .history()
                        .held())
                .isEqualTo(1);
    }

    @Test
    void theFirstDecisionOnAHeldCommentPublishesItsOutcomeAndATombstoneAndLaterOnesNothing() {
        CommentSubmitted rude = comment("cy", "You idiot, read it again.");
        submit(rude);
        CommentModerated held = parse(only(Topics.COMMENTS_REVIEW));

        ModeratorDecision approve = decision(held, Verdict.APPROVE, "maria");
        ModeratorDecision reject = decision(held, Verdict.REJECT, "li");
        decisions.pipeInput(rude.commentId(), bytes(approve));
        decisions.pipeInput(rude.commentId(), bytes(reject));

        TestRecord<String, String> published = only(Topics.COMMENTS_APPROVED);
        assertThat(published.key()).isEqualTo(rude.commentId());
        CommentModerated outcome = parse(published);
        assertThat(outcome.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(outcome.reasons()).extracting(reason -> reason.code()).contains(ReasonCodes.MODERATOR);
        TestRecord<String, String> tombstone = only(Topics.COMMENTS_REVIEW);
        assertThat(tombstone.key()).isEqualTo(rude.commentId());
        assertThat(tombstone.value()).isNull();
        assertThat(text(tombstone.headers().lastHeader("modstream-decided-by"))).isEqualTo("maria");
        assertThat(outcomes.get(Topics.COMMENTS_REJECTED).isEmpty()).isTrue();
        assertThat(events.decided).extracting(ModeratorDecision::decisionId).containsExactly(approve.decisionId());

        KeyValueStore<String, AuditTrail> audit = driver.getKeyValueStore(ModerationTopology.AUDIT_STORE);
        assertThat(audit.get(rude.commentId()).entries())
                .extracting(AuditEntry::moderator, AuditEntry::applied)
                .containsExactly(tuple("maria", true), tuple("li", false));
        KeyValueStore<String, AuditTrail> byModerator =
                driver.getKeyValueStore(ModerationTopology.MODERATOR_AUDIT_STORE);
        assertThat(byModerator.get("li").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.decisionId()).isEqualTo(reject.decisionId());
            assertThat(entry.applied()).isFalse();
        });

        AuthorState author = authorStore().get(AuthorKeys.of(SITE, "cy"));
        assertThat(author.history().held()).isZero();
        assertThat(author.history().approved()).isEqualTo(1);
        assertThat(author.history().recent())
                .singleElement()
                .satisfies(recent -> assertThat(recent.verdict()).isEqualTo(Verdict.APPROVE));
    }

    @Test
    void theGlobalQueueStoreTakesInHeldCommentsAndLetsThemGoOnTheTombstoneTellingTheFeedWhoDecided() {
        CommentSubmitted rude = comment("cy", "You idiot, read it again.");
        submit(rude);
        CommentModerated held = parse(only(Topics.COMMENTS_REVIEW));
        TestInputTopic<String, byte[]> review =
                driver.createInputTopic(Topics.COMMENTS_REVIEW, new StringSerializer(), new ByteArraySerializer());
        review.pipeInput(held.commentId(), bytes(held));

        KeyValueStore<String, CommentModerated> queue = driver.getKeyValueStore(ModerationTopology.QUEUE_STORE);
        assertThat(queue.get(rude.commentId())).isEqualTo(held);
        assertThat(events.queued).containsExactly(rude.commentId());

        RecordHeaders headers = new RecordHeaders();
        headers.add("modstream-decided-action", "REJECT".getBytes(StandardCharsets.UTF_8));
        headers.add("modstream-decided-by", "li".getBytes(StandardCharsets.UTF_8));
        review.pipeInput(new TestRecord<>(rude.commentId(), null, headers, NOW));

        assertThat(queue.get(rude.commentId())).isNull();
        assertThat(events.left).containsExactly(rude.commentId() + " REJECT li");
    }

    @Test
    void unparseableCommentIsDeadLetteredByteForByteWithItsHeadersAndTheCauseAndTheNextOneFlows() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        submitted.pipeInput(new TestRecord<>("poison-key", poison, headers, NOW.minusSeconds(5)));
        CommentSubmitted next = comment("ada", "I come after the poison");
        submit(next);

        TestRecord<byte[], byte[]> letter = commentDeadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("poison-key".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(text(letter, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(text(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.COMMENTS_SUBMITTED);
        assertThat(ByteBuffer.wrap(letter.headers()
                                .lastHeader("kafka_dlt-original-offset")
                                .value())
                        .getLong())
                .isZero();
        assertThat(text(letter, "kafka_dlt-exception-fqcn")).startsWith("tools.jackson");
        assertThat(only(Topics.COMMENTS_APPROVED).key()).isEqualTo(next.commentId());
        assertThat(events.deadLettered).containsExactly(Topics.COMMENTS_SUBMITTED_DLT);
    }

    @Test
    void commentOfAnUnknownSchemaVersionIsDeadLetteredWithTheFieldsThisCodeDoesNotKnowKept() {
        String future = "{\"schemaVersion\":2,\"commentId\":\"c-2\",\"siteId\":\"demo-site\",\"threadId\":\"t\","
                + "\"author\":{\"id\":\"a\"},\"body\":\"hi\",\"submittedAt\":\"2026-12-04T11:00:00Z\","
                + "\"newField\":\"keep me\"}";
        submitted.pipeInput("c-2", future.getBytes(StandardCharsets.UTF_8));

        TestRecord<byte[], byte[]> letter = commentDeadLetters.readRecord();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(future);
        assertThat(text(letter, "kafka_dlt-exception-fqcn")).isEqualTo(InvalidCommentException.class.getName());
        assertThat(text(letter, "kafka_dlt-exception-message")).isEqualTo("unsupported schemaVersion 2");
        outcomes.values().forEach(topic -> assertThat(topic.isEmpty()).isTrue());
    }

    @Test
    void decisionThatIsNotOneIsDeadLettered() {
        decisions.pipeInput("c-1", "{\"schemaVersion\":1,\"decisionId\":\"d\"}".getBytes(StandardCharsets.UTF_8));

        TestRecord<byte[], byte[]> letter = decisionDeadLetters.readRecord();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"schemaVersion\":1,\"decisionId\":\"d\"}");
        assertThat(text(letter, "kafka_dlt-exception-message")).contains("not a decision");
    }

    @Test
    void spring_kafkaTypeHeadersOfTheInputDoNotTravelToTheOutcome() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__TypeId__", "io.modstream.events.CommentSubmitted".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        CommentSubmitted clean = comment("ada", "Nice.");
        submitted.pipeInput(new TestRecord<>(clean.commentId(), bytes(clean), headers, NOW));

        TestRecord<String, String> record = only(Topics.COMMENTS_APPROVED);
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        assertThat(text(record.headers().lastHeader("traceparent"))).isEqualTo("00-abc-def-01");
    }

    private TestOutputTopic<String, String> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
    }

    private KeyValueStore<String, AuthorState> authorStore() {
        return driver.getKeyValueStore(ModerationTopology.AUTHOR_STORE);
    }

    private TestRecord<String, String> only(String topic) {
        List<TestRecord<String, String>> records = outcomes.get(topic).readRecordsToList();
        assertThat(records).as(topic).hasSize(1);
        return records.get(0);
    }

    private void submit(CommentSubmitted comment) {
        submitted.pipeInput(comment.commentId(), bytes(comment), NOW.minusSeconds(1));
    }

    private byte[] bytes(Object value) {
        return json.writeValueAsBytes(value);
    }

    private CommentModerated parse(TestRecord<String, String> record) {
        return json.readValue(record.value(), CommentModerated.class);
    }

    private static String text(TestRecord<byte[], byte[]> record, String header) {
        return text(record.headers().lastHeader(header));
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static CommentSubmitted comment(String authorId, String body) {
        return comment(SITE, authorId, body);
    }

    private static CommentSubmitted comment(String siteId, String authorId, String body) {
        return new CommentSubmitted(
                1,
                UUID.randomUUID().toString(),
                siteId,
                "space-station",
                null,
                null,
                null,
                new Author(authorId, "Ada", null, null),
                body,
                NOW.minusSeconds(1));
    }

    private static ModeratorDecision decision(CommentModerated held, Verdict action, String moderator) {
        return new ModeratorDecision(
                1,
                UUID.randomUUID().toString(),
                held.commentId(),
                held.siteId(),
                action,
                null,
                null,
                moderator,
                NOW,
                held);
    }

    private static SitePolicy policy(String yaml) {
        return new PolicyParser().parse(yaml, "test");
    }

    private static SitePolicy defaultPolicy() throws IOException {
        try (InputStream in =
                ModerationTopologyTest.class.getClassLoader().getResourceAsStream("policies/default.yml")) {
            return policy(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Remembers what the topology reported. */
    private static final class RecordingEvents implements PipelineEvents {
        final List<CommentModerated> moderated = new java.util.ArrayList<>();
        final List<ModeratorDecision> decided = new java.util.ArrayList<>();
        final List<String> deadLettered = new java.util.ArrayList<>();
        final List<String> queued = new java.util.ArrayList<>();
        final List<String> unchecked = new java.util.ArrayList<>();

        @Override
        public void unchecked(String siteId) {
            unchecked.add(siteId);
        }

        final List<String> left = new java.util.ArrayList<>();
        final List<String> waited = new java.util.ArrayList<>();

        @Override
        public void waited(String siteId, Duration inQueue) {
            waited.add(siteId + " " + inQueue);
        }

        @Override
        public void queued(CommentModerated held) {
            queued.add(held.commentId());
        }

        @Override
        public void leftQueue(CommentModerated held, Verdict action, String moderator) {
            left.add(held.commentId() + " " + action + " " + moderator);
        }

        @Override
        public void moderated(CommentModerated outcome) {
            moderated.add(outcome);
        }

        @Override
        public void decided(ModeratorDecision decision) {
            decided.add(decision);
        }

        @Override
        public void deadLettered(String deadLetterTopic) {
            deadLettered.add(deadLetterTopic);
        }
    }
}
