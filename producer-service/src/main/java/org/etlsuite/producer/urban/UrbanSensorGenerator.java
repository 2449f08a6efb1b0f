package org.etlsuite.producer.urban;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventTimes;

/**
 * City sensor readings with the original generator's distributions (all uniform): sensor id
 * {@code sensor-100..999}, the five zones, 0..200 vehicles, 0..80 km/h (2 decimals), 30..100 dB
 * (1 decimal), PM2.5 1..150 and PM10 5..200 (2 decimals), and the three statuses.
 * <p>
 * The random draws come from one seeded {@link SplittableRandom} in a fixed order, so the same seed
 * gives the same sequence; {@code ts} comes from the {@link EventTimes} (by default the clock's current instant).
 * <p>
 * A reading is identified by {@code sensor_id} and {@code ts} (the transformer drops repeats of that pair as
 * duplicates), and a real sensor never takes two readings in the same millisecond. So when a sensor's drawn time
 * is not after its previous reading's, as happens when thousands of readings are generated per second, the
 * reading is stamped one millisecond after the previous one. In back-fill mode times are drawn at random over
 * the window, so only a repeat of the sensor's previous time is caught; a collision with an older reading of the
 * same sensor stays possible but rare (about one per million readings over a 7-day window).
 * Not thread-safe.
 */
public final class UrbanSensorGenerator implements EventGenerator<UrbanSensorReading> {

    private static final int FIRST_SENSOR = 100;
    private static final int SENSORS = 900;
    /**
     * A drawn time at most this far before the sensor's previous reading counts as the same clock tick (readings
     * generated faster than the clock advances) and is moved just after it; an earlier one is a back-filled time.
     */
    private static final long CLOCK_TIE_MILLIS = 1_000;
    private static final UrbanLocation[] LOCATIONS = UrbanLocation.values();
    private static final SensorStatus[] STATUSES = SensorStatus.values();

    private final RandomGenerator random;
    private final EventTimes times;
    /** Per sensor, the time of its latest reading in milliseconds (0 = none yet). */
    private final long[] lastMillis = new long[SENSORS];

    public UrbanSensorGenerator(long seed, Clock clock) {
        this(seed, EventTimes.now(clock));
    }

    public UrbanSensorGenerator(long seed, EventTimes times) {
        this.random = new SplittableRandom(seed);
        this.times = Objects.requireNonNull(times, "times");
    }

    @Override
    public UrbanSensorReading next() {
        int sensor = random.nextInt(SENSORS);
        // millisecond precision, as timestamp-millis on the wire: the event equals what a consumer decodes;
        // the current-time mode draws no random number, so it keeps the sequence of the other fields
        Instant ts = distinctFromPrevious(sensor, times.next(random));
        return UrbanSensorReading.newBuilder()
                .setSensorId("sensor-" + (FIRST_SENSOR + sensor))
                .setTs(ts)
                .setLocation(LOCATIONS[random.nextInt(LOCATIONS.length)])
                .setVehicleCount(random.nextInt(0, 201))
                .setAvgSpeedKmh(round(random.nextDouble(0, 80), 100))
                .setNoiseDb(round(random.nextDouble(30, 100), 10))
                .setPm25(round(random.nextDouble(1, 150), 100))
                .setPm10(round(random.nextDouble(5, 200), 100))
                .setStatus(STATUSES[random.nextInt(STATUSES.length)])
                .build();
    }

    private Instant distinctFromPrevious(int sensor, Instant drawn) {
        long millis = drawn.toEpochMilli();
        long previous = lastMillis[sensor];
        if (previous != 0 && millis <= previous && millis > previous - CLOCK_TIE_MILLIS) {
            millis = previous + 1;
        }
        lastMillis[sensor] = Math.max(previous, millis);
        return Instant.ofEpochMilli(millis);
    }

    /**
     * Half-up rounding to 1/scale, like the original's {@code round(x, n)} for positive values. The quotient
     * is the double nearest to the decimal, so it prints with at most that many decimals.
     */
    static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
