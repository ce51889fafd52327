package io.modstream.moderation.pipeline;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.jspecify.annotations.Nullable;

/**
 * Readies a record the pipeline publishes: timestamped now (Kafka Streams would otherwise keep the input's time, and
 * an outcome happened when it was decided), with the input's headers less those about the input's own value.
 */
final class Outgoing<V> implements FixedKeyProcessor<String, V, V> {

    private final Clock clock;
    private @Nullable FixedKeyProcessorContext<String, V> context;

    Outgoing(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (context == null) {
            throw new IllegalStateException("not initialised");
        }
        context.forward(record.withTimestamp(clock.millis()).withHeaders(OutcomeHeaders.from(record.headers())));
    }
}
