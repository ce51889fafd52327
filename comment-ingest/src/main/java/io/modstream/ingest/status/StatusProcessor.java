package io.modstream.ingest.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Applies one source topic's records to its global store, on the global thread (also while the store is rebuilt).
 *
 * <p>Idempotent: the first status stored for a comment stays (a comment reaches each status once), so a record
 * processed again after a crash changes nothing, and a thread's count only grows for a feed entry that was not there.
 * Each record also stores its partition's next offset, which tells a read how far this instance has got.
 *
 * <p>Global processors cannot schedule punctuations, so the purge of comments past the retention runs here, at most
 * every {@code purgeEvery}, when a record arrives; a topic that receives nothing keeps its store as it is.
 */
final class StatusProcessor implements Processor<byte[], byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(StatusProcessor.class);
    private static final byte[] NOTHING = new byte[0];

    private final String storeName;
    private final Function<byte[], CommentStatus> read;
    private final boolean feeds;
    private final ReadSideTopology.Settings settings;
    private final StatusCodec codec;
    private @Nullable ProcessorContext<Void, Void> context;
    private @Nullable KeyValueStore<Bytes, byte[]> store;
    private long nextPurgeAt;

    StatusProcessor(
            String storeName, Function<byte[], CommentStatus> read, boolean feeds, ReadSideTopology.Settings settings) {
        this.storeName = storeName;
        this.read = read;
        this.feeds = feeds;
        this.settings = settings;
        this.codec = new StatusCodec(settings.json());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        KeyValueStore<Bytes, byte[]> store = this.store;
        ProcessorContext<Void, Void> context = this.context;
        if (store == null || context == null) {
            throw new IllegalStateException("not initialised");
        }
        purgeIfDue(store);
        if (record.value() != null) {
            apply(store, record.value());
        } // else the review queue's tombstone: the decision's own outcome comes on another topic
        context.recordMetadata()
                .ifPresent(at -> store.put(StoreKeys.offset(at.partition()), StoreKeys.longValue(at.offset() + 1)));
        settings.applied().run();
    }

    private void apply(KeyValueStore<Bytes, byte[]> store, byte[] value) {
        CommentStatus status;
        try {
            status = read.apply(value);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Skipped an unreadable record in {}: {}", storeName, e.getMessage());
            return;
        }
        if (status.submittedAt().isBefore(horizon())) {
            return; // past the retention already, e.g. while a store is rebuilt from the whole topic
        }
        Bytes key = StoreKeys.status(status.id());
        // A pending status is the same bytes however often its record is applied (its id is minted when the comment is
        // accepted, and published once), so it is written again rather than looked up first: one read of the store
        // fewer for every comment taken. An outcome's first status stays.
        if (status.status() != CommentStatus.Status.PENDING && store.get(key) != null) {
            return;
        }
        byte[] stored = codec.encode(status);
        store.put(key, stored);
        store.put(StoreKeys.age(status.submittedAt(), status.id()), NOTHING);
        if (feeds && addToFeed(store, status, stored)) {
            settings.approved().accept(status);
        }
    }

    /** Adds the comment to its thread's feed; false when it was there already. */
    private static boolean addToFeed(KeyValueStore<Bytes, byte[]> store, CommentStatus status, byte[] stored) {
        Bytes feedKey = feedKey(status);
        if (store.putIfAbsent(feedKey, stored) != null) {
            return false;
        }
        Bytes countKey = StoreKeys.count(status.siteId(), status.threadId());
        byte[] count = store.get(countKey);
        store.put(countKey, StoreKeys.longValue((count == null ? 0 : StoreKeys.longOf(count)) + 1));
        return true;
    }

    private void purgeIfDue(KeyValueStore<Bytes, byte[]> store) {
        long now = settings.clock().millis();
        if (now < nextPurgeAt) {
            return;
        }
        List<Bytes> expired = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> old =
                store.range(StoreKeys.ageFrom(), StoreKeys.ageBefore(horizon().toEpochMilli()))) {
            while (old.hasNext() && expired.size() < settings.purgeBatch()) {
                expired.add(old.next().key);
            }
        }
        for (Bytes ageKey : expired) {
            forget(store, ageKey);
        }
        // A full batch may have left more behind: look again with the next record.
        nextPurgeAt = expired.size() < settings.purgeBatch()
                ? now + settings.purgeEvery().toMillis()
                : now;
        if (!expired.isEmpty()) {
            log.debug("Purged {} comments past the retention from {}", expired.size(), storeName);
        }
    }

    private void forget(KeyValueStore<Bytes, byte[]> store, Bytes ageKey) {
        Bytes key = StoreKeys.status(StoreKeys.commentIdOfAge(ageKey));
        byte[] stored = store.delete(key);
        store.delete(ageKey);
        if (feeds && stored != null) {
            CommentStatus status = codec.decode(stored);
            if (store.delete(feedKey(status)) != null) {
                Bytes countKey = StoreKeys.count(status.siteId(), status.threadId());
                byte[] count = store.get(countKey);
                long left = count == null ? 0 : StoreKeys.longOf(count) - 1;
                if (left > 0) {
                    store.put(countKey, StoreKeys.longValue(left));
                } else {
                    store.delete(countKey);
                }
            }
        }
    }

    private Instant horizon() {
        return settings.clock().instant().minus(settings.retention());
    }

    static Bytes feedKey(CommentStatus status) {
        Instant at = status.decidedAt();
        return StoreKeys.feed(status.siteId(), status.threadId(), at == null ? 0 : at.toEpochMilli(), status.id());
    }
}
