package org.etlsuite.transformer.urban;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import org.etlsuite.events.urban.UrbanNoiseLevel;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.urban.NoiseLevel;

/** The feature formulas of the urban-sensors stream; time features use the event time in UTC. */
public final class UrbanFeatures {

    /** Rush hours of the original pipeline (UTC hours, as the original used UTC throughout). */
    public static final Set<Integer> PEAK_HOURS = Set.of(7, 8, 9, 17, 18, 19);

    private UrbanFeatures() {
    }

    /** The processed record of a reading that passed {@link UrbanReadingRules} (in particular a non-null {@code ts}). */
    public static UrbanSensorReadingProcessed enrich(UrbanSensorReading reading) {
        ZonedDateTime utc = reading.getTs().atZone(ZoneOffset.UTC);
        int hour = utc.getHour();
        return UrbanSensorReadingProcessed.newBuilder()
                .setSensorId(reading.getSensorId())
                .setTs(reading.getTs())
                .setLocation(reading.getLocation())
                .setVehicleCount(reading.getVehicleCount())
                .setAvgSpeedKmh(reading.getAvgSpeedKmh())
                .setNoiseDb(reading.getNoiseDb())
                .setPm25(reading.getPm25())
                .setPm10(reading.getPm10())
                .setStatus(reading.getStatus())
                .setHour(hour)
                .setDay(utc.toLocalDate())
                .setIsPeakHour(isPeakHour(hour))
                .setPollutionIdx(pollutionIndex(reading.getPm25(), reading.getPm10()))
                .setNoiseLevel(noiseLevel(reading.getNoiseDb()))
                .build();
    }

    public static boolean isPeakHour(int hour) {
        return PEAK_HOURS.contains(hour);
    }

    public static double pollutionIndex(double pm25, double pm10) {
        return 0.6 * pm25 + 0.4 * pm10;
    }

    /** The class of a noise measurement (bounds from {@link NoiseLevel}, shared with the dashboard). */
    public static UrbanNoiseLevel noiseLevel(double noiseDb) {
        return switch (NoiseLevel.of(noiseDb)) {
            case LOW -> UrbanNoiseLevel.LOW;
            case MODERATE -> UrbanNoiseLevel.MODERATE;
            case HIGH -> UrbanNoiseLevel.HIGH;
            case UNCLASSIFIED -> UrbanNoiseLevel.UNCLASSIFIED;
        };
    }

    /**
     * Identity of a reading for de-duplication: the sensor and the event time. {@code ts} has no '|', so
     * the text after the last '|' is always the time and different readings never share an id.
     */
    public static String eventId(UrbanSensorReading reading) {
        return reading.getSensorId() + '|' + reading.getTs().toEpochMilli();
    }
}
