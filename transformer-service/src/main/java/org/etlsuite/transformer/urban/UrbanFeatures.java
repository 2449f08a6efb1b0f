package org.etlsuite.transformer.urban;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.urban.NoiseLevel;

/** The feature formulas of the urban-sensors pipeline; buckets use the event time in UTC. */
public final class UrbanFeatures {

    /** Rush hours of the original pipeline (UTC hours, as the original used UTC throughout). */
    public static final Set<Integer> PEAK_HOURS = Set.of(7, 8, 9, 17, 18, 19);

    private UrbanFeatures() {
    }

    /** Requires a reading that passed {@link UrbanReadingRules} (in particular a non-null {@code ts}). */
    public static EnrichedUrbanReading enrich(UrbanSensorReading reading) {
        ZonedDateTime utc = reading.getTs().atZone(ZoneOffset.UTC);
        int hour = utc.getHour();
        return new EnrichedUrbanReading(
                reading,
                utc.toLocalDate(),
                hour,
                isPeakHour(hour),
                pollutionIndex(reading.getPm25(), reading.getPm10()),
                NoiseLevel.of(reading.getNoiseDb()));
    }

    public static boolean isPeakHour(int hour) {
        return PEAK_HOURS.contains(hour);
    }

    public static double pollutionIndex(double pm25, double pm10) {
        return 0.6 * pm25 + 0.4 * pm10;
    }
}
