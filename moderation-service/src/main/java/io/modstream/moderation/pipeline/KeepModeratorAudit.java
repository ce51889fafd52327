package io.modstream.moderation.pipeline;

import io.modstream.moderation.review.AuditEntry;
import io.modstream.moderation.review.AuditTrail;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each moderator's latest {@value #KEPT} decisions (the {@value ModerationTopology#MODERATOR_AUDIT_STORE}
 * store, keyed by moderator), for the per-moderator audit trail. All of them stay on {@code moderation.decisions}.
 */
final class KeepModeratorAudit implements Processor<String, RecordedDecision, Void, Void> {

    static final int KEPT = 1000;

    private @Nullable KeyValueStore<String, AuditTrail> trails;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.trails = context.getStateStore(ModerationTopology.MODERATOR_AUDIT_STORE);
    }

    @Override
    public void process(Record<String, RecordedDecision> record) {
        if (trails == null) {
            throw new IllegalStateException("not initialised");
        }
        AuditTrail trail = trails.get(record.key());
        RecordedDecision recorded = record.value();
        trails.put(
                record.key(),
                (trail == null ? AuditTrail.EMPTY : trail)
                        .with(AuditEntry.of(recorded.decision(), recorded.applied()), KEPT));
    }
}
