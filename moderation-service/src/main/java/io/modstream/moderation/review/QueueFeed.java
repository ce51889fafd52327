package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Verdict;
import io.modstream.moderation.pipeline.PipelineEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live feed of this instance's copy of the queue: the pipeline's global queue store tells it of every comment
 * that enters or leaves, and the console's server-sent events follow it. Best effort: a subscriber too slow to keep up
 * misses events and re-reads the queue when it reconnects.
 */
@Component
public class QueueFeed implements PipelineEvents {

    private final Sinks.Many<QueueEvent> events = Sinks.many().multicast().directBestEffort();

    /**
     * Something that changed the queue.
     *
     * @param name {@code held} (the payload is the {@link QueueItem}) or {@code decided} (a {@link Decided})
     * @param siteId the comment's site
     * @param payload what to send
     */
    public record QueueEvent(String name, String siteId, Object payload) {}

    /**
     * A comment left the queue.
     *
     * @param commentId the comment
     * @param siteId its site
     * @param action what was decided; null when not known
     * @param moderator who decided; null when not known
     */
    public record Decided(
            String commentId,
            String siteId,
            @Nullable Verdict action,
            @Nullable String moderator) {}

    /** Changes to the queue from now on. */
    public Flux<QueueEvent> events() {
        return events.asFlux();
    }

    @Override
    public void queued(CommentModerated held) {
        QueueItem item = QueueItem.of(held);
        events.tryEmitNext(new QueueEvent("held", item.siteId(), item));
    }

    @Override
    public void leftQueue(CommentModerated held, @Nullable Verdict action, @Nullable String moderator) {
        events.tryEmitNext(new QueueEvent(
                "decided", held.siteId(), new Decided(held.commentId(), held.siteId(), action, moderator)));
    }

    @Override
    public void moderated(CommentModerated outcome) {}

    @Override
    public void decided(ModeratorDecision decision) {}

    @Override
    public void deadLettered(String deadLetterTopic) {}
}
