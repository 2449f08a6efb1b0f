package org.etlsuite.transformer.urban;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import org.etlsuite.events.urban.UrbanSensorReading;

/**
 * The cleaning rules of the urban-sensors pipeline, in the order they are checked. A reading that
 * breaks one is dropped (a later step will route it to a dead-letter topic with the rule's name).
 *
 * <p>The original filled missing numbers with medians; the Avro schema makes every measurement
 * mandatory, so there is nothing to fill and the list stays this short.
 */
public enum UrbanReadingRules {

    /** A tombstone or an empty value carries no reading. */
    VALUE_PRESENT(reading -> reading != null),

    /** The original dropped readings without a sensor_id; blank counts as missing. */
    SENSOR_ID_PRESENT(reading -> reading.getSensorId() != null && !reading.getSensorId().isBlank()),

    /** The original dropped readings without ts; 0 and negative epochs are producer defaults, not event times. */
    TIMESTAMP_POSITIVE(reading -> reading.getTs() != null && reading.getTs().toEpochMilli() > 0),

    /** NaN or infinity would poison every mean of its bucket forever (sums never forget). */
    MEASUREMENTS_FINITE(reading -> Double.isFinite(reading.getAvgSpeedKmh())
            && Double.isFinite(reading.getNoiseDb())
            && Double.isFinite(reading.getPm25())
            && Double.isFinite(reading.getPm10()));

    private final Predicate<UrbanSensorReading> holds;

    UrbanReadingRules(Predicate<UrbanSensorReading> holds) {
        this.holds = holds;
    }

    /** The first rule the reading breaks, or empty when the reading is clean. */
    public static Optional<UrbanReadingRules> firstViolation(UrbanSensorReading reading) {
        return Arrays.stream(values()).filter(rule -> !rule.holds.test(reading)).findFirst();
    }

    public static boolean isClean(UrbanSensorReading reading) {
        return firstViolation(reading).isEmpty();
    }
}
