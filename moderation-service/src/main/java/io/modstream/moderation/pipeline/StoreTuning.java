package io.modstream.moderation.pipeline;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB settings of the pipeline's stores ({@code rocksdb.config.setter}).
 *
 * <p>The author store is rewritten for every comment: the author's whole state, a kilobyte or two. With Kafka
 * Streams' memtable of 16 MiB, each partition's store flushed every few thousand comments and universal compaction
 * merged the files again and again: RocksDB's background threads used about half as much CPU as the stream thread
 * itself (docs/benchmarks.md). A larger memtable keeps an author's successive states in memory, where a rewrite
 * replaces the one before, so far fewer bytes are flushed and compacted. The author store gets RocksDB's own default
 * of 64 MiB ({@value #AUTHOR_MEMTABLE_MIB} MiB); the other stores, written only when a moderator acts, keep Kafka
 * Streams' defaults.
 *
 * <p>What that costs is memory outside the heap, and it grows with the partitions an instance owns. So every store's
 * memtables, in all the instance's tasks, share one budget ({@code modstream.rocksdb.memtable-budget-mib}, default
 * {@value #DEFAULT_BUDGET_MIB} MiB): past it RocksDB flushes early, trading back some CPU for the bound. The budget is
 * per process (one {@link WriteBufferManager} shared by every store it opens), as Kafka Streams' documentation
 * describes for bounding RocksDB's memory.
 */
public final class StoreTuning implements RocksDBConfigSetter {

    /** The memtable budget of all stores of the process, in MiB; a Streams configuration key. */
    public static final String MEMTABLE_BUDGET_MIB = "modstream.rocksdb.memtable-budget-mib";

    static final long AUTHOR_MEMTABLE_MIB = 64;
    static final long DEFAULT_BUDGET_MIB = 256;

    private static final long MIB = 1024 * 1024;

    /** Shared by every store of the process; never closed (it lives as long as the process's stores). */
    private static WriteBufferManager memtables;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (storeName.equals(ModerationTopology.AUTHOR_STORE)) {
            options.setWriteBufferSize(AUTHOR_MEMTABLE_MIB * MIB);
        }
        options.setWriteBufferManager(memtables(budgetMib(configs)));
    }

    @Override
    public void close(String storeName, Options options) {
        // The write buffer manager is shared by the process's other stores: it stays open.
    }

    static long budgetMib(Map<String, Object> configs) {
        Object budget = configs.get(MEMTABLE_BUDGET_MIB);
        if (budget == null) {
            return DEFAULT_BUDGET_MIB;
        }
        long mib = Long.parseLong(budget.toString().trim());
        if (mib < AUTHOR_MEMTABLE_MIB) {
            throw new IllegalArgumentException(
                    MEMTABLE_BUDGET_MIB + " must be at least " + AUTHOR_MEMTABLE_MIB + " (MiB), not " + mib);
        }
        return mib;
    }

    /** The process's one write buffer manager, made by the first store opened (later budgets are ignored). */
    private static synchronized WriteBufferManager memtables(long budgetMib) {
        if (memtables == null) {
            // The manager counts memtable memory against a cache; this one holds nothing else, so it is only the
            // counter (the stores' block caches stay Kafka Streams' own).
            Cache counter = new LRUCache(budgetMib * MIB);
            memtables = new WriteBufferManager(budgetMib * MIB, counter);
        }
        return memtables;
    }
}
