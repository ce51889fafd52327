package io.modstream.moderation.activity;

import io.modstream.kafka.views.TopicFollower;
import io.modstream.kafka.views.TopicView;
import io.modstream.moderation.ModerationProperties;
import io.modstream.moderation.policy.AuthorActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every author's recent activity, kept in memory and rebuilt from {@code authors.activity} at start. A background
 * consumer follows the topic, so what other instances record arrives here too; what this instance records is visible
 * here at once. Posts older than {@code retention} and beyond {@value #MAX_POSTS} per author are dropped.
 *
 * <p>Two instances handling the same author at the same moment may each miss the other's post (their comments are
 * partitioned by comment id, not by author), so across instances the checks are best-effort; on one instance they
 * are exact. Thread-safe.
 */
@Component
public class AuthorActivityStore extends TopicView {

    public static final String TOPIC = "authors.activity";

    static final int MAX_POSTS = 50;

    private final Map<String, AuthorActivityRecord> byAuthor = new ConcurrentHashMap<>();
    private final Duration retention;
    private final JsonMapper json;
    private final TopicFollower follower;

    AuthorActivityStore(
            ModerationProperties properties,
            KafkaConnectionDetails kafka,
            KafkaProperties kafkaProperties,
            JsonMapper json) {
        super(kafkaProperties);
        this.retention = properties.activity().retention();
        this.json = json;
        this.follower = new TopicFollower(
                "author-activity",
                String.join(",", kafka.getConsumer().getBootstrapServers()),
                List.of(TOPIC),
                this::apply);
    }

    /** Forgets authors whose last post is older than the retention, so memory follows active authors only. */
    @Scheduled(fixedDelayString = "PT10M")
    void forgetInactive() {
        long since = Instant.now().minus(retention).toEpochMilli();
        byAuthor.values().removeIf(record -> latest(record) < since);
    }

    /** What {@code authorId} posted on {@code siteId} within the retention, oldest first. */
    public AuthorActivity recent(String siteId, String authorId) {
        AuthorActivityRecord record = byAuthor.get(key(siteId, authorId));
        return record == null ? AuthorActivity.NONE : record.toActivity();
    }

    /**
     * Adds a post to the author's activity and answers the record to publish on {@link #TOPIC} under
     * {@link #key(String, String)}.
     */
    public AuthorActivityRecord record(String siteId, String authorId, Instant at, String fingerprint) {
        return byAuthor.compute(key(siteId, authorId), (key, old) -> {
            List<AuthorActivityRecord.Post> posts = new ArrayList<>(old == null ? List.of() : old.posts());
            posts.add(new AuthorActivityRecord.Post(at, fingerprint));
            return new AuthorActivityRecord(1, siteId, authorId, trimmed(posts, at));
        });
    }

    public static String key(String siteId, String authorId) {
        return siteId + "/" + authorId;
    }

    private List<AuthorActivityRecord.Post> trimmed(List<AuthorActivityRecord.Post> posts, Instant now) {
        Instant since = now.minus(retention);
        List<AuthorActivityRecord.Post> kept = posts.stream()
                .filter(p -> !p.at().isBefore(since))
                .sorted(Comparator.comparing(AuthorActivityRecord.Post::at))
                .toList();
        return kept.size() > MAX_POSTS ? kept.subList(kept.size() - MAX_POSTS, kept.size()) : kept;
    }

    @Override
    protected List<Followed> followed() {
        return List.of(follower);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byAuthor.remove(record.key());
            return;
        }
        AuthorActivityRecord incoming = json.readValue(record.value(), AuthorActivityRecord.class);
        // Our own writes come back too; keep whichever knows the latest post.
        byAuthor.merge(record.key(), incoming, (mine, theirs) -> latest(theirs) >= latest(mine) ? theirs : mine);
    }

    private static long latest(AuthorActivityRecord record) {
        return record.posts().isEmpty()
                ? 0
                : record.posts().get(record.posts().size() - 1).at().toEpochMilli();
    }
}
