package org.etlsuite.producer.urban;

import java.util.List;
import java.util.random.RandomGenerator;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.stream.Defects;

/**
 * Dirty city sensor readings: each breaks exactly one data-quality rule of the {@code urban-sensors} stream and
 * keeps every other field of the clean reading. Values stay on the generator's grid (whole vehicles, 2 decimals for
 * speed and particulates, 1 for noise), so only the rule tells them apart from clean ones.
 * <ul>
 * <li>{@value #EMPTY_SENSOR_ID}: {@code sensor_id} is the empty string (also the record key);</li>
 * <li>{@value #VEHICLE_COUNT_OUT_OF_RANGE}: {@code vehicle_count} below 0 (-50..-1) or above 200 (201..1000);</li>
 * <li>{@value #PM25_OUT_OF_RANGE}: {@code pm25} outside 1..150 (0.00..0.99 or 150.01..1000.00);</li>
 * <li>{@value #PM10_OUT_OF_RANGE}: {@code pm10} outside 5..200 (0.00..4.99 or 200.01..1000.00);</li>
 * <li>{@value #NOISE_OUT_OF_RANGE}: {@code noise_db} outside 30..100 (0.0..29.9 or 100.1..150.0);</li>
 * <li>{@value #NEGATIVE_SPEED}: {@code avg_speed_kmh} below 0 (-80.00..-0.01).</li>
 * </ul>
 */
public final class UrbanDefects implements Defects<UrbanSensorReading> {

    public static final String EMPTY_SENSOR_ID = "empty_sensor_id";
    public static final String VEHICLE_COUNT_OUT_OF_RANGE = "vehicle_count_out_of_range";
    public static final String PM25_OUT_OF_RANGE = "pm25_out_of_range";
    public static final String PM10_OUT_OF_RANGE = "pm10_out_of_range";
    public static final String NOISE_OUT_OF_RANGE = "noise_out_of_range";
    public static final String NEGATIVE_SPEED = "negative_speed";

    public static final UrbanDefects INSTANCE = new UrbanDefects();

    private static final List<String> KINDS = List.of(EMPTY_SENSOR_ID, VEHICLE_COUNT_OUT_OF_RANGE, PM25_OUT_OF_RANGE,
            PM10_OUT_OF_RANGE, NOISE_OUT_OF_RANGE, NEGATIVE_SPEED);

    private UrbanDefects() {
    }

    @Override
    public List<String> kinds() {
        return KINDS;
    }

    @Override
    public Defective<UrbanSensorReading> apply(UrbanSensorReading clean, RandomGenerator random) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        UrbanSensorReading.Builder dirty = UrbanSensorReading.newBuilder(clean);
        // Drawn in whole hundredths (tenths for noise), so that the bounds are exact: no rounding can land a value
        // back inside the valid range.
        switch (kind) {
            case EMPTY_SENSOR_ID -> dirty.setSensorId("");
            case VEHICLE_COUNT_OUT_OF_RANGE -> dirty.setVehicleCount(random.nextBoolean()
                    ? -random.nextInt(1, 51)
                    : random.nextInt(201, 1001));
            case PM25_OUT_OF_RANGE -> dirty.setPm25(outside(random, 0, 99, 15_001, 100_000) / 100.0);
            case PM10_OUT_OF_RANGE -> dirty.setPm10(outside(random, 0, 499, 20_001, 100_000) / 100.0);
            case NOISE_OUT_OF_RANGE -> dirty.setNoiseDb(outside(random, 0, 299, 1_001, 1_500) / 10.0);
            case NEGATIVE_SPEED -> dirty.setAvgSpeedKmh(-random.nextInt(1, 8_001) / 100.0);
            default -> throw new IllegalStateException("unknown defect " + kind);
        }
        return new Defective<>(dirty.build(), kind);
    }

    /** Uniformly below ({@code lowFrom..lowTo}) or above ({@code highFrom..highTo}) the range, each half the time. */
    private static int outside(RandomGenerator random, int lowFrom, int lowTo, int highFrom, int highTo) {
        return random.nextBoolean() ? random.nextInt(lowFrom, lowTo + 1) : random.nextInt(highFrom, highTo + 1);
    }
}
