package org.etlsuite.transformer.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.streams.StreamsStores;

/**
 * Exports the data-quality counts of every stream from their global stores, which hold committed
 * counts only. Like the hourly aggregates, only while Kafka Streams is RUNNING (the global stores are
 * complete from then on), and only when every stream's store can be read, so the file never mixes a
 * complete stream with a missing one.
 */
final class DataQualityCsvSource implements CsvExportSource {

    private final StreamsStores stores;
    private final List<StreamSpec<?, ?>> specs;

    DataQualityCsvSource(StreamsStores stores, List<StreamSpec<?, ?>> specs) {
        this.stores = stores;
        this.specs = List.copyOf(specs);
    }

    @Override
    public String relativePath() {
        return DataQualityCsv.RELATIVE_PATH;
    }

    @Override
    public Optional<CsvDocument> snapshot() {
        if (!stores.isRunning()) {
            return Optional.empty();
        }
        Map<QualityKey, Long> counts = new HashMap<>();
        for (StreamSpec<?, ?> spec : specs) {
            Optional<ReadOnlyKeyValueStore<QualityKey, Long>> store = stores.keyValueStore(spec.dataQualityGlobalStore());
            if (store.isEmpty()) {
                return Optional.empty();
            }
            try (KeyValueIterator<QualityKey, Long> all = store.get().all()) {
                all.forEachRemaining(entry -> counts.put(entry.key, entry.value));
            }
        }
        return Optional.of(DataQualityCsv.document(specs, counts));
    }
}
