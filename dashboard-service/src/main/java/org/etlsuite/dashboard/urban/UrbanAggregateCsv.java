package org.etlsuite.dashboard.urban;

import java.util.List;

import org.etlsuite.dashboard.csv.CsvRecord;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.model.kpi.UrbanHourlyKpiFile;

import static org.etlsuite.model.kpi.UrbanHourlyKpiFile.*;

/** Maps the transformer's hourly urban aggregate file onto {@link UrbanAggregate} rows. */
final class UrbanAggregateCsv {

    /** Location of the file below the shared data directory. */
    static final String FILE = UrbanHourlyKpiFile.RELATIVE_PATH;

    private UrbanAggregateCsv() {
    }

    /**
     * The file's rows, in file order. A file without even a header counts as "no rows yet";
     * anything else that breaks the contract throws a
     * {@link org.etlsuite.dashboard.csv.CsvFormatException} naming file and line.
     */
    static List<UrbanAggregate> rows(CsvTable table) {
        return table.rows(HEADER, UrbanAggregateCsv::row);
    }

    private static UrbanAggregate row(CsvRecord record) {
        long hour = record.getLong(HOUR);
        if (hour < 0 || hour > 23) {
            throw record.error("column 'hour': " + hour + " is not an hour of the day (0..23)");
        }
        long readings = record.getLong(READINGS);
        if (readings < 0) {
            throw record.error("column 'readings': " + readings + " is negative");
        }
        return new UrbanAggregate(
                record.getNonBlank(LOCATION),
                record.getDate(DAY),
                (int) hour,
                readings,
                record.getDouble(VEHICLE_COUNT),
                record.getDouble(AVG_SPEED_KMH),
                record.getDouble(PM25),
                record.getDouble(PM10),
                record.getDouble(POLLUTION_IDX),
                record.getDouble(NOISE_DB));
    }
}
