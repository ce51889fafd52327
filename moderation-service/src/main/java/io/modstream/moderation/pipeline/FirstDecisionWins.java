package io.modstream.moderation.pipeline;

import io.modstream.events.ModeratorDecision;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through the first decision about each comment and drops the rest. All decisions about one comment share a
 * partition of {@code moderation.decisions} (keyed by comment id), so they reach this task in the order they were
 * made, the same order every instance's audit trail shows. The {@value ModerationTopology#DECISION_STORE} store
 * remembers each decided comment's winning decision id.
 */
final class FirstDecisionWins implements FixedKeyProcessor<String, ModeratorDecision, ModeratorDecision> {

    private static final Logger log = LoggerFactory.getLogger(FirstDecisionWins.class);

    private final PipelineEvents events;
    private @Nullable FixedKeyProcessorContext<String, ModeratorDecision> context;
    private @Nullable KeyValueStore<String, String> winners;

    FirstDecisionWins(PipelineEvents events) {
        this.events = events;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ModeratorDecision> context) {
        this.context = context;
        this.winners = context.getStateStore(ModerationTopology.DECISION_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ModeratorDecision> record) {
        if (context == null || winners == null) {
            throw new IllegalStateException("not initialised");
        }
        ModeratorDecision decision = record.value();
        String first = winners.get(decision.commentId());
        if (first != null) {
            log.info(
                    "Decision {} on comment {} by {} came after {}; not applied",
                    decision.decisionId(),
                    decision.commentId(),
                    decision.moderator(),
                    first);
            return;
        }
        winners.put(decision.commentId(), decision.decisionId());
        context.forward(record);
        events.decided(decision);
        log.info(
                "Comment {} of site {}: {} by moderator {}",
                decision.commentId(),
                decision.siteId(),
                decision.action(),
                decision.moderator());
    }
}
