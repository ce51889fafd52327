package io.modstream.moderation.console;

import io.modstream.events.Author;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.TopicClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: puts comments for one site on {@code comments.submitted} and reads their approvals back. */
final class SiteComments {

    private final TopicClient topics;
    private final String siteId;
    private final JsonMapper json = JsonMapper.builder().build();

    SiteComments(TopicClient topics, String siteId) {
        this.topics = topics;
        this.siteId = siteId;
    }

    /** Submits a comment by a new author, so the duplicate and flood checks leave it alone. */
    CommentSubmitted submit(String threadTitle, String body) {
        CommentSubmitted comment = new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                siteId,
                "thread-" + UUID.randomUUID(),
                null,
                threadTitle,
                null,
                new Author("reader-" + UUID.randomUUID(), "Ada", null, null),
                body,
                Instant.now());
        topics.send(Topics.COMMENTS_SUBMITTED, comment.commentId(), json.writeValueAsBytes(comment));
        return comment;
    }

    /**
     * The committed records of {@code comments.approved} for one comment, read until there is one or 60 s have
     * passed, then on for {@code settle} so that a duplicate written just after the first shows too.
     */
    List<CommentModerated> approvals(String commentId, Duration settle) {
        Instant[] firstSeenAt = {null};
        return topics
                .read(List.of(Topics.COMMENTS_APPROVED), true, Duration.ofSeconds(60), seen -> {
                    if (firstSeenAt[0] == null && seen.stream().anyMatch(r -> commentId.equals(r.key()))) {
                        firstSeenAt[0] = Instant.now();
                    }
                    return firstSeenAt[0] != null && Instant.now().isAfter(firstSeenAt[0].plus(settle));
                })
                .stream()
                .filter(record -> commentId.equals(record.key()))
                .map(ConsumerRecord::value)
                .map(value -> json.readValue(value, CommentModerated.class))
                .toList();
    }
}
