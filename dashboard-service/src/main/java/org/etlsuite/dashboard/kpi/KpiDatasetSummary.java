package org.etlsuite.dashboard.kpi;

import java.util.List;

/**
 * One entry of {@code GET /api/kpis}.
 *
 * @param name         the dataset's name in {@code /api/kpis/{name}}
 * @param path         the file below the data folder
 * @param columns      the file's header; empty while it is missing or unreadable
 * @param rows         the file's data records; 0 while it is missing or unreadable
 * @param lastModified when the file was written, ISO-8601 in UTC; null while it is missing or unreadable
 * @param present      whether the file exists
 * @param error        why the file cannot be used, naming file and line; null when it can
 */
record KpiDatasetSummary(String name, String path, List<String> columns, long rows, String lastModified, boolean present,
        String error) {

    KpiDatasetSummary {
        columns = List.copyOf(columns);
    }
}
