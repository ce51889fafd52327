package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.jspecify.annotations.Nullable;

/**
 * The tombstone that takes a decided comment out of {@code comments.review}, with headers saying who decided what,
 * so every instance's queue can tell its live feed.
 */
final class QueueTombstone implements FixedKeyProcessor<String, ModeratorDecision, @Nullable CommentModerated> {

    private final Clock clock;
    private @Nullable FixedKeyProcessorContext<String, @Nullable CommentModerated> context;

    QueueTombstone(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, @Nullable CommentModerated> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ModeratorDecision> record) {
        if (context == null) {
            throw new IllegalStateException("not initialised");
        }
        ModeratorDecision decision = record.value();
        RecordHeaders headers = new RecordHeaders();
        headers.add(KeepQueue.DECIDED_ACTION, decision.action().name().getBytes(StandardCharsets.UTF_8));
        headers.add(KeepQueue.DECIDED_BY, decision.moderator().getBytes(StandardCharsets.UTF_8));
        context.forward(record.<@Nullable CommentModerated>withValue(null)
                .withTimestamp(clock.millis())
                .withHeaders(headers));
    }
}
