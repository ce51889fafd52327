package io.modstream.moderation.pipeline;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.TopicClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: puts comments on {@code comments.submitted} and reads their outcomes back. */
final class SubmittedComments {

    static final List<String> OUTCOME_TOPICS =
            List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW);

    private final TopicClient topics;
    private final JsonMapper json = JsonMapper.builder().build();

    SubmittedComments(TopicClient topics) {
        this.topics = topics;
    }

    /** A comment by a new author each time, so the duplicate and flood checks leave it alone. */
    static CommentSubmitted comment(String body) {
        return comment("reader-" + UUID.randomUUID(), body);
    }

    static CommentSubmitted comment(String authorId, String body) {
        return new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "demo-site",
                "space-station",
                null,
                null,
                null,
                new Author(authorId, "Ada", null, null),
                body,
                Instant.now());
    }

    /** Publishes {@code comment} as comment-ingest does: keyed by its author. */
    void submit(CommentSubmitted comment) {
        topics.send(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), json.writeValueAsBytes(comment));
    }

    /** Publishes {@code comment} keyed by its id, as comment-ingest did before comments were keyed by author. */
    void submitKeyedById(CommentSubmitted comment) {
        topics.send(Topics.COMMENTS_SUBMITTED, comment.commentId(), json.writeValueAsBytes(comment));
    }

    /** Committed outcomes of the given comments, read until each has at least one or 60 s have passed. */
    List<ConsumerRecord<String, String>> committedOutcomes(Set<String> commentIds) {
        return outcomes(commentIds, true, Duration.ofSeconds(60));
    }

    /** Outcomes of the given comments, read until each has at least one or {@code wait} has passed. */
    List<ConsumerRecord<String, String>> outcomes(Set<String> commentIds, boolean committedOnly, Duration wait) {
        return topics
                .read(
                        OUTCOME_TOPICS,
                        committedOnly,
                        wait,
                        seen -> seen.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(commentIds))
                .stream()
                .filter(record -> commentIds.contains(record.key()))
                .toList();
    }

    CommentModerated parse(ConsumerRecord<String, String> record) {
        return json.readValue(record.value(), CommentModerated.class);
    }
}
