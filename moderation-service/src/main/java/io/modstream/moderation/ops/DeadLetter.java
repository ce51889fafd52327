package io.modstream.moderation.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * One dead letter as the operator page shows it. Keys and values are shown as UTF-8 text and cut short: a page
 * refreshed every few seconds must not carry megabytes, and the record itself stays in the topic.
 *
 * @param partition where it is in the dead-letter topic
 * @param offset where it is in the dead-letter topic
 * @param timestamp the dead letter's timestamp
 * @param key the key, at most {@value #MAX_KEY_CHARS} characters
 * @param value the value's first {@value #MAX_VALUE_BYTES} bytes as text (invalid UTF-8 shown as U+FFFD)
 * @param valueBytes the value's full size; -1 for a null value
 * @param originalTopic, originalPartition, originalOffset, originalTimestamp where it was when it failed
 * @param exceptionClass the failure's exception class
 * @param exceptionMessage its message, at most {@value #MAX_VALUE_BYTES} characters
 * @param replayed whether a replay has sent it back already
 * @param timesReplayedBefore how many times it had been replayed before it landed here again
 */
record DeadLetter(
        int partition,
        long offset,
        Instant timestamp,
        @Nullable String key,
        @Nullable String value,
        int valueBytes,
        @Nullable String originalTopic,
        @Nullable Integer originalPartition,
        @Nullable Long originalOffset,
        @Nullable Instant originalTimestamp,
        @Nullable String exceptionClass,
        @Nullable String exceptionMessage,
        boolean replayed,
        int timesReplayedBefore) {

    static final int MAX_VALUE_BYTES = 2048;
    static final int MAX_KEY_CHARS = 256;

    /** The header a replay adds: {@code <dlt>/<partition>@<offset>}. */
    static final String REPLAYED_FROM = "modstream-replayed-from";

    /** spring-kafka's dead-letter headers; the webhooks' parking lot uses the shorter {@code kafka_} prefix. */
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    static DeadLetter of(ConsumerRecord<byte @Nullable [], byte @Nullable []> record, boolean replayed) {
        Headers headers = record.headers();
        byte[] value = record.value();
        int replays = 0;
        for (Header ignored : headers.headers(REPLAYED_FROM)) {
            replays++;
        }
        Long originalTimestamp = number(headers, "original-timestamp");
        return new DeadLetter(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : cut(text(record.key(), MAX_KEY_CHARS * 4), MAX_KEY_CHARS),
                value == null ? null : text(value, MAX_VALUE_BYTES),
                value == null ? -1 : value.length,
                text(headers, "original-topic"),
                originalPartition(headers),
                number(headers, "original-offset"),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                text(headers, "exception-fqcn"),
                cutOrNull(text(headers, "exception-message"), MAX_VALUE_BYTES),
                replayed,
                replays);
    }

    static @Nullable Integer originalPartition(Headers headers) {
        Long partition = number(headers, "original-partition");
        return partition == null ? null : partition.intValue();
    }

    /** A header under either prefix: {@code kafka_dlt-<name>} (dead letters) or {@code kafka_<name>}. */
    private static @Nullable Header header(Headers headers, String name) {
        Header header = headers.lastHeader(DLT_HEADER_PREFIX + name);
        return header != null ? header : headers.lastHeader("kafka_" + name);
    }

    private static @Nullable String text(Headers headers, String name) {
        Header header = header(headers, name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes partitions as 4-byte and offsets and timestamps as 8-byte big-endian numbers. */
    private static @Nullable Long number(Headers headers, String name) {
        Header header = header(headers, name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] bytes = header.value();
        if (bytes.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(bytes).getInt();
        }
        if (bytes.length == Long.BYTES) {
            return ByteBuffer.wrap(bytes).getLong();
        }
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(byte[] bytes, int maxBytes) {
        return new String(bytes, 0, Math.min(bytes.length, maxBytes), StandardCharsets.UTF_8);
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    private static @Nullable String cutOrNull(@Nullable String text, int maxChars) {
        return text == null ? null : cut(text, maxChars);
    }
}
