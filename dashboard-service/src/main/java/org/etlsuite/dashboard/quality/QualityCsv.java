package org.etlsuite.dashboard.quality;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.etlsuite.dashboard.csv.CsvRecord;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.model.kpi.DataQualityKpiFile;

import static org.etlsuite.model.kpi.DataQualityKpiFile.*;

/** Maps the transformer's data-quality file onto {@link QualityRow}s. */
final class QualityCsv {

    /** Location of the file below the shared data directory. */
    static final String FILE = DataQualityKpiFile.RELATIVE_PATH;

    private static final String METRICS = Arrays.stream(QualityMetric.values()).map(QualityMetric::label)
            .collect(Collectors.joining(", "));

    private QualityCsv() {
    }

    /**
     * The file's rows, in file order. A file without even a header counts as "no rows yet"; anything else that
     * breaks the contract throws a {@link org.etlsuite.dashboard.csv.CsvFormatException} naming file and line.
     */
    static List<QualityRow> rows(CsvTable table) {
        return table.rows(HEADER, QualityCsv::row);
    }

    private static QualityRow row(CsvRecord record) {
        String metric = record.get(METRIC);
        return new QualityRow(
                record.getNonBlank(STREAM),
                QualityMetric.of(metric).orElseThrow(() ->
                        record.error("column 'metric': '" + metric + "' is none of " + METRICS)),
                record.get(RULE),
                record.getCount(COUNT));
    }
}
