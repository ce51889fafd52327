package io.modstream.moderation.pipeline;

import io.modstream.eventjson.IsoInstants;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Topics;
import io.modstream.moderation.authors.AuthorActionTaken;
import io.modstream.moderation.authors.AuthorStateFormat;
import io.modstream.moderation.review.AuditTrail;
import io.modstream.moderation.review.DecidedOutcomes;
import io.modstream.moderation.review.InvalidDecisionException;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderation pipeline as one Kafka Streams topology, built by a pure method (no Spring, no I/O) so that it can be
 * run in memory by {@code TopologyTestDriver}. Read top to bottom, it is the README's diagram:
 *
 * <pre>
 * comments.submitted ─ read ─┬─ unreadable ────────────────────────────────▶ comments.submitted-dlt
 *                            └─ key by site/author ─┬─ in its author's partition ─────────────┐
 *                                                   └─ elsewhere ────────────────┐             │
 * authors.actions ── read (as above, -dlt) ─ key by site/author ─┬─ home ───────── │ ──────────┤
 *                                                                └─ elsewhere ────┤             │
 * moderation.decisions ─ read ┬─ unreadable ─▶ moderation.decisions-dlt           │             │
 *                             └─ record [audit] ─┬─ by moderator (repartition) ─ keep [moderator-audit]
 *                                                └─ first wins ─┬─ outcome ▶ comments.approved / .rejected
 *                                                               ├─ tombstone ▶ comments.review
 *                                                               └─ key by site/author ─┤         │
 *                                                                                      ▼         │
 *                                                          author-events (repartition) ─────────┤
 *                                                                                                ▼
 *                                             moderate [authors] ─▶ comments.approved / .rejected / .review
 *
 * comments.review ─▶ keep [queue] (a global store: every instance holds the whole queue)
 * </pre>
 *
 * <p>Every input that changes an author's state reaches the task of the author's partition, so each author has one
 * writer. comment-ingest publishes comments keyed by author, so they are moderated in the sub-topology that reads them,
 * with no repartition; only decisions (keyed by comment id) and records published otherwise take the
 * {@value #AUTHOR_EVENTS} repartition topic ({@link KeyByAuthor}). The author's task holds the {@value #AUTHOR_STORE}
 * store (RocksDB, changelogged): standing, history and recent posts. Records from outside are read as bytes and
 * checked here, so an unreadable one goes to its topic's {@code -dlt} with its original bytes and the stream goes on.
 *
 * <p>Each partition is processed in offset order, so a comment waits behind whatever is ahead of it on its partition:
 * a burst from one site, spread over every partition by its authors, delays every other site until it has drained.
 * What bounds that is comment-ingest's per-site quota; docs/limits.md, "Fairness in the pipeline", has the figures,
 * and {@code modstream.pipeline.queue.time} shows each site's wait.
 */
public final class ModerationTopology {

    /** Each author's {@link io.modstream.moderation.authors.AuthorState}, keyed by site/author. */
    public static final String AUTHOR_STORE = "authors";

    /** Every decision about each comment, in order, the first marked applied: keyed by comment id. */
    public static final String AUDIT_STORE = "audit";

    /** Each moderator's latest decisions, keyed by moderator. */
    public static final String MODERATOR_AUDIT_STORE = "moderator-audit";

    /** Global (every instance holds all of it): the held comments, keyed by comment id, from comments.review. */
    public static final String QUEUE_STORE = "queue";

    /** The repartition topic is {@code <application.id>-author-events-repartition}. */
    static final String AUTHOR_EVENTS = "author-events";

    /** The repartition topic is {@code <application.id>-decisions-by-moderator-repartition}. */
    static final String DECISIONS_BY_MODERATOR = "decisions-by-moderator";

    private ModerationTopology() {}

    /**
     * What the topology needs from its surroundings.
     *
     * @param applicationId the Kafka Streams application id, named as the consumer group in dead letters
     * @param partitions partitions of the author-events repartition topic: the parallelism of the author tasks
     * @param activityRetention how long an author's posts are remembered for the flood and duplicate checks
     * @param policies each site's policy in force
     * @param clock the time outcomes are decided at
     * @param events told of outcomes, decisions and dead letters
     * @param json the mapper for every JSON value
     */
    public record Settings(
            String applicationId,
            int partitions,
            Duration activityRetention,
            Function<String, SitePolicy> policies,
            Clock clock,
            PipelineEvents events,
            JsonMapper json) {}

    /** The topology alone, as {@code TopologyTestDriver} takes it. */
    public static Topology build(Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, settings);
        return builder.build();
    }

    /**
     * The same with its stores in the heap instead of RocksDB: for {@link PipelineWarmUp}, whose driver commits after
     * every record, where RocksDB would flush its memtable to a file each time.
     */
    static Topology buildInMemory(Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, settings, Stores::inMemoryKeyValueStore);
        return builder.build();
    }

    /** Adds the moderation pipeline to {@code builder}. */
    public static void addTo(StreamsBuilder builder, Settings settings) {
        addTo(builder, settings, Stores::persistentKeyValueStore);
    }

    private static void addTo(
            StreamsBuilder builder, Settings settings, Function<String, KeyValueBytesStoreSupplier> store) {
        // Every comment's and outcome's instants are read and written by hand (the same text as Jackson's).
        JsonMapper json =
                settings.json().rebuild().addModule(IsoInstants.module()).build();
        Serde<String> keys = Serdes.String();
        Serde<CommentModerated> outcomes = JsonSerde.of(CommentModerated.class, json);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                store.apply(AUTHOR_STORE), keys, AuthorStateFormat.serde(compact(settings.json()))));
        Serde<AuditTrail> trails = JsonSerde.of(AuditTrail.class, json);
        builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(AUDIT_STORE), keys, trails));
        builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(MODERATOR_AUDIT_STORE), keys, trails));
        // A global store restores from its topic directly, so it needs no changelog of its own.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(store.apply(QUEUE_STORE), keys, outcomes)
                        .withLoggingDisabled(),
                Topics.COMMENTS_REVIEW,
                Consumed.with(keys, Serdes.ByteArray()).withName("queue-source"),
                () -> new KeepQueue(settings.events(), json));

        KStream<String, KeyByAuthor.Placed> comments = readable(
                        builder,
                        Topics.COMMENTS_SUBMITTED,
                        "comment",
                        CommentSubmitted.class,
                        settings,
                        json,
                        CommentChecks::problem,
                        InvalidCommentException.class)
                .process(
                        () -> new KeyByAuthor<>(settings.partitions(), AuthorKeys::of, AuthorEvent::submitted),
                        Named.as("key-comment-by-author"));

        KStream<String, RecordedDecision> recorded = readable(
                        builder,
                        Topics.MODERATION_DECISIONS,
                        "decision",
                        ModeratorDecision.class,
                        settings,
                        json,
                        ModerationTopology::decisionProblem,
                        InvalidDecisionException.class)
                .map(
                        (key, decision) -> KeyValue.pair(decision.commentId(), decision),
                        Named.as("key-decision-by-comment"))
                .processValues(() -> new RecordDecision(settings.events()), Named.as("record-decision"), AUDIT_STORE);
        recorded.map(
                        (key, decision) -> KeyValue.pair(decision.decision().moderator(), decision),
                        Named.as("key-decision-by-moderator"))
                .repartition(Repartitioned.with(keys, JsonSerde.of(RecordedDecision.class, json))
                        .withName(DECISIONS_BY_MODERATOR)
                        .withNumberOfPartitions(settings.partitions()))
                .process(KeepModeratorAudit::new, Named.as("keep-moderator-audit"), MODERATOR_AUDIT_STORE);
        KStream<String, ModeratorDecision> applied = recorded.filter(
                        (key, decision) -> decision.applied(), Named.as("first-decision-wins"))
                .mapValues(RecordedDecision::decision, Named.as("applied-decision"));
        applied.mapValues(DecidedOutcomes::of, Named.as("decided-outcome"))
                .processValues(() -> new Outgoing<CommentModerated>(settings.clock()), Named.as("decided-outgoing"))
                .peek((key, outcome) -> settings.events().moderated(outcome), Named.as("count-decided-outcome"))
                .to(
                        ModerationTopology::outcomeTopic,
                        Produced.with(keys, outcomes).withName("publish-decided-outcome"));
        applied.processValues(() -> new QueueTombstone(settings.clock()), Named.as("leave-queue"))
                .to(Topics.COMMENTS_REVIEW, Produced.with(keys, outcomes).withName("publish-queue-tombstone"));
        KStream<String, AuthorEvent> decided = applied.map(
                (key, decision) -> KeyValue.pair(AuthorEvent.keyOf(decision), AuthorEvent.decided(decision)),
                Named.as("key-decision-by-author"));

        KStream<String, KeyByAuthor.Placed> actions = readable(
                        builder,
                        AuthorActionTaken.TOPIC,
                        "author-action",
                        AuthorActionTaken.class,
                        settings,
                        json,
                        action -> null,
                        IllegalArgumentException.class)
                .process(
                        () -> new KeyByAuthor<>(settings.partitions(), AuthorEvent::keyOf, AuthorEvent::action),
                        Named.as("key-action-by-author"));

        // Comments and actions published by author (as comment-ingest and the author API do) are already at their
        // author's task; decisions, and anything published otherwise, go through the repartition topic first.
        KStream<String, AuthorEvent> rerouted = comments.filterNot(
                        (key, placed) -> placed.home(), Named.as("comment-elsewhere"))
                .merge(actions.filterNot((key, placed) -> placed.home(), Named.as("action-elsewhere")))
                .mapValues(KeyByAuthor.Placed::event, Named.as("rerouted-event"))
                .merge(decided, Named.as("merge-decided"))
                .repartition(Repartitioned.with(keys, JsonSerde.of(AuthorEvent.class, json))
                        .withName(AUTHOR_EVENTS)
                        .withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(new AuthorPartitions<>()));
        comments.filter((key, placed) -> placed.home(), Named.as("comment-at-home"))
                .merge(actions.filter((key, placed) -> placed.home(), Named.as("action-at-home")))
                .mapValues(KeyByAuthor.Placed::event, Named.as("event-at-home"))
                .merge(rerouted, Named.as("merge-rerouted"))
                .process(
                        () -> new ModerateAuthorEvents(
                                settings.policies(), settings.activityRetention(), settings.clock(), settings.events()),
                        Named.as("moderate"),
                        AUTHOR_STORE)
                .to(
                        ModerationTopology::outcomeTopic,
                        Produced.with(keys, outcomes).withName("publish-outcome"));
    }

    /**
     * The records of {@code topic} that read as {@code type} and make sense; the others go to {@code topic-dlt} as
     * they came, with the cause in headers.
     */
    private static <T> KStream<byte @Nullable [], T> readable(
            StreamsBuilder builder,
            String topic,
            String name,
            Class<T> type,
            Settings settings,
            JsonMapper json,
            Function<T, @Nullable String> problem,
            Class<? extends RuntimeException> invalid) {
        ObjectReader reader = json.readerFor(type);
        KStream<byte @Nullable [], Readable<T>> read = builder.stream(
                        topic,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-source"))
                .mapValues(raw -> Readable.<T>read(raw, reader, problem, invalid), Named.as("read-" + name));
        read.filterNot((key, value) -> value.readable(), Named.as(name + "-unreadable"))
                .processValues(
                        () -> new DeadLetters.Mark<T>(settings.applicationId(), settings.events()),
                        Named.as(name + "-dead-letter"))
                .to(topic + "-dlt", DeadLetters.produced(name + "-publish-dead-letter"));
        return read.filter((key, value) -> value.readable(), Named.as(name + "-readable"))
                .mapValues(Readable::get, Named.as(name + "-value"));
    }

    /**
     * The mapper for author state that earlier versions stored as JSON, with times as epoch milliseconds (and, before
     * that, ISO text): a store or changelog written then still restores ({@link AuthorStateFormat}).
     */
    private static JsonMapper compact(JsonMapper json) {
        return json.rebuild()
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build();
    }

    private static @Nullable String decisionProblem(ModeratorDecision decision) {
        return decision.commentId() == null || decision.held() == null || decision.action() == null
                ? "not a decision: commentId, action and held are required"
                : null;
    }

    private static String outcomeTopic(String key, CommentModerated outcome, RecordContext context) {
        return Topics.outcomeTopic(outcome.verdict());
    }
}
