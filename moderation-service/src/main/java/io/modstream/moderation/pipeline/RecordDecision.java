package io.modstream.moderation.pipeline;

import io.modstream.events.ModeratorDecision;
import io.modstream.moderation.review.AuditEntry;
import io.modstream.moderation.review.AuditTrail;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every decision in its comment's audit trail (the {@value ModerationTopology#AUDIT_STORE} store, keyed by
 * comment id) and marks the first one applied: the first decision wins. All decisions about one comment share a
 * partition of {@code moderation.decisions}, so they reach this task in the order they were made.
 */
final class RecordDecision implements FixedKeyProcessor<String, ModeratorDecision, RecordedDecision> {

    private static final Logger log = LoggerFactory.getLogger(RecordDecision.class);

    /** A comment is decided a handful of times at most; more is a script gone wrong, and the trail stays bounded. */
    static final int MAX_PER_COMMENT = 100;

    private final PipelineEvents events;
    private @Nullable FixedKeyProcessorContext<String, RecordedDecision> context;
    private @Nullable KeyValueStore<String, AuditTrail> trails;

    RecordDecision(PipelineEvents events) {
        this.events = events;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RecordedDecision> context) {
        this.context = context;
        this.trails = context.getStateStore(ModerationTopology.AUDIT_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ModeratorDecision> record) {
        if (context == null || trails == null) {
            throw new IllegalStateException("not initialised");
        }
        ModeratorDecision decision = record.value();
        AuditTrail trail = trails.get(decision.commentId());
        if (trail == null) {
            trail = AuditTrail.EMPTY;
        }
        boolean first = trail.applied().isEmpty();
        trails.put(decision.commentId(), trail.with(AuditEntry.of(decision, first), MAX_PER_COMMENT));
        context.forward(record.withValue(new RecordedDecision(decision, first)));
        if (first) {
            events.decided(decision);
            log.info(
                    "Comment {} of site {}: {} by moderator {}",
                    decision.commentId(),
                    decision.siteId(),
                    decision.action(),
                    decision.moderator());
        } else {
            log.info(
                    "Decision {} on comment {} by {} came after another; not applied",
                    decision.decisionId(),
                    decision.commentId(),
                    decision.moderator());
        }
    }
}
