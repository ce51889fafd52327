package io.modstream.moderation.authors;

import io.modstream.events.Verdict;
import io.modstream.kafka.views.KeyedState;
import io.modstream.kafka.views.TopicView;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every author's standing and history, per site, as this instance knows them: read whole from
 * {@value #STANDING_TOPIC} and {@value #HISTORY_TOPIC} at start and followed after. Changes made here are visible
 * here at once; the caller publishes the value answered, in its transaction. Thread-safe.
 */
@Component
public class Authors extends TopicView {

    /** Compacted; written by the author-action API. */
    public static final String STANDING_TOPIC = "authors.standing";

    /** Compacted; written by the pipeline and the decision listener. */
    public static final String HISTORY_TOPIC = "authors.history";

    private final KeyedState<AuthorStanding> standings;
    private final KeyedState<AuthorHistory> histories;

    Authors(KafkaConnectionDetails kafka, KafkaProperties kafkaProperties, JsonMapper json) {
        super(kafkaProperties);
        String servers = String.join(",", kafka.getConsumer().getBootstrapServers());
        this.standings = new KeyedState<>(
                "author-standing", servers, STANDING_TOPIC, AuthorStanding.class, AuthorStanding::revision, json);
        this.histories = new KeyedState<>(
                "author-history", servers, HISTORY_TOPIC, AuthorHistory.class, AuthorHistory::revision, json);
    }

    /** The key of an author's records: site and author id. */
    public static String key(String siteId, String authorId) {
        return siteId + "/" + authorId;
    }

    public AuthorStanding standing(String siteId, String authorId) {
        AuthorStanding standing = standings.get(key(siteId, authorId));
        return standing == null ? AuthorStanding.ordinary(siteId, authorId) : standing;
    }

    public AuthorHistory history(String siteId, String authorId) {
        AuthorHistory history = histories.get(key(siteId, authorId));
        return history == null ? AuthorHistory.empty(siteId, authorId) : history;
    }

    /** Applies a moderator's action; answers the standing to publish on {@value #STANDING_TOPIC}. */
    public AuthorStanding act(String siteId, String authorId, AuthorAction action, String moderator, Instant now) {
        return standings.update(
                key(siteId, authorId),
                old -> (old == null ? AuthorStanding.ordinary(siteId, authorId) : old).after(action, moderator, now));
    }

    /** Counts a newly moderated comment; answers the history to publish on {@value #HISTORY_TOPIC}. */
    public AuthorHistory moderated(
            String siteId, String authorId, String commentId, Verdict verdict, Instant at, String text) {
        return histories.update(
                key(siteId, authorId),
                old -> (old == null ? AuthorHistory.empty(siteId, authorId) : old)
                        .withNew(commentId, verdict, at, text));
    }

    /** Moves a held comment to its decided verdict; answers the history to publish on {@value #HISTORY_TOPIC}. */
    public AuthorHistory decided(String siteId, String authorId, String commentId, Verdict verdict) {
        return histories.update(
                key(siteId, authorId),
                old -> (old == null ? AuthorHistory.empty(siteId, authorId) : old).withDecided(commentId, verdict));
    }

    @Override
    protected List<Followed> followed() {
        return List.of(standings, histories);
    }
}
