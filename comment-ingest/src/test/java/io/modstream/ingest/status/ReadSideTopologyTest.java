package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Author;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The read side's topology in memory: records in, what the stores answer out. */
class ReadSideTopologyTest {

    static final Duration RETENTION = Duration.ofDays(7);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path stateDir;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<CommentStatus> live = new ArrayList<>();
    private TopologyTestDriver driver;
    private Map<String, TestInputTopic<String, byte[]>> topics;
    private StatusStore store;
    private int nextId;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        ReadSideTopology.addTo(
                builder,
                new ReadSideTopology.Settings(
                        ReadSideTopology.SourceTopics.DEFAULT,
                        RETENTION,
                        Duration.ofMinutes(1),
                        1000,
                        clock,
                        json,
                        live::add,
                        () -> {}));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "read-side-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
        topics = Stream.of(
                        Topics.COMMENTS_SUBMITTED,
                        Topics.COMMENTS_REVIEW,
                        Topics.COMMENTS_APPROVED,
                        Topics.COMMENTS_REJECTED)
                .collect(java.util.stream.Collectors.toMap(
                        topic -> topic,
                        topic -> driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())));
        store = new StatusStore(driver::getKeyValueStore, json);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** What reaches the read side, in some order. */
    enum Arrival {
        SUBMITTED,
        REVIEW,
        APPROVED,
        REJECTED
    }

    static Stream<Arguments> arrivals() {
        return Stream.of(
                Arguments.of(List.of(Arrival.SUBMITTED), CommentStatus.Status.PENDING),
                Arguments.of(List.of(Arrival.SUBMITTED, Arrival.REVIEW), CommentStatus.Status.IN_REVIEW),
                Arguments.of(List.of(Arrival.REVIEW, Arrival.SUBMITTED), CommentStatus.Status.IN_REVIEW),
                Arguments.of(List.of(Arrival.SUBMITTED, Arrival.APPROVED), CommentStatus.Status.APPROVED),
                Arguments.of(List.of(Arrival.APPROVED, Arrival.SUBMITTED), CommentStatus.Status.APPROVED),
                Arguments.of(
                        List.of(Arrival.SUBMITTED, Arrival.REVIEW, Arrival.APPROVED), CommentStatus.Status.APPROVED),
                Arguments.of(
                        List.of(Arrival.APPROVED, Arrival.REVIEW, Arrival.SUBMITTED), CommentStatus.Status.APPROVED),
                Arguments.of(
                        List.of(Arrival.REVIEW, Arrival.APPROVED, Arrival.SUBMITTED), CommentStatus.Status.APPROVED),
                Arguments.of(
                        List.of(Arrival.SUBMITTED, Arrival.REVIEW, Arrival.REJECTED), CommentStatus.Status.REJECTED),
                Arguments.of(
                        List.of(Arrival.REJECTED, Arrival.SUBMITTED, Arrival.REVIEW), CommentStatus.Status.REJECTED),
                Arguments.of(List.of(Arrival.REJECTED), CommentStatus.Status.REJECTED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("arrivals")
    void aStatusOnlyMovesForwardWhateverTheArrivalOrder(List<Arrival> order, CommentStatus.Status expected) {
        CommentSubmitted comment = comment("c-1", "site-a", "thread-1", NOW);
        for (Arrival arrival : order) {
            switch (arrival) {
                case SUBMITTED -> submit(comment);
                case REVIEW -> decide(comment, Verdict.REVIEW, NOW.plusSeconds(1));
                case APPROVED -> decide(comment, Verdict.APPROVE, NOW.plusSeconds(2));
                case REJECTED -> decide(comment, Verdict.REJECT, NOW.plusSeconds(2));
            }
        }

        assertThat(store.status("c-1"))
                .hasValueSatisfying(status -> assertThat(status.status()).isEqualTo(expected));
    }

    @Test
    void anUnknownCommentIsNotFound() {
        submit(comment("c-1", "site-a", "thread-1", NOW));

        assertThat(store.status("c-2")).isEmpty();
    }

    @Test
    void theReviewQueuesTombstoneChangesNothing() {
        CommentSubmitted comment = comment("c-1", "site-a", "thread-1", NOW);
        decide(comment, Verdict.REVIEW, NOW);
        topics.get(Topics.COMMENTS_REVIEW).pipeInput("c-1", null);

        assertThat(store.status("c-1").orElseThrow().status()).isEqualTo(CommentStatus.Status.IN_REVIEW);
    }

    @Test
    void aThreadIsPagedNewestFirstWithItsTotal() {
        List<String> ids = approveInThread("site-a", "thread-1", 5);
        approveInThread("site-a", "thread-2", 2);
        approveInThread("site-b", "thread-1", 1);

        assertThat(page("site-a", "thread-1", 0, 2)).containsExactly(ids.get(4), ids.get(3));
        assertThat(page("site-a", "thread-1", 1, 2)).containsExactly(ids.get(2), ids.get(1));
        assertThat(page("site-a", "thread-1", 2, 2)).containsExactly(ids.get(0));
        assertThat(page("site-a", "thread-1", 3, 2)).isEmpty();
        assertThat(store.approved("site-a", "thread-1", 0, 20).total()).isEqualTo(5);
        assertThat(store.approved("site-b", "thread-1", 0, 20).total()).isEqualTo(1);
        assertThat(store.approved("site-a", "nothing here", 0, 20).total()).isZero();
    }

    @Test
    void pagesByNumberSayWhetherOlderCommentsRemain() {
        approveInThread("site-a", "thread-1", 5);

        assertThat(store.approved("site-a", "thread-1", 0, 2).more()).isTrue();
        assertThat(store.approved("site-a", "thread-1", 1, 2).more()).isTrue();
        assertThat(store.approved("site-a", "thread-1", 2, 2).more()).isFalse();
        assertThat(store.approved("site-a", "thread-1", 0, 5).more()).isFalse();
    }

    @Test
    void pagesFromACursorWalkTheWholeThreadOnceNewestFirst() {
        List<String> ids = approveInThread("site-a", "thread-1", 7);
        approveInThread("site-a", "thread-10", 3); // a thread whose key extends this one's

        List<List<String>> pages = new ArrayList<>();
        CommentStatuses.ThreadPage page = store.approved("site-a", "thread-1", 0, 3);
        pages.add(ids(page));
        while (page.more()) {
            CommentStatus last = page.comments().get(page.comments().size() - 1);
            page = store.approvedBefore("site-a", "thread-1", CommentStatuses.FeedKey.of(last), 3);
            pages.add(ids(page));
        }

        assertThat(pages)
                .containsExactly(
                        List.of(ids.get(6), ids.get(5), ids.get(4)),
                        List.of(ids.get(3), ids.get(2), ids.get(1)),
                        List.of(ids.get(0)));
        assertThat(page.total()).isEqualTo(7);
    }

    /** A cursor is a place in the thread's order, not an entry: it works when its comment is gone or never was. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("placesBetweenComments")
    void aCursorIsAPlaceInTheOrder(
            String place, long approvedAtOffsetMillis, String commentId, List<Integer> expectedOlder) {
        // Five comments approved one second apart, ids "site-a/thread-1/0" to "/4" (approveInThread).
        List<String> ids = approveInThread("site-a", "thread-1", 5);
        CommentStatuses.FeedKey cursor =
                new CommentStatuses.FeedKey(NOW.toEpochMilli() + approvedAtOffsetMillis, commentId);

        List<String> older = ids(store.approvedBefore("site-a", "thread-1", cursor, 20));

        assertThat(older)
                .containsExactlyElementsOf(expectedOlder.stream().map(ids::get).toList());
    }

    static Stream<Arguments> placesBetweenComments() {
        return Stream.of(
                Arguments.of("after the newest", 10_000, "x", List.of(4, 3, 2, 1, 0)),
                Arguments.of("at the newest itself", 4_000, "site-a/thread-1/4", List.of(3, 2, 1, 0)),
                Arguments.of("same millisecond, smaller id", 4_000, "site-a/thread-1/3", List.of(3, 2, 1, 0)),
                Arguments.of("between the second and third", 1_500, "x", List.of(1, 0)),
                Arguments.of("at the oldest", 0, "site-a/thread-1/0", List.of()),
                Arguments.of("before everything", -1, "z", List.of()));
    }

    /** Regression guard for the key layout: a thread id that extends another's must not be read as part of it. */
    @Test
    void threadsWhoseIdsArePrefixesOfEachOtherStayApart() {
        approveInThread("site-a", "t", 1);
        approveInThread("site-a", "t2", 2);
        approveInThread("site-at", "2", 3);

        assertThat(store.approved("site-a", "t", 0, 20).comments()).hasSize(1);
        assertThat(store.approved("site-a", "t2", 0, 20).comments()).hasSize(2);
        assertThat(store.approved("site-at", "2", 0, 20).comments()).hasSize(3);
    }

    @Test
    void aResumeReadsWhatCameAfterTheLastEventIdOldestFirst() {
        List<String> ids = approveInThread("site-a", "thread-1", 5);
        CommentStatus second = store.status(ids.get(1)).orElseThrow();

        List<CommentStatus> after =
                store.approvedAfter("site-a", "thread-1", CommentStatuses.FeedKey.parse(second.eventId()), 100);
        List<CommentStatus> firstTwo =
                store.approvedAfter("site-a", "thread-1", CommentStatuses.FeedKey.parse(second.eventId()), 2);

        assertThat(after).extracting(CommentStatus::id).containsExactly(ids.get(2), ids.get(3), ids.get(4));
        assertThat(firstTwo).extracting(CommentStatus::id).containsExactly(ids.get(2), ids.get(3));
    }

    @Test
    void anApprovalProcessedAgainIsCountedAndSentLiveOnce() {
        CommentSubmitted comment = comment("c-1", "site-a", "thread-1", NOW);
        decide(comment, Verdict.APPROVE, NOW.plusSeconds(1));
        decide(comment, Verdict.APPROVE, NOW.plusSeconds(1));

        assertThat(store.approved("site-a", "thread-1", 0, 20).total()).isEqualTo(1);
        assertThat(live).extracting(CommentStatus::id).containsExactly("c-1");
    }

    @Test
    void commentsPastTheRetentionArePurgedWithTheirFeedEntries() {
        List<String> old = approveInThread("site-a", "thread-1", 3);
        submit(comment("pending-old", "site-a", "thread-1", NOW));

        clock.set(NOW.plus(RETENTION).plusSeconds(3600));
        List<String> recent = approveInThread("site-a", "thread-1", 1);
        submit(comment("pending-new", "site-a", "thread-1", clock.instant()));

        assertThat(old).allSatisfy(id -> assertThat(store.status(id)).isEmpty());
        assertThat(store.status("pending-old")).isEmpty();
        assertThat(store.status("pending-new")).isPresent();
        assertThat(page("site-a", "thread-1", 0, 20)).containsExactlyElementsOf(recent);
        assertThat(store.approved("site-a", "thread-1", 0, 20).total()).isEqualTo(1);
    }

    @Test
    void aCommentAlreadyPastTheRetentionIsNotStored() {
        submit(comment("ancient", "site-a", "thread-1", NOW.minus(RETENTION).minusSeconds(1)));

        assertThat(store.status("ancient")).isEmpty();
    }

    @Test
    void eachRecordTellsHowFarItsPartitionIsApplied() {
        assertThat(store.submittedApplied(0)).isEmpty();

        submit(comment("c-1", "site-a", "thread-1", NOW));
        submit(comment("c-2", "site-a", "thread-1", NOW));

        assertThat(store.submittedApplied(0)).hasValue(2);
    }

    private List<String> page(String site, String thread, int page, int size) {
        return ids(store.approved(site, thread, page, size));
    }

    private static List<String> ids(CommentStatuses.ThreadPage page) {
        return page.comments().stream().map(CommentStatus::id).toList();
    }

    /** Approves {@code count} comments in the thread, one a second, oldest first; returns their ids in that order. */
    private List<String> approveInThread(String site, String thread, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = site + "/" + thread + "/" + nextId++;
            CommentSubmitted comment = comment(id, site, thread, clock.instant());
            submit(comment);
            decide(comment, Verdict.APPROVE, clock.instant().plusSeconds(i));
            ids.add(id);
        }
        return ids;
    }

    private void submit(CommentSubmitted comment) {
        // comments.submitted is keyed by author; the read side keys by comment id itself.
        topics.get(Topics.COMMENTS_SUBMITTED)
                .pipeInput(comment.siteId() + "/" + comment.author().id(), json.writeValueAsBytes(comment));
    }

    private void decide(CommentSubmitted comment, Verdict verdict, Instant at) {
        CommentModerated outcome = new CommentModerated(
                1,
                comment.commentId(),
                comment.siteId(),
                verdict,
                List.of(),
                comment.body(),
                comment.body(),
                "default/v1",
                at,
                comment);
        topics.get(Topics.outcomeTopic(verdict)).pipeInput(comment.commentId(), json.writeValueAsBytes(outcome));
    }

    static CommentSubmitted comment(String id, String site, String thread, Instant at) {
        return new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                id,
                site,
                thread,
                null,
                null,
                null,
                new Author("reader-1", "Ada", null, null),
                "Hello " + id,
                at);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
