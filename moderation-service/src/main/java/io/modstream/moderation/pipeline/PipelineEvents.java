package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;

/**
 * What the topology tells the rest of the service as it goes (metrics, mostly). Called on stream threads, once per
 * processing of a record: a record processed again after a crash is reported again.
 */
public interface PipelineEvents {

    /** An outcome was produced, by the policy or by a moderator's decision. */
    void moderated(CommentModerated outcome);

    /** A moderator's decision took effect. */
    void decided(ModeratorDecision decision);

    /** A record went to {@code deadLetterTopic}. */
    void deadLettered(String deadLetterTopic);

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
