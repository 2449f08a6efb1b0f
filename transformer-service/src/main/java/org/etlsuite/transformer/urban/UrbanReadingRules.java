package org.etlsuite.transformer.urban;

import java.util.List;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.transformer.stream.QualityRule;

/**
 * The data-quality rules of the urban-sensors stream, in the order they are checked (after the
 * framework's {@code value-present}). A reading that breaks one goes to {@code urban-sensors.DLT} with
 * the rule's name and is counted under it; only the first broken rule is reported.
 *
 * <p>Ranges are the generator's (docs/DOMAIN.md), bounds included. {@link #MEASUREMENTS_FINITE} comes
 * before the ranges so that NaN and infinities are reported as what they are rather than as out of
 * range. The original filled missing numbers with medians; the Avro schema makes every measurement
 * mandatory, so there is nothing to fill.
 */
public final class UrbanReadingRules {

    /** The original dropped readings without a sensor_id; blank counts as missing. */
    public static final QualityRule<UrbanSensorReading> SENSOR_ID_PRESENT = QualityRule.of("sensor-id-present",
            reading -> reading.getSensorId() != null && !reading.getSensorId().isBlank());

    /** The original dropped readings without ts; 0 and negative epochs are producer defaults, not event times. */
    public static final QualityRule<UrbanSensorReading> TS_POSITIVE = QualityRule.of("ts-positive",
            reading -> reading.getTs() != null && reading.getTs().toEpochMilli() > 0);

    /** NaN or infinity would poison every mean of its bucket forever (sums never forget). */
    public static final QualityRule<UrbanSensorReading> MEASUREMENTS_FINITE = QualityRule.of("measurements-finite",
            reading -> Double.isFinite(reading.getAvgSpeedKmh())
                    && Double.isFinite(reading.getNoiseDb())
                    && Double.isFinite(reading.getPm25())
                    && Double.isFinite(reading.getPm10()));

    public static final QualityRule<UrbanSensorReading> VEHICLE_COUNT_RANGE = QualityRule.of("vehicle-count-range",
            reading -> reading.getVehicleCount() >= 0 && reading.getVehicleCount() <= 200);

    public static final QualityRule<UrbanSensorReading> AVG_SPEED_KMH_RANGE = QualityRule.of("avg-speed-kmh-range",
            reading -> within(reading.getAvgSpeedKmh(), 0, 80));

    public static final QualityRule<UrbanSensorReading> NOISE_DB_RANGE = QualityRule.of("noise-db-range",
            reading -> within(reading.getNoiseDb(), 30, 100));

    public static final QualityRule<UrbanSensorReading> PM25_RANGE = QualityRule.of("pm25-range",
            reading -> within(reading.getPm25(), 1, 150));

    public static final QualityRule<UrbanSensorReading> PM10_RANGE = QualityRule.of("pm10-range",
            reading -> within(reading.getPm10(), 5, 200));

    /** Every rule, in the order they are checked. */
    public static final List<QualityRule<UrbanSensorReading>> ALL = List.of(SENSOR_ID_PRESENT, TS_POSITIVE, MEASUREMENTS_FINITE,
            VEHICLE_COUNT_RANGE, AVG_SPEED_KMH_RANGE, NOISE_DB_RANGE, PM25_RANGE, PM10_RANGE);

    private UrbanReadingRules() {
    }

    private static boolean within(double value, double min, double max) {
        return value >= min && value <= max;
    }
}
