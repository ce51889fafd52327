package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.kafka.views.TopicFollower;
import io.modstream.kafka.views.TopicView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flagged queue and the audit trail as this instance knows them, rebuilt at start by reading
 * {@code comments.review} and {@code moderation.decisions} whole, and kept current by following both.
 *
 * <p><b>Who decided first.</b> All decisions about one comment share a partition of {@code moderation.decisions}, so
 * they have one order, the same for every instance: the first decision there wins, and a later one is recorded in the
 * audit trail as not applied. A held comment leaves the queue as soon as its winning decision is read, before the
 * decision listener has published the outcome. Every instance reaches the same answer without asking another.
 *
 * <p>Memory: one entry per held comment (with its body) and one small audit entry per decision. The audit trail is
 * kept whole per comment; per moderator the latest {@value #AUDIT_PER_MODERATOR} decisions. Thread-safe: the
 * follower thread writes, request threads read.
 */
@Component
public class ReviewQueue extends TopicView {

    static final int AUDIT_PER_MODERATOR = 1000;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, AuditEntry> winners = new ConcurrentHashMap<>();
    private final Map<String, List<AuditEntry>> auditByComment = new ConcurrentHashMap<>();
    private final Map<String, Deque<AuditEntry>> auditByModerator = new ConcurrentHashMap<>();
    private final Sinks.Many<QueueEvent> events = Sinks.many().multicast().directBestEffort();
    private final JsonMapper json;
    private final TopicFollower follower;

    ReviewQueue(KafkaConnectionDetails kafka, KafkaProperties kafkaProperties, JsonMapper json) {
        super(kafkaProperties);
        this.json = json;
        this.follower = new TopicFollower(
                "review-queue",
                String.join(",", kafka.getConsumer().getBootstrapServers()),
                List.of(Topics.COMMENTS_REVIEW, Topics.MODERATION_DECISIONS),
                this::apply);
    }

    /**
     * Something that changed the queue, for the live feed.
     *
     * @param name {@code held} (the payload is the {@link QueueItem}) or {@code decided} (a {@link Decided})
     * @param siteId the comment's site
     * @param payload what to send
     */
    public record QueueEvent(String name, String siteId, Object payload) {

        static QueueEvent held(QueueItem item) {
            return new QueueEvent("held", item.siteId(), item);
        }

        static QueueEvent decided(ModeratorDecision decision) {
            return new QueueEvent(
                    "decided",
                    decision.siteId(),
                    new Decided(decision.commentId(), decision.siteId(), decision.action(), decision.moderator()));
        }
    }

    /**
     * A comment left the queue.
     *
     * @param commentId the comment
     * @param siteId its site
     * @param action what was decided
     * @param moderator who decided
     */
    public record Decided(String commentId, String siteId, Verdict action, String moderator) {}

    /** The held comments that {@code filter} accepts, oldest first. */
    public List<QueueItem> items(Predicate<QueueItem> filter) {
        List<QueueItem> items = new ArrayList<>();
        for (Pending held : pending.values()) {
            if (filter.test(held.item())) {
                items.add(held.item());
            }
        }
        items.sort(Comparator.comparing(QueueItem::heldAt).thenComparing(QueueItem::commentId));
        return items;
    }

    /** How many comments are waiting. */
    public int size() {
        return pending.size();
    }

    /** When the comment that has waited longest entered the queue; empty when nothing waits. */
    public Optional<Instant> oldestHeldAt() {
        return pending.values().stream().map(held -> held.item().heldAt()).min(Comparator.naturalOrder());
    }

    public Optional<QueueItem> item(String commentId) {
        return Optional.ofNullable(pending.get(commentId)).map(Pending::item);
    }

    /** The outcome that put {@code commentId} in the queue, while it is there. */
    public Optional<CommentModerated> held(String commentId) {
        return Optional.ofNullable(pending.get(commentId)).map(Pending::outcome);
    }

    /** A held comment: its outcome, and the view of it the API shows. */
    private record Pending(CommentModerated outcome, QueueItem item) {}

    /** The decision that took effect on {@code commentId}, if one has. */
    public Optional<AuditEntry> decision(String commentId) {
        return Optional.ofNullable(winners.get(commentId));
    }

    /** Every decision about a comment, in the order they were made. */
    public List<AuditEntry> auditOfComment(String commentId) {
        return List.copyOf(auditByComment.getOrDefault(commentId, List.of()));
    }

    /** A moderator's latest decisions, newest first. */
    public List<AuditEntry> auditOfModerator(String moderator) {
        Deque<AuditEntry> entries = auditByModerator.get(moderator);
        if (entries == null) {
            return List.of();
        }
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Changes to the queue from now on. */
    public Flux<QueueEvent> events() {
        return events.asFlux();
    }

    /**
     * Waits until the record at {@code offset} of {@code topic}-{@code partition} has been read here.
     *
     * @return false if it was not within {@code wait}
     */
    public boolean awaitRead(String topic, int partition, long offset, Duration wait) {
        return follower.awaitHandled(topic, partition, offset, wait);
    }

    /** Whether {@code decision} is the first decision about its comment. */
    public boolean isWinner(ModeratorDecision decision) {
        AuditEntry winner = winners.get(decision.commentId());
        return winner != null && winner.decisionId().equals(decision.decisionId());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.COMMENTS_REVIEW)) {
            applyHeld(record.key(), record.value());
        } else {
            applyDecision(json.readValue(record.value(), ModeratorDecision.class));
        }
    }

    private void applyHeld(String commentId, byte @Nullable [] value) {
        if (value == null) {
            // The decision listener's tombstone: the decision is applied, the comment has left for good.
            pending.remove(commentId);
            return;
        }
        CommentModerated held = json.readValue(value, CommentModerated.class);
        if (held.verdict() != Verdict.REVIEW || winners.containsKey(held.commentId())) {
            return;
        }
        QueueItem item = QueueItem.of(held);
        if (pending.put(item.commentId(), new Pending(held, item)) == null) {
            events.tryEmitNext(QueueEvent.held(item));
        }
    }

    private void applyDecision(ModeratorDecision decision) {
        boolean first = !winners.containsKey(decision.commentId());
        AuditEntry entry = AuditEntry.of(decision, first);
        auditByComment
                .computeIfAbsent(decision.commentId(), id -> new CopyOnWriteArrayList<>())
                .add(entry);
        Deque<AuditEntry> byModerator =
                auditByModerator.computeIfAbsent(decision.moderator(), name -> new ConcurrentLinkedDeque<>());
        byModerator.addLast(entry);
        while (byModerator.size() > AUDIT_PER_MODERATOR) {
            byModerator.pollFirst();
        }
        if (first) {
            winners.put(decision.commentId(), entry);
            pending.remove(decision.commentId());
            events.tryEmitNext(QueueEvent.decided(decision));
        }
    }

    @Override
    protected List<Followed> followed() {
        return List.of(follower);
    }
}
