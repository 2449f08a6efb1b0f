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
        Optional<ReadOnlyKeyValueStore<UrbanBucket, UrbanHourlyAggregate>> store =
                stores.keyValueStore(UrbanTopics.HOURLY_AGGREGATE_GLOBAL_STORE);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Map<UrbanBucket, UrbanHourlyAggregate> table = new HashMap<>();
        try (KeyValueIterator<UrbanBucket, UrbanHourlyAggregate> all = store.get().all()) {
            all.forEachRemaining(entry -> table.put(entry.key, entry.value));
        }
        // Nothing aggregated yet: keep whatever file is there rather than replace it with a bare header.
        return table.isEmpty() ? Optional.empty() : Optional.of(UrbanHourlyCsv.document(table));
    }
}
