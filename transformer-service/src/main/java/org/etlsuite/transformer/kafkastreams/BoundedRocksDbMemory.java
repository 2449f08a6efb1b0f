package org.etlsuite.transformer.kafkastreams;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Charges every RocksDB store of this JVM to one memory budget: the block cache and the memtables of all
 * stores share one LRU cache, sized by the Streams property {@value #TOTAL_BYTES_CONFIG}.
 *
 * <p>Why: Kafka Streams gives every RocksDB instance its own 50 MB block cache and up to three 16 MB
 * memtables, and a window store is one instance per segment and task. The de-duplication stores
 * (three streams × partitions × segments) therefore used more native memory the more segments were
 * filled, so the transformer's resident memory grew with the volume of a burst, not with its settings.
 *
 * <p>Index and filter blocks stay outside the budget, with their files, as Kafka Streams keeps them by
 * default: every de-duplication lookup consults the bloom filter of each file it may hit, and charged to
 * the cache they evicted each other, so that lookups read them from disk again (a 10M-event burst ran at
 * a fraction of its speed). They take about 1.5 bytes per stored id, bounded by the ids of three windows.
 *
 * <p>The cache and the write-buffer manager are shared by every store, so they are created once (with
 * the budget of the first store configured) and never closed: they live as long as the JVM.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams property: the bytes all RocksDB stores of the JVM may use together. */
    public static final String TOTAL_BYTES_CONFIG = "etl.rocksdb.total-bytes";
    /** Of the budget, the share memtables may take before the write-buffer manager makes them flush. */
    private static final double MEMTABLE_SHARE = 0.4;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final int MEMTABLES = 3;

    private static Budget budget;

    private record Budget(Cache cache, WriteBufferManager writeBuffers) {
    }

    private static synchronized Budget budget(long totalBytes) {
        if (budget == null) {
            Cache cache = new LRUCache(totalBytes);
            budget = new Budget(cache, new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), cache));
        }
        return budget;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget shared = budget(totalBytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(false);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setTableFormatConfig(table);
    }

    static long totalBytes(Map<String, Object> configs) {
        Object value = configs.get(TOTAL_BYTES_CONFIG);
        if (value == null) {
            throw new ConfigException(TOTAL_BYTES_CONFIG, null, "is required when " + BoundedRocksDbMemory.class.getSimpleName()
                    + " is the rocksdb.config.setter");
        }
        long bytes;
        try {
            bytes = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(TOTAL_BYTES_CONFIG, value, "must be a number of bytes");
        }
        if (bytes < MEMTABLE_BYTES) {
            throw new ConfigException(TOTAL_BYTES_CONFIG, value, "must be at least one memtable (" + MEMTABLE_BYTES + " bytes)");
        }
        return bytes;
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: see the class comment.
    }
}
