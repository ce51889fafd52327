package io.modstream.ingest.status;

import io.modstream.eventjson.IsoInstants;
import io.modstream.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side's topology: four global stores, one per source topic, each filled by a {@link StatusProcessor}. It has
 * no stream tasks, so an instance joins no consumer group, writes no topic, and holds every comment of the retention on
 * its own disk.
 *
 * <pre>
 * comments.submitted (keyed by author) --&gt; statuses-submitted  PENDING, re-keyed by comment id
 * comments.review                       --&gt; statuses-review     IN_REVIEW (a tombstone changes nothing)
 * comments.rejected                     --&gt; statuses-rejected   REJECTED
 * comments.approved                     --&gt; statuses-approved   APPROVED, plus each thread's feed and count
 * </pre>
 *
 * <p>A global store has exactly one source topic, and its processor runs again over that topic when the store is
 * rebuilt; so no processor writes another's store, and a read takes the most advanced status of the four
 * ({@link StatusStore}).
 */
final class ReadSideTopology {

    static final String SUBMITTED_STORE = "statuses-submitted";
    static final String REVIEW_STORE = "statuses-review";
    static final String REJECTED_STORE = "statuses-rejected";
    static final String APPROVED_STORE = "statuses-approved";

    /** Most advanced first: the order in which a read looks a comment up. */
    static final List<String> STORES_BY_RANK = List.of(APPROVED_STORE, REJECTED_STORE, REVIEW_STORE, SUBMITTED_STORE);

    private ReadSideTopology() {}

    /**
     * What the topology needs from outside.
     *
     * @param topics the source topics
     * @param retention comments submitted longer ago than this are not stored, and are purged once stored
     * @param purgeEvery how often each store looks for comments past the retention
     * @param purgeBatch at most this many comments are purged per record processed, so that a large purge does not
     *     stall the global thread; a store that had more purges again with the next record
     * @param clock the wall clock the retention is measured with
     * @param json how statuses are read and written
     * @param approved told of each comment newly added to a thread's feed, on the global thread
     * @param applied told of every record applied, also while a store is rebuilt, on the global thread
     */
    record Settings(
            SourceTopics topics,
            Duration retention,
            Duration purgeEvery,
            int purgeBatch,
            Clock clock,
            JsonMapper json,
            Consumer<CommentStatus> approved,
            Runnable applied) {}

    /**
     * The topics the stores are built from.
     *
     * @param submitted accepted comments, keyed by author
     * @param approved approvals, keyed by comment id
     * @param rejected rejections, keyed by comment id
     * @param review comments held for a moderator, keyed by comment id
     */
    record SourceTopics(String submitted, String approved, String rejected, String review) {

        static final SourceTopics DEFAULT = new SourceTopics(
                Topics.COMMENTS_SUBMITTED, Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW);
    }

    static void addTo(StreamsBuilder builder, Settings settings) {
        // Each accepted comment and each outcome is read here on every instance: their instants by hand (IsoInstants).
        JsonMapper json =
                settings.json().rebuild().addModule(IsoInstants.module()).build();
        Function<byte[], CommentStatus> pending =
                value -> CommentStatus.pending(json.readValue(value, SubmittedHead.class));
        Function<byte[], CommentStatus> outcome = value -> CommentStatus.of(json.readValue(value, OutcomeHead.class));
        SourceTopics topics = settings.topics();
        addStore(builder, SUBMITTED_STORE, topics.submitted(), pending, false, settings);
        addStore(builder, REVIEW_STORE, topics.review(), outcome, false, settings);
        addStore(builder, REJECTED_STORE, topics.rejected(), outcome, false, settings);
        addStore(builder, APPROVED_STORE, topics.approved(), outcome, true, settings);
    }

    private static void addStore(
            StreamsBuilder builder,
            String store,
            String topic,
            Function<byte[], CommentStatus> read,
            boolean feeds,
            Settings settings) {
        builder.addGlobalStore(
                // A global store is rebuilt from its source topic: it has no changelog of its own.
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.Bytes(), Serdes.ByteArray())
                        .withLoggingDisabled()
                        .withCachingDisabled(),
                topic,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(store + "-source"),
                () -> new StatusProcessor(store, read, feeds, settings));
    }
}
