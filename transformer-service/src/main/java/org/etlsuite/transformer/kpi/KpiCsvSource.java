package org.etlsuite.transformer.kpi;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.streams.StreamsStores;

/**
 * One KPI file built from a stream's KPI global store (committed totals only, see {@link KpiTopology}).
 * As for the urban file: only while Kafka Streams is RUNNING, when the global store is complete, so an
 * empty store then means an empty table and the file becomes header-only.
 */
public final class KpiCsvSource implements CsvExportSource {

    private final String relativePath;
    private final StreamsStores stores;
    private final String globalStore;
    private final Function<Map<String, Tally>, CsvDocument> document;

    public KpiCsvSource(String relativePath, StreamsStores stores, String globalStore, Function<Map<String, Tally>, CsvDocument> document) {
        this.relativePath = Objects.requireNonNull(relativePath, "relativePath");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.globalStore = Objects.requireNonNull(globalStore, "globalStore");
        this.document = Objects.requireNonNull(document, "document");
    }

    @Override
    public String relativePath() {
        return relativePath;
    }

    @Override
    public Optional<CsvDocument> snapshot() {
        // Checked before reading: a global store complete at this moment stays complete afterwards.
        if (!stores.isRunning()) {
            return Optional.empty();
        }
        Optional<ReadOnlyKeyValueStore<String, Tally>> store = stores.keyValueStore(globalStore);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Tally> table = new HashMap<>();
        try (KeyValueIterator<String, Tally> all = store.get().all()) {
            all.forEachRemaining(entry -> table.put(entry.key, entry.value));
        }
        return Optional.of(document.apply(table));
    }
}
