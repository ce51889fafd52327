package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Verdict;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the topology tells the rest of the service as it goes (metrics, mostly). Called on stream threads, once per
 * processing of a record: a record processed again after a crash is reported again.
 */
public interface PipelineEvents {

    /** An outcome was produced, by the policy or by a moderator's decision. */
    void moderated(CommentModerated outcome);

    /**
     * The policy decided a comment of {@code siteId} that had waited {@code inQueue} since it was put on
     * {@code comments.submitted} (its record's timestamp): the pipeline's queue, as each site sees it. Not told for
     * outcomes of moderators' decisions.
     */
    default void waited(String siteId, Duration inQueue) {}

    /** A moderator's decision took effect. */
    void decided(ModeratorDecision decision);

    /** A record went to {@code deadLetterTopic}. */
    void deadLettered(String deadLetterTopic);

    /** The policy could not be applied to a comment of {@code siteId} (a bug); it was held for a moderator. */
    default void unchecked(String siteId) {}

    /** A held comment entered this instance's copy of the queue (on the global store's thread). */
    default void queued(CommentModerated held) {}

    /**
     * A held comment left this instance's copy of the queue (on the global store's thread).
     *
     * @param held the outcome that held it
     * @param action what the decision that took it out was; null when the tombstone does not say
     * @param moderator who decided; null when the tombstone does not say
     */
    default void leftQueue(CommentModerated held, @Nullable Verdict action, @Nullable String moderator) {}

    /** Tells nothing; for tests. */
    PipelineEvents NONE = new PipelineEvents() {
        @Override
        public void moderated(CommentModerated outcome) {}

        @Override
        public void decided(ModeratorDecision decision) {}

        @Override
        public void deadLettered(String deadLetterTopic) {}
    };
}
