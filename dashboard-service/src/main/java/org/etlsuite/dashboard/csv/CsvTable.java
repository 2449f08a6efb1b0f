package org.etlsuite.dashboard.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A parsed CSV file: its header and its data records.
 *
 * @param source  name used in error messages, usually the file path
 * @param header  column names in file order; empty when the file had no header at all
 * @param index   column name to position
 * @param records data records, header excluded
 */
public record CsvTable(String source, List<String> header, Map<String, Integer> index, List<CsvRecord> records) {

    public CsvTable {
        header = List.copyOf(header);
        index = Map.copyOf(index);
        records = List.copyOf(records);
    }

    /** False for a completely empty file (not even a header line). */
    public boolean hasHeader() {
        return !header.isEmpty();
    }

    /**
     * Fails with one message that lists every missing column, so a writer that changed its
     * header can be fixed in one go.
     */
    public void requireColumns(String... columns) {
        List<String> missing = Arrays.stream(columns).filter(column -> !index.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source, 1, "missing column(s) " + String.join(", ", missing.stream()
                    .map(column -> "'" + column + "'").toList()) + " in header [" + String.join(",", header) + "]");
        }
    }

    /**
     * The records mapped to rows, in file order. The writer creates a file before it has anything
     * to write, so a file without even a header is a file with no rows yet rather than a broken
     * one; any other file must have every column the rows are read from.
     *
     * @param row may throw {@link CsvFormatException} for a record that breaks the contract
     */
    public <T> List<T> rows(List<String> columns, Function<CsvRecord, T> row) {
        if (!hasHeader()) {
            return List.of();
        }
        requireColumns(columns.toArray(String[]::new));
        return records.stream().map(row).toList();
    }
}
