package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class StoreTuningTest {

    static {
        RocksDB.loadLibrary();
    }

    private static final long MIB = 1024 * 1024;

    @Test
    void theAuthorStoreGetsALargerMemtableAndTheOthersKeepTheirs() {
        StoreTuning tuning = new StoreTuning();
        try (Options authors = new Options();
                Options queue = new Options()) {
            long before = queue.writeBufferSize();
            tuning.setConfig(ModerationTopology.AUTHOR_STORE, authors, Map.of());
            tuning.setConfig(ModerationTopology.QUEUE_STORE, queue, Map.of());
            assertThat(authors.writeBufferSize()).isEqualTo(64 * MIB);
            assertThat(queue.writeBufferSize()).isEqualTo(before);
        }
    }

    @Test
    void theBudgetIsReadFromTheStreamsConfigurationAndMustHoldAnAuthorMemtable() {
        assertThat(StoreTuning.budgetMib(Map.of())).isEqualTo(StoreTuning.DEFAULT_BUDGET_MIB);
        assertThat(StoreTuning.budgetMib(Map.of(StoreTuning.MEMTABLE_BUDGET_MIB, "512")))
                .isEqualTo(512);
        assertThatThrownBy(() -> StoreTuning.budgetMib(Map.of(StoreTuning.MEMTABLE_BUDGET_MIB, "32")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 64");
    }
}
