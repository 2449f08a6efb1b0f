package org.etlsuite.dashboard.urban;

import java.time.LocalDate;

/**
 * One row of {@code processed/urban_sensors_processed_aggregated.csv}: the means of the readings
 * of one zone in one UTC hour.
 *
 * @param readings number of readings averaged into this row; the weight of its means
 */
record UrbanAggregate(
        String location,
        LocalDate day,
        int hour,
        long readings,
        double vehicleCount,
        double avgSpeedKmh,
        double pm25,
        double pm10,
        double pollutionIdx,
        double noiseDb) {
}
