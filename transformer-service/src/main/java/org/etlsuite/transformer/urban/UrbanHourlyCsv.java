package org.etlsuite.transformer.urban;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.etlsuite.model.kpi.UrbanHourlyKpiFile;
import org.etlsuite.model.urban.UrbanLocations;
import org.etlsuite.transformer.csv.CsvDocument;

import static org.etlsuite.transformer.csv.CsvFormat.decimal;

/** The hourly aggregate file {@code processed/urban_sensors_processed_aggregated.csv}. */
public final class UrbanHourlyCsv {

    public static final String RELATIVE_PATH = UrbanHourlyKpiFile.RELATIVE_PATH;

    public static final List<String> HEADER = UrbanHourlyKpiFile.HEADER;

    private UrbanHourlyCsv() {
    }

    /** One row per bucket, sorted by location (display name), day, hour; means over each bucket. */
    public static CsvDocument document(Map<UrbanBucket, UrbanHourlyAggregate> table) {
        TreeMap<UrbanBucket, UrbanHourlyAggregate> sorted = new TreeMap<>(UrbanBucket.CSV_ORDER);
        sorted.putAll(table);
        List<List<String>> rows = new ArrayList<>(sorted.size());
        long readings = 0;
        for (var entry : sorted.entrySet()) {
            UrbanBucket bucket = entry.getKey();
            UrbanHourlyAggregate aggregate = entry.getValue();
            readings += aggregate.readings();
            rows.add(List.of(
                    UrbanLocations.displayName(bucket.location()),
                    bucket.day().toString(),
                    Integer.toString(bucket.hour()),
                    Long.toString(aggregate.readings()),
                    decimal(aggregate.meanVehicleCount()),
                    decimal(aggregate.meanAvgSpeedKmh()),
                    decimal(aggregate.meanPm25()),
                    decimal(aggregate.meanPm10()),
                    decimal(aggregate.meanPollutionIdx()),
                    decimal(aggregate.meanNoiseDb())));
        }
        return new CsvDocument(HEADER, rows, readings);
    }
}
