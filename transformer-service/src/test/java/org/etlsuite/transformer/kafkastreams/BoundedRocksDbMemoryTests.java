package org.etlsuite.transformer.kafkastreams;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedRocksDbMemoryTests {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void readsTheBudgetAsANumberOrAsText() {
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, 134217728))).isEqualTo(134217728L);
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, " 67108864 "))).isEqualTo(67108864L);
    }

    @Test
    void refusesAMissingUnreadableOrTooSmallBudgetNamingTheSetting() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, "128MB")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("number of bytes");
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, 1024)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least one memtable");
    }

    @Test
    void keepsTheBloomFiltersOutOfTheSharedCacheAndTheMemtableSizesOfEveryStore() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, 64L * 1024 * 1024);
        try (Options first = withTableConfig(); Options second = withTableConfig()) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            setter.setConfig("a-store", first, configs);
            setter.setConfig("another-store", second, configs);

            for (Options options : new Options[] {first, second}) {
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).as("bloom filters stay with their files, out of the LRU").isFalse();
                assertThat(options.writeBufferSize()).isEqualTo(16L * 1024 * 1024);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(3);
            }
        }
    }

    private static Options withTableConfig() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
