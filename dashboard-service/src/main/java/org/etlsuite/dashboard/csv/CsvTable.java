package org.etlsuite.dashboard.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
}
