package io.modstream.ingest.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.modstream.events.CommentSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every comment's status and every thread's approved comments, read from this instance's global Kafka Streams stores
 * ({@link ReadSideTopology}): on local disk (RocksDB), not in the heap, and complete on every instance.
 *
 * <p><b>Why global stores.</b> A partitioned store would spread comments over the instances and need a call to
 * another instance for every read whose key lives there (and comments.submitted is keyed by author, not by comment).
 * A global store gives every instance every comment of the retention, so any instance answers any read locally, with
 * no forwarding hop and no consumer group; the price is disk on every instance (docs/read-side.md has the size per
 * comment) and that each instance reads every record of the four topics.
 *
 * <p><b>Read after write.</b> What this instance accepts is remembered in a small bounded heap cache until its store
 * has it, so its caller sees PENDING at once. A read that finds nothing (a comment accepted by another instance a
 * moment ago) looks up where {@code comments.submitted} ends, waits, without blocking a thread, until this instance
 * has applied that far ({@link StatusProperties#readAfterWriteWait()} at most), then reads again; only then is it 404.
 *
 * <p>Thread-safe: the global thread writes the stores, request threads read them.
 */
@Component
public class CommentStatuses {

    private static final Duration POLL = Duration.ofMillis(10);

    private final ReadSideStarter streams;
    private final LiveApprovals approvals;
    private final SubmittedEnds ends;
    private final StatusProperties properties;
    private final JsonMapper json;
    private final Cache<String, CommentStatus> accepted;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile @Nullable Opened opened;

    CommentStatuses(
            ReadSideStarter streams,
            LiveApprovals approvals,
            SubmittedEnds ends,
            StatusProperties properties,
            JsonMapper json) {
        this.streams = streams;
        this.approvals = approvals;
        this.ends = ends;
        this.properties = properties;
        this.json = json;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(properties.acceptedMax())
                .expireAfterWrite(properties.acceptedFor())
                // Evictions and expiries are applied by the thread that adds a comment, in batches, instead of being
                // handed to the common pool after every few puts: the hand-over (waking a pool thread) cost more
                // than the upkeep itself, about 5 us a comment under load (docs/benchmarks.md).
                .executor(Runnable::run)
                .build();
    }

    /**
     * A comment's place in its thread's feed: approval time, then id.
     *
     * @param approvedAt epoch milliseconds of approval
     * @param commentId the comment
     */
    record FeedKey(long approvedAt, String commentId) implements Comparable<FeedKey> {

        private static final Comparator<FeedKey> ORDER =
                Comparator.comparingLong(FeedKey::approvedAt).thenComparing(FeedKey::commentId);

        /** Reads an event id of the thread stream; null when it is not one. */
        static @Nullable FeedKey parse(String eventId) {
            int dash = eventId.indexOf('-');
            if (dash <= 0 || dash == eventId.length() - 1) {
                return null;
            }
            try {
                return new FeedKey(Long.parseLong(eventId.substring(0, dash)), eventId.substring(dash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        static FeedKey of(CommentStatus approved) {
            Instant at = approved.decidedAt();
            return new FeedKey(at == null ? 0 : at.toEpochMilli(), approved.id());
        }

        @Override
        public int compareTo(FeedKey other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * A page of a thread's approved comments.
     *
     * @param comments newest first
     * @param total how many approved comments the thread has
     * @param more whether the thread has older approved comments than this page's last
     */
    public record ThreadPage(List<CommentStatus> comments, int total, boolean more) {}

    /** Records a comment this instance has just published, so its status is known here at once. */
    public void accepted(CommentSubmitted comment) {
        accepted.put(comment.commentId(), CommentStatus.pending(comment));
    }

    /**
     * The comment's status; when nothing is known of it yet, after waiting (bounded) for this instance to apply what
     * was accepted anywhere before this call.
     *
     * @throws ErrorResponseException 503 when the read side is not running and the comment is not known here
     */
    public Mono<Optional<CommentStatus>> status(String commentId) {
        Optional<CommentStatus> known = known(commentId);
        if (known.isPresent()) {
            return Mono.just(known);
        }
        return caughtUpWithSubmitted().then(Mono.fromCallable(() -> {
            Optional<CommentStatus> now = known(commentId);
            if (now.isEmpty() && store() == null) {
                throw unavailable();
            }
            return now;
        }));
    }

    /** A page of the thread's approved comments by number, newest first. */
    public ThreadPage approved(String siteId, String threadId, int page, int size) {
        return openStore().approved(siteId, threadId, page, size);
    }

    /** The thread's approved comments that come before {@code before} in the feed's order, newest first. */
    public ThreadPage approvedBefore(String siteId, String threadId, FeedKey before, int size) {
        return openStore().approvedBefore(siteId, threadId, before, size);
    }

    /** At most {@code limit} of the thread's approved comments after {@code after} in the feed's order, oldest first. */
    List<CommentStatus> approvedAfter(String siteId, String threadId, FeedKey after, int limit) {
        return openStore().approvedAfter(siteId, threadId, after, limit);
    }

    /** Comments approved from now on, on any site. */
    public Flux<CommentStatus> approvals() {
        return approvals.flux();
    }

    private Optional<CommentStatus> known(String commentId) {
        StatusStore store = store();
        Optional<CommentStatus> stored = store == null ? Optional.empty() : store.status(commentId);
        if (stored.isPresent()) {
            accepted.invalidate(commentId); // the store has it now: no need to hold it in the heap
            return stored;
        }
        return Optional.ofNullable(accepted.getIfPresent(commentId));
    }

    /**
     * Completes once this instance has applied {@code comments.submitted} up to where it ended at the call, or after
     * the configured wait, whichever comes first; at once when too many reads wait already.
     */
    private Mono<Void> caughtUpWithSubmitted() {
        if (waiting.incrementAndGet() > properties.maxWaitingReads()) {
            waiting.decrementAndGet();
            return Mono.empty();
        }
        return ends.now()
                .flatMap(endOffsets -> Flux.interval(Duration.ZERO, POLL)
                        .filter(tick -> hasApplied(endOffsets))
                        .next())
                .timeout(properties.readAfterWriteWait(), Mono.empty())
                .onErrorResume(failure -> Mono.empty())
                .doFinally(signal -> waiting.decrementAndGet())
                .then();
    }

    private boolean hasApplied(Map<Integer, Long> endOffsets) {
        StatusStore store = store();
        if (store == null) {
            return false;
        }
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0
                        || store.submittedApplied(end.getKey()).orElse(0) >= end.getValue());
    }

    private StatusStore openStore() {
        StatusStore store = store();
        if (store == null) {
            throw unavailable();
        }
        return store;
    }

    /** The stores, once Kafka Streams runs; null before (while they are restored) and after it stopped. */
    private @Nullable StatusStore store() {
        KafkaStreams kafkaStreams = streams.kafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return null;
        }
        Opened current = opened;
        if (current == null || current.streams() != kafkaStreams) {
            Map<String, ReadOnlyKeyValueStore<Bytes, byte[]>> byName = ReadSideTopology.STORES_BY_RANK.stream()
                    .collect(Collectors.toMap(Function.identity(), name -> open(kafkaStreams, name)));
            current = new Opened(kafkaStreams, new StatusStore(byName::get, json));
            opened = current;
        }
        return current.store();
    }

    private static ReadOnlyKeyValueStore<Bytes, byte[]> open(KafkaStreams kafkaStreams, String name) {
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private static ErrorResponseException unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The read side of this instance is still loading. Retry later.");
        ErrorResponseException error = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        error.getHeaders().set("Retry-After", "5");
        return error;
    }

    private record Opened(KafkaStreams streams, StatusStore store) {}
}
