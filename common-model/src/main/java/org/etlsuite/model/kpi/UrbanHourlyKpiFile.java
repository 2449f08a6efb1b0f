package org.etlsuite.model.kpi;

import java.util.List;

/**
 * The hourly urban aggregate file: written by the transformer, read by the dashboard. One row per
 * (location, day, hour) in UTC, cumulative over every reading processed; the measurement columns are
 * means over the bucket.
 */
public final class UrbanHourlyKpiFile {

    /** Below the shared data directory. */
    public static final String RELATIVE_PATH = "processed/urban_sensors_processed_aggregated.csv";

    public static final String LOCATION = "location";
    public static final String DAY = "day";
    public static final String HOUR = "hour";
    public static final String READINGS = "readings";
    public static final String VEHICLE_COUNT = "vehicle_count";
    public static final String AVG_SPEED_KMH = "avg_speed_kmh";
    public static final String PM25 = "pm25";
    public static final String PM10 = "pm10";
    public static final String POLLUTION_IDX = "pollution_idx";
    public static final String NOISE_DB = "noise_db";

    /** Column order of the file. */
    public static final List<String> HEADER = List.of(LOCATION, DAY, HOUR, READINGS, VEHICLE_COUNT, AVG_SPEED_KMH,
            PM25, PM10, POLLUTION_IDX, NOISE_DB);

    private UrbanHourlyKpiFile() {
    }
}
