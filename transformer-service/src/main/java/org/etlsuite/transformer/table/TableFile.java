package org.etlsuite.transformer.table;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.etlsuite.transformer.csv.CsvDocument;

/**
 * One file exported from a {@link KpiTable}: where it goes and how the whole table becomes its content.
 *
 * @param relativePath path below the shared volume, e.g. {@code processed_product/x.csv}
 * @param document     the file's content from the combined table (every cell, all partitions summed)
 */
public record TableFile<K, A>(String relativePath, Function<Map<K, A>, CsvDocument> document) {

    public TableFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(document, "document");
    }
}
