package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.moderation.cluster.StateReads;
import io.modstream.moderation.pipeline.ModerationTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The flagged queue and the audit trail, read from the pipeline's state stores.
 *
 * <ul>
 *   <li>The queue is the global {@value ModerationTopology#QUEUE_STORE} store: every instance holds every held
 *       comment (on disk, in RocksDB), so listing it oldest first across sites needs no other instance. It holds only
 *       what waits for a moderator; a decided comment leaves when the pipeline's tombstone reaches it.
 *   <li>The audit trail of a comment (and whether a decision came first) is in the {@value
 *       ModerationTopology#AUDIT_STORE} store of the task that owns the comment's partition; a moderator's latest
 *       decisions in the {@value ModerationTopology#MODERATOR_AUDIT_STORE} store. Both are read where they live
 *       ({@link StateReads}).
 * </ul>
 *
 * <p>Blocking (local RocksDB reads, forwarded HTTP reads): call it off the event loop. Thread-safe.
 */
@Component
public class ReviewQueue {

    private static final Duration POLL = Duration.ofMillis(50);

    private final StateReads reads;
    private final QueueFeed feed;

    ReviewQueue(StateReads reads, QueueFeed feed) {
        this.reads = reads;
        this.feed = feed;
    }

    /** The held comments that {@code filter} accepts, oldest first. */
    public List<QueueItem> items(Predicate<QueueItem> filter) {
        return held().stream()
                .map(QueueItem::of)
                .filter(filter)
                .sorted(Comparator.comparing(QueueItem::heldAt).thenComparing(QueueItem::commentId))
                .toList();
    }

    /** How many comments are waiting. */
    public int size() {
        return held().size();
    }

    /** When the comment that has waited longest entered the queue; empty when nothing waits. */
    public Optional<Instant> oldestHeldAt() {
        return held().stream().map(CommentModerated::decidedAt).min(Comparator.naturalOrder());
    }

    public Optional<QueueItem> item(String commentId) {
        return held(commentId).map(QueueItem::of);
    }

    /** The outcome that put {@code commentId} in the queue, while it is there. */
    public Optional<CommentModerated> held(String commentId) {
        return reads.local(ModerationTopology.QUEUE_STORE, commentId);
    }

    /** The decision that took effect on {@code commentId}, if one has. */
    public Optional<AuditEntry> decision(String commentId) {
        return trailOf(commentId).applied();
    }

    /** Every decision about a comment, in the order they were made. */
    public List<AuditEntry> auditOfComment(String commentId) {
        return trailOf(commentId).entries();
    }

    /** A moderator's latest decisions, newest first. */
    public List<AuditEntry> auditOfModerator(String moderator) {
        List<AuditEntry> newestFirst =
                new ArrayList<>(reads.read(ModerationTopology.MODERATOR_AUDIT_STORE, moderator, AuditTrail.class)
                        .orElse(AuditTrail.EMPTY)
                        .entries());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Waits until the pipeline has recorded the decision {@code decisionId} about {@code commentId}, and answers the
     * comment's trail then; empty if that did not happen within {@code wait}.
     */
    public Optional<AuditTrail> awaitRecorded(String commentId, String decisionId, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            AuditTrail trail = trailOf(commentId);
            if (trail.contains(decisionId)) {
                return Optional.of(trail);
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Changes to the queue from now on. */
    public Flux<QueueFeed.QueueEvent> events() {
        return feed.events();
    }

    private AuditTrail trailOf(String commentId) {
        return reads.read(ModerationTopology.AUDIT_STORE, commentId, AuditTrail.class)
                .orElse(AuditTrail.EMPTY);
    }

    /** Every held comment, in no order: one pass over this instance's copy of the queue. */
    private List<CommentModerated> held() {
        return reads.withLocalStore(
                ModerationTopology.QUEUE_STORE, (ReadOnlyKeyValueStore<String, CommentModerated> queue) -> {
                    List<CommentModerated> held = new ArrayList<>();
                    try (KeyValueIterator<String, CommentModerated> values = queue.all()) {
                        values.forEachRemaining(entry -> held.add(entry.value));
                    }
                    return held;
                });
    }
}
