package io.modstream.moderation.pipeline;

import io.modstream.events.ModeratorDecision;

/**
 * A decision as the pipeline recorded it.
 *
 * @param decision the decision
 * @param applied true when it was the first about its comment and so took effect
 */
record RecordedDecision(ModeratorDecision decision, boolean applied) {}
