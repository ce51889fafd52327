package io.modstream.ingest.status;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.kafka.views.TopicFollower;
import io.modstream.kafka.views.TopicView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every comment's status and every thread's approved comments, as this instance knows them: rebuilt at start by
 * reading {@code comments.submitted} and the three outcome topics whole, then followed. What this instance accepts is
 * recorded as pending at once, so its caller can ask for the status straight after the 202.
 *
 * <p><b>Why a copy per instance, not a partitioned store.</b> A Kafka Streams table would spread comments over the
 * instances and need a call between instances for every read whose key lives elsewhere. Here every instance can
 * answer every read, at the cost of memory: comments are kept for {@link StatusProperties#retention()} and at most
 * {@link StatusProperties#maxComments()} of them (about 1-2 KB each with approved text), which is also what a
 * restarted instance can rebuild from the topics. Another instance sees a new comment once it has read it, usually
 * within milliseconds.
 *
 * <p>A status only moves forward (pending, in review, decided), so it does not matter in which order the topics are
 * read. Thread-safe: the follower thread writes, request threads read.
 */
@Component
public class CommentStatuses extends TopicView {

    private final Map<String, CommentStatus> byId = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<FeedKey, CommentStatus>> approvedByThread = new ConcurrentHashMap<>();
    private final Sinks.Many<CommentStatus> approvals = Sinks.many().multicast().directBestEffort();
    private final StatusProperties limits;
    private final JsonMapper json;
    private final TopicFollower follower;
    private final Clock clock = Clock.systemUTC();

    CommentStatuses(
            StatusProperties limits, KafkaConnectionDetails kafka, KafkaProperties kafkaProperties, JsonMapper json) {
        super(kafkaProperties);
        this.limits = limits;
        this.json = json;
        this.follower = new TopicFollower(
                "comment-statuses",
                String.join(",", kafka.getConsumer().getBootstrapServers()),
                List.of(
                        Topics.COMMENTS_SUBMITTED,
                        Topics.COMMENTS_APPROVED,
                        Topics.COMMENTS_REJECTED,
                        Topics.COMMENTS_REVIEW),
                this::apply);
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
        static @org.jspecify.annotations.Nullable FeedKey parse(String eventId) {
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
     */
    public record ThreadPage(List<CommentStatus> comments, int total) {}

    /** Records a comment this instance has just published, so its status is known here at once. */
    public void accepted(CommentSubmitted comment) {
        update(CommentStatus.pending(comment));
    }

    public Optional<CommentStatus> status(String commentId) {
        return Optional.ofNullable(byId.get(commentId));
    }

    /** A page of the thread's approved comments, newest first. */
    public ThreadPage approved(String siteId, String threadId, int page, int size) {
        NavigableMap<FeedKey, CommentStatus> feed = approvedByThread.get(threadKey(siteId, threadId));
        if (feed == null) {
            return new ThreadPage(List.of(), 0);
        }
        List<CommentStatus> newestFirst = new ArrayList<>(feed.descendingMap().values());
        int from = (int) Math.min((long) page * size, newestFirst.size());
        int to = Math.min(from + size, newestFirst.size());
        return new ThreadPage(newestFirst.subList(from, to), newestFirst.size());
    }

    /** The thread's approved comments after {@code after} in the feed's order, oldest first. */
    List<CommentStatus> approvedAfter(String siteId, String threadId, FeedKey after) {
        NavigableMap<FeedKey, CommentStatus> feed = approvedByThread.get(threadKey(siteId, threadId));
        return feed == null ? List.of() : List.copyOf(feed.tailMap(after, false).values());
    }

    /** Comments approved from now on, on any site. */
    public Flux<CommentStatus> approvals() {
        return approvals.asFlux();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // the review queue's tombstone: the decision's own outcome follows on another topic
        }
        if (record.topic().equals(Topics.COMMENTS_SUBMITTED)) {
            update(CommentStatus.pending(json.readValue(record.value(), CommentSubmitted.class)));
        } else {
            update(CommentStatus.of(json.readValue(record.value(), CommentModerated.class)));
        }
    }

    private void update(CommentStatus next) {
        boolean[] moved = new boolean[1];
        byId.compute(next.id(), (id, old) -> {
            if (old == null || old.status().mayMoveTo(next.status())) {
                moved[0] = true;
                return next;
            }
            return old;
        });
        if (moved[0] && next.status() == CommentStatus.Status.APPROVED) {
            approvedByThread
                    .computeIfAbsent(threadKey(next.siteId(), next.threadId()), key -> new ConcurrentSkipListMap<>())
                    .put(FeedKey.of(next), next);
            approvals.tryEmitNext(next);
        }
    }

    /** Forgets comments past the retention, then the oldest beyond the cap. */
    @Scheduled(fixedDelayString = "PT1M")
    void forgetOld() {
        Instant horizon = clock.instant().minus(limits.retention());
        List<CommentStatus> kept = new ArrayList<>();
        for (CommentStatus status : byId.values()) {
            if (status.submittedAt().isBefore(horizon)) {
                forget(status);
            } else {
                kept.add(status);
            }
        }
        int excess = kept.size() - limits.maxComments();
        if (excess > 0) {
            kept.sort(Comparator.comparing(CommentStatus::submittedAt));
            kept.subList(0, excess).forEach(this::forget);
        }
    }

    private void forget(CommentStatus status) {
        byId.remove(status.id());
        NavigableMap<FeedKey, CommentStatus> feed = approvedByThread.get(threadKey(status.siteId(), status.threadId()));
        if (feed != null && status.status() == CommentStatus.Status.APPROVED) {
            feed.remove(FeedKey.of(status));
        }
    }

    private static String threadKey(String siteId, String threadId) {
        return siteId + "/" + threadId;
    }

    @Override
    protected List<Followed> followed() {
        return List.of(follower);
    }
}
