package org.etlsuite.transformer.table;

import java.util.Objects;
import java.util.Optional;

import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.kafkastreams.StreamsStores;

/** One file of a {@link KpiTable}, built from the committed table whenever the exporter asks. */
final class TableCsvSource<K, A> implements CsvExportSource {

    private final KpiTable<K, A> table;
    private final TableFile<K, A> file;
    private final StreamsStores stores;

    TableCsvSource(KpiTable<K, A> table, TableFile<K, A> file, StreamsStores stores) {
        this.table = Objects.requireNonNull(table, "table");
        this.file = Objects.requireNonNull(file, "file");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    public String relativePath() {
        return file.relativePath();
    }

    @Override
    public Optional<CsvDocument> snapshot() {
        return table.snapshot(stores).map(file.document());
    }
}
