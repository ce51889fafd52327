package io.modstream.ingest.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the read side's stores ({@link StoreKeys} for their layout). Every read is local: a point read per store, or
 * one range scan over a thread. Thread-safe, as the stores' read-only views are.
 */
final class StatusStore {

    private final Function<String, ReadOnlyKeyValueStore<Bytes, byte[]>> stores;
    private final StatusCodec codec;

    /** @param stores a store by name, from {@link ReadSideTopology} */
    StatusStore(Function<String, ReadOnlyKeyValueStore<Bytes, byte[]>> stores, JsonMapper json) {
        this.stores = stores;
        this.codec = new StatusCodec(json);
    }

    /** The comment's most advanced status: decided, else in review, else pending. */
    Optional<CommentStatus> status(String commentId) {
        Bytes key = StoreKeys.status(commentId);
        for (String store : ReadSideTopology.STORES_BY_RANK) {
            byte[] stored = stores.apply(store).get(key);
            if (stored != null) {
                return Optional.of(read(stored));
            }
        }
        return Optional.empty();
    }

    /**
     * A page of the thread's approved comments by number, newest first: one reverse range scan from the newest, which
     * steps over the {@code page * size} newer ones (the caller bounds how deep that may go).
     */
    CommentStatuses.ThreadPage approved(String siteId, String threadId, int page, int size) {
        return newestFirst(siteId, threadId, StoreKeys.feedEnd(siteId, threadId), (long) page * size, size);
    }

    /**
     * The {@code size} newest of the thread's approved comments that come before {@code before} in the feed's order,
     * newest first: one reverse range scan from that place, however deep in the thread it is.
     */
    CommentStatuses.ThreadPage approvedBefore(
            String siteId, String threadId, CommentStatuses.FeedKey before, int size) {
        // The range's upper end is inclusive; the comment at it (if it is still there) was on the page before.
        Bytes upTo = StoreKeys.feed(siteId, threadId, before.approvedAt(), before.commentId());
        return newestFirst(siteId, threadId, upTo, 0, size);
    }

    private CommentStatuses.ThreadPage newestFirst(String siteId, String threadId, Bytes upTo, long skip, int size) {
        ReadOnlyKeyValueStore<Bytes, byte[]> approved = stores.apply(ReadSideTopology.APPROVED_STORE);
        byte[] count = approved.get(StoreKeys.count(siteId, threadId));
        long total = count == null ? 0 : StoreKeys.longOf(count);
        List<CommentStatus> comments = new ArrayList<>(size);
        boolean more = false;
        if (skip < total) {
            try (KeyValueIterator<Bytes, byte[]> newestFirst =
                    approved.reverseRange(StoreKeys.feedOf(siteId, threadId), upTo)) {
                if (newestFirst.hasNext() && newestFirst.peekNextKey().equals(upTo)) {
                    newestFirst.next(); // an exclusive end: the cursor's own comment, or nothing (feedEnd is no key)
                }
                for (long skipped = 0; skipped < skip && newestFirst.hasNext(); skipped++) {
                    newestFirst.next();
                }
                while (comments.size() < size && newestFirst.hasNext()) {
                    comments.add(read(newestFirst.next().value));
                }
                more = newestFirst.hasNext();
            }
        }
        return new CommentStatuses.ThreadPage(comments, (int) Math.min(total, Integer.MAX_VALUE), more);
    }

    /** At most {@code limit} of the thread's approved comments after {@code after} in the feed's order, oldest first. */
    List<CommentStatus> approvedAfter(String siteId, String threadId, CommentStatuses.FeedKey after, int limit) {
        Bytes from = StoreKeys.after(StoreKeys.feed(siteId, threadId, after.approvedAt(), after.commentId()));
        List<CommentStatus> comments = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> oldestFirst =
                stores.apply(ReadSideTopology.APPROVED_STORE).range(from, StoreKeys.feedEnd(siteId, threadId))) {
            while (comments.size() < limit && oldestFirst.hasNext()) {
                comments.add(read(oldestFirst.next().value));
            }
        }
        return comments;
    }

    /** The next offset of {@code comments.submitted}'s partition that this instance will apply, if it has any. */
    OptionalLong submittedApplied(int partition) {
        byte[] next = stores.apply(ReadSideTopology.SUBMITTED_STORE).get(StoreKeys.offset(partition));
        return next == null ? OptionalLong.empty() : OptionalLong.of(StoreKeys.longOf(next));
    }

    private CommentStatus read(byte[] stored) {
        return codec.decode(stored);
    }
}
