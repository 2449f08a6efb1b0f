package org.etlsuite.dashboard.kpi;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/kpis/{dataset}} as JSON.
 *
 * @param lastModified when the file was written, ISO-8601 in UTC
 * @param rows         one object per record of the file, column to value
 */
record KpiRows(String dataset, String path, String lastModified, List<Map<String, Object>> rows) {
}
