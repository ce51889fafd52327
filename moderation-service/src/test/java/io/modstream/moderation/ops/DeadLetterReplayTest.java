package io.modstream.moderation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What a replayed record looks like: the original bytes and headers, minus the dead letter's, plus its origin. */
class DeadLetterReplayTest {

    @Test
    void replayedRecordKeepsKeyValueAndOwnHeadersAndGoesBackToItsPartition() {
        ProducerRecord<byte[], byte[]> replayed = DeadLetterReplay.republished(deadLetter(2), "comments.submitted", 3);

        assertThat(replayed.topic()).isEqualTo("comments.submitted");
        assertThat(replayed.partition()).isEqualTo(2);
        assertThat(replayed.key()).isEqualTo(bytes("c-1"));
        assertThat(replayed.value()).isEqualTo(bytes("{\"body\":\"hi\"}"));
        assertThat(replayed.timestamp()).isNull();
        assertThat(replayed.headers().toArray())
                .extracting(Header::key)
                .containsExactly("traceparent", DeadLetter.REPLAYED_FROM);
        assertThat(replayed.headers().lastHeader(DeadLetter.REPLAYED_FROM).value())
                .isEqualTo(bytes("comments.submitted-dlt/0@7"));
    }

    @Test
    void partitionThatNoLongerExistsLeavesThePartitionToTheKey() {
        assertThat(DeadLetterReplay.republished(deadLetter(5), "comments.submitted", 3)
                        .partition())
                .isNull();
    }

    @Test
    void deadLetterShowsItsCauseAndOriginFromTheHeaders() {
        DeadLetter shown = DeadLetter.of(deadLetter(2), false);

        assertThat(shown.originalTopic()).isEqualTo("comments.submitted");
        assertThat(shown.originalPartition()).isEqualTo(2);
        assertThat(shown.originalOffset()).isEqualTo(41);
        assertThat(shown.exceptionClass()).isEqualTo("com.example.Boom");
        assertThat(shown.exceptionMessage()).isEqualTo("it broke");
        assertThat(shown.value()).isEqualTo("{\"body\":\"hi\"}");
    }

    @Test
    void hugeValueIsCutForDisplayButItsSizeIsKept() {
        byte[] huge = new byte[1_000_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                "comments.submitted-dlt",
                0,
                1,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                null,
                huge,
                new RecordHeaders(),
                Optional.empty());

        DeadLetter shown = DeadLetter.of(record, false);

        assertThat(shown.value()).hasSize(DeadLetter.MAX_VALUE_BYTES);
        assertThat(shown.valueBytes()).isEqualTo(1_000_000);
        assertThat(shown.key()).isNull();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(int originalPartition) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", bytes("00-abc-def-01"));
        headers.add("kafka_dlt-original-topic", bytes("comments.submitted"));
        headers.add(
                "kafka_dlt-original-partition",
                ByteBuffer.allocate(4).putInt(originalPartition).array());
        headers.add(
                "kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41).array());
        headers.add("kafka_dlt-exception-fqcn", bytes("com.example.Boom"));
        headers.add("kafka_dlt-exception-message", bytes("it broke"));
        return new ConsumerRecord<>(
                "comments.submitted-dlt",
                0,
                7,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                3,
                13,
                bytes("c-1"),
                bytes("{\"body\":\"hi\"}"),
                headers,
                Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
