package org.etlsuite.transformer.urban;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.streams.StreamsStores;
import org.springframework.stereotype.Component;

/**
 * Exports the hourly aggregates from the global store, which holds committed aggregates only
 * (see {@link UrbanSensorsTopology}).
 *
 * <p>Only while Kafka Streams is RUNNING: the client reaches RUNNING only after the global store
 * is fully restored from its topic, whereas during the REBALANCING that precedes it the store may
 * still be loading, and exporting then would replace a complete file with a partial one. Once
 * RUNNING, the store is the whole table, so an empty store means an empty table (the Kafka data
 * was reset) and the file becomes header-only rather than keep showing numbers that no longer exist.
 */
@Component
class UrbanHourlyCsvSource implements CsvExportSource {

    private final StreamsStores stores;

    UrbanHourlyCsvSource(StreamsStores stores) {
        this.stores = stores;
    }

    @Override
    public String relativePath() {
        return UrbanHourlyCsv.RELATIVE_PATH;
    }

    @Override
    public Optional<CsvDocument> snapshot() {
        // Checked before reading: a global store complete at this moment stays complete afterwards.
        if (!stores.isRunning()) {
            return Optional.empty();
        }
        Optional<ReadOnlyKeyValueStore<UrbanBucket, UrbanHourlyAggregate>> store =
                stores.keyValueStore(UrbanTopics.HOURLY_AGGREGATE_GLOBAL_STORE);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Map<UrbanBucket, UrbanHourlyAggregate> table = new HashMap<>();
        try (KeyValueIterator<UrbanBucket, UrbanHourlyAggregate> all = store.get().all()) {
            all.forEachRemaining(entry -> table.put(entry.key, entry.value));
        }
        return Optional.of(UrbanHourlyCsv.document(table));
    }
}
