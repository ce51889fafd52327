package io.modstream.moderation.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Re-keys a record from outside by its author, and says whether it already sits in its author's partition: keyed by
 * the author and read from the partition that {@link AuthorPartitions} gives that key. comment-ingest and the author
 * API publish that way, so their records go straight to the author's task; anything else (a comment keyed by its id
 * by an older ingest, a topic with another partition count) takes the {@code author-events} repartition topic, which
 * costs a round trip through the broker and one more commit interval of latency, but is never wrong.
 *
 * @param <T> what the record holds
 */
final class KeyByAuthor<T> implements Processor<byte @Nullable [], T, String, KeyByAuthor.Placed> {

    /**
     * An author event with where it stands.
     *
     * @param event the event, keyed by author
     * @param home whether it was read from its author's partition, so needs no repartition
     */
    record Placed(AuthorEvent event, boolean home) {}

    private final int partitions;
    private final Function<T, String> authorKey;
    private final Function<T, AuthorEvent> event;
    private @Nullable ProcessorContext<String, Placed> context;

    KeyByAuthor(int partitions, Function<T, String> authorKey, Function<T, AuthorEvent> event) {
        this.partitions = partitions;
        this.authorKey = authorKey;
        this.event = event;
    }

    @Override
    public void init(ProcessorContext<String, Placed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte @Nullable [], T> record) {
        if (context == null) {
            throw new IllegalStateException("not initialised");
        }
        String key = authorKey.apply(record.value());
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        boolean home = Arrays.equals(record.key(), keyBytes) && partition == AuthorPartitions.of(keyBytes, partitions);
        context.forward(record.withKey(key).withValue(new Placed(event.apply(record.value()), home)));
    }
}
