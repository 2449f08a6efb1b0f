package org.etlsuite.producer.urban;

import java.time.Clock;
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
 * Not thread-safe.
 */
public final class UrbanSensorGenerator implements EventGenerator<UrbanSensorReading> {

    private static final UrbanLocation[] LOCATIONS = UrbanLocation.values();
    private static final SensorStatus[] STATUSES = SensorStatus.values();

    private final RandomGenerator random;
    private final EventTimes times;

    public UrbanSensorGenerator(long seed, Clock clock) {
        this(seed, EventTimes.now(clock));
    }

    public UrbanSensorGenerator(long seed, EventTimes times) {
        this.random = new SplittableRandom(seed);
        this.times = Objects.requireNonNull(times, "times");
    }

    @Override
    public UrbanSensorReading next() {
        return UrbanSensorReading.newBuilder()
                .setSensorId("sensor-" + random.nextInt(100, 1000))
                // millisecond precision, as timestamp-millis on the wire: the event equals what a consumer decodes;
                // the current-time mode draws no random number, so it keeps the sequence of the other fields
                .setTs(times.next(random))
                .setLocation(LOCATIONS[random.nextInt(LOCATIONS.length)])
                .setVehicleCount(random.nextInt(0, 201))
                .setAvgSpeedKmh(round(random.nextDouble(0, 80), 100))
                .setNoiseDb(round(random.nextDouble(30, 100), 10))
                .setPm25(round(random.nextDouble(1, 150), 100))
                .setPm10(round(random.nextDouble(5, 200), 100))
                .setStatus(STATUSES[random.nextInt(STATUSES.length)])
                .build();
    }

    /**
     * Half-up rounding to 1/scale, like the original's {@code round(x, n)} for positive values. The quotient
     * is the double nearest to the decimal, so it prints with at most that many decimals.
     */
    static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
