package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Factory;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.BufferSupplier;
import org.junit.jupiter.api.Test;

class NativeLz4Test {

    @Test
    void kafkasLz4IsNativeOnceLoaded() {
        assertThat(NativeLz4.load()).isTrue();

        assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());
    }

    @Test
    void aBatchCompressedNativelyReadsBackAsWritten() {
        NativeLz4.load();
        String value = "{\"body\":\"" + "a clean comment, said twice. ".repeat(40) + "\"}";
        MemoryRecordsBuilder builder = MemoryRecords.builder(
                ByteBuffer.allocate(16_384), Compression.lz4().build(), TimestampType.CREATE_TIME, 0L);
        builder.append(1L, "key".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        MemoryRecords records = builder.build();

        RecordBatch batch = records.batches().iterator().next();
        try (var read = batch.streamingIterator(BufferSupplier.create())) {
            Record record = read.next();
            assertThat(StandardCharsets.UTF_8.decode(record.value()).toString()).isEqualTo(value);
        }
        assertThat(records.sizeInBytes()).isLessThan(value.length());
    }
}
