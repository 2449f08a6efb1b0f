package org.etlsuite.dashboard.kpi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.etlsuite.dashboard.csv.CsvRecord;
import org.etlsuite.dashboard.csv.CsvTable;

/**
 * A KPI file as the API answers it, converted once per version of the file.
 *
 * @param columns the header, in file order; empty for a file without even a header
 * @param rows    one map per record, column to value (see {@link ColumnKind}), in column order
 */
record KpiTable(List<String> columns, List<Map<String, Object>> rows) {

    KpiTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** @throws org.etlsuite.dashboard.csv.CsvFormatException for a money value that is not a number */
    static KpiTable of(CsvTable table) {
        List<String> columns = table.header();
        List<ColumnKind> kinds = columns.stream()
                .map(column -> ColumnKind.of(column, table.records().stream().map(record -> record.get(column)).toList()))
                .toList();
        List<Map<String, Object>> rows = table.records().stream().map(record -> row(record, columns, kinds)).toList();
        return new KpiTable(columns, rows);
    }

    private static Map<String, Object> row(CsvRecord record, List<String> columns, List<ColumnKind> kinds) {
        // a LinkedHashMap keeps the file's column order and, unlike Map.copyOf, takes the nulls of empty fields
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), kinds.get(i).json(record, columns.get(i)));
        }
        return Collections.unmodifiableMap(row);
    }
}
