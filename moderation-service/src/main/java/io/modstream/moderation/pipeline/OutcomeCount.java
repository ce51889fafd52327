package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many outcomes this instance's pipeline has produced since it started, real comments only. The warm-up at start
 * reads it to give way once real comments have done its work ({@link PipelineWarmUp}).
 */
final class OutcomeCount implements PipelineEvents {

    private final LongAdder outcomes = new LongAdder();

    @Override
    public void moderated(CommentModerated outcome) {
        outcomes.increment();
    }

    @Override
    public void decided(ModeratorDecision decision) {}

    @Override
    public void deadLettered(String deadLetterTopic) {}

    /** Outcomes so far, counting a record processed again after a crash again. */
    long total() {
        return outcomes.sum();
    }
}
