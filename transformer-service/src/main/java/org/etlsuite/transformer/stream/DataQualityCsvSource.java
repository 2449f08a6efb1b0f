package org.etlsuite.transformer.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.kafkastreams.StreamsStores;
import org.etlsuite.transformer.table.KpiTable;

/**
 * Exports the data-quality counts of every stream, one file for all of them, from their committed
 * tables; only when every stream's table can be read, so the file never mixes a complete stream with
 * a missing one.
 */
public final class DataQualityCsvSource implements CsvExportSource {

    private final StreamsStores stores;
    private final List<StreamSpec<?, ?>> specs;
    private final List<KpiTable<QualityKey, Long>> tables;

    public DataQualityCsvSource(StreamsStores stores, List<StreamSpec<?, ?>> specs) {
        this.stores = stores;
        this.specs = List.copyOf(specs);
        this.tables = this.specs.stream().map(StreamSpec::dataQuality).toList();
    }

    @Override
    public String relativePath() {
        return DataQualityCsv.RELATIVE_PATH;
    }

    @Override
    public Optional<CsvDocument> snapshot() {
        Map<QualityKey, Long> counts = new HashMap<>();
        for (KpiTable<QualityKey, Long> quality : tables) {
            Optional<Map<QualityKey, Long>> table = quality.snapshot(stores);
            if (table.isEmpty()) {
                return Optional.empty();
            }
            counts.putAll(table.get());
        }
        return Optional.of(DataQualityCsv.document(specs, counts));
    }
}
