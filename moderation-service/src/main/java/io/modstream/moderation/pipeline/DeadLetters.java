package io.modstream.moderation.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Turns an unreadable record into its dead letter: the original key, value and headers byte for byte, plus
 * spring-kafka's {@code kafka_dlt-*} headers naming the cause and where the record came from (the operator page and
 * its replay read those), on the dead-letter topic's partition with the original's number.
 */
final class DeadLetters {

    static final String HEADER_PREFIX = "kafka_dlt-";

    private DeadLetters() {}

    /**
     * A dead letter on its way out.
     *
     * @param value the original value
     * @param partition the original partition
     */
    record DeadLetter(byte @Nullable [] value, int partition) {}

    /** Writes the original bytes, on the original partition number. */
    static Produced<byte[], DeadLetter> produced(String name) {
        Serde<DeadLetter> serde =
                Serdes.serdeFrom((topic, letter) -> letter == null ? null : letter.value(), (topic, bytes) -> {
                    throw new UnsupportedOperationException("dead letters are only written here");
                });
        return Produced.with(Serdes.ByteArray(), serde)
                .withStreamPartitioner(
                        (topic, key, letter, partitions) -> Optional.of(Set.of(letter.partition() % partitions)))
                .withName(name);
    }

    /** Marks each record it sees as a dead letter of {@code sourceTopic}. */
    static final class Mark<T> implements FixedKeyProcessor<byte[], Readable<T>, DeadLetter> {

        private final String applicationId;
        private final PipelineEvents events;
        private @Nullable FixedKeyProcessorContext<byte[], DeadLetter> context;

        Mark(String applicationId, PipelineEvents events) {
            this.applicationId = applicationId;
            this.events = events;
        }

        @Override
        public void init(FixedKeyProcessorContext<byte[], DeadLetter> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], Readable<T>> record) {
            FixedKeyProcessorContext<byte[], DeadLetter> context = this.context;
            if (context == null) {
                throw new IllegalStateException("not initialised");
            }
            RecordMetadata source = context.recordMetadata().orElseThrow();
            Readable<T> unreadable = record.value();
            // A copy: the original headers object is shared with the record's other paths through the topology.
            Headers headers = new RecordHeaders(record.headers().toArray());
            text(headers, "original-topic", source.topic());
            headers.add(
                    HEADER_PREFIX + "original-partition",
                    ByteBuffer.allocate(Integer.BYTES)
                            .putInt(source.partition())
                            .array());
            headers.add(
                    HEADER_PREFIX + "original-offset",
                    ByteBuffer.allocate(Long.BYTES).putLong(source.offset()).array());
            headers.add(
                    HEADER_PREFIX + "original-timestamp",
                    ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
            text(headers, "original-consumer-group", applicationId);
            text(headers, "exception-fqcn", String.valueOf(unreadable.causeClass()));
            text(headers, "exception-message", String.valueOf(unreadable.cause()));
            context.forward(record.withValue(new DeadLetter(unreadable.raw(), source.partition()))
                    .withHeaders(headers));
            events.deadLettered(source.topic() + "-dlt");
        }

        private static void text(Headers headers, String name, String value) {
            headers.add(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
