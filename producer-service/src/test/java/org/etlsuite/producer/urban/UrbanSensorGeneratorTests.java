package org.etlsuite.producer.urban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.stream.EventTimes;
import org.junit.jupiter.api.Test;

class UrbanSensorGeneratorTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T15:09:26.535Z"), ZoneOffset.UTC);
    private static final int LARGE_SAMPLE = 100_000;
    private static final double TOLERANCE_PP = 1.5;

    @Test
    void shouldKeepEveryFieldWithinTheOriginalRangesAndDecimals() {
        for (UrbanSensorReading reading : generate(2024L, LARGE_SAMPLE)) {
            assertThat(reading.getSensorId()).matches("sensor-[1-9][0-9]{2}");
            int sensorNumber = Integer.parseInt(reading.getSensorId().substring("sensor-".length()));
            assertThat(sensorNumber).isBetween(100, 999);
            assertThat(reading.getVehicleCount()).isBetween(0, 200);
            assertThat(reading.getAvgSpeedKmh()).isBetween(0.0, 80.0);
            assertThat(reading.getNoiseDb()).isBetween(30.0, 100.0);
            assertThat(reading.getPm25()).isBetween(1.0, 150.0);
            assertThat(reading.getPm10()).isBetween(5.0, 200.0);
            assertThat(decimals(reading.getAvgSpeedKmh())).isLessThanOrEqualTo(2);
            assertThat(decimals(reading.getNoiseDb())).isLessThanOrEqualTo(1);
            assertThat(decimals(reading.getPm25())).isLessThanOrEqualTo(2);
            assertThat(decimals(reading.getPm10())).isLessThanOrEqualTo(2);
            assertThat(reading.getLocation()).isNotNull();
            assertThat(reading.getStatus()).isNotNull();
        }
    }

    @Test
    void shouldReachBothEndsOfTheIntegerRanges() {
        List<UrbanSensorReading> readings = generate(99L, LARGE_SAMPLE);

        assertThat(readings).extracting(UrbanSensorReading::getSensorId).contains("sensor-100", "sensor-999");
        assertThat(readings).extracting(UrbanSensorReading::getVehicleCount).contains(0, 200);
        assertThat(readings.stream().map(UrbanSensorReading::getSensorId).distinct().count()).isEqualTo(900);
        assertThat(readings.stream().mapToInt(UrbanSensorReading::getVehicleCount).distinct().count()).isEqualTo(201);
    }

    @Test
    void shouldUseTwoAndOneDecimalsRatherThanFewer() {
        // Guards against rounding to the wrong scale: over many readings some values need every decimal place.
        List<UrbanSensorReading> readings = generate(5L, 10_000);

        assertThat(readings.stream().mapToInt(r -> decimals(r.getAvgSpeedKmh())).max()).hasValue(2);
        assertThat(readings.stream().mapToInt(r -> decimals(r.getNoiseDb())).max()).hasValue(1);
        assertThat(readings.stream().mapToInt(r -> decimals(r.getPm25())).max()).hasValue(2);
        assertThat(readings.stream().mapToInt(r -> decimals(r.getPm10())).max()).hasValue(2);
    }

    @Test
    void shouldProduceTheSameSequenceForTheSameSeed() {
        assertThat(generate(42L, 1_000)).isEqualTo(generate(42L, 1_000));
    }

    @Test
    void shouldProduceDifferentSequencesForDifferentSeeds() {
        assertThat(generate(42L, 100)).isNotEqualTo(generate(43L, 100));
    }

    @Test
    void shouldStampReadingsWithTheClockInstantAtMillisecondPrecision() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);

        UrbanSensorReading reading = new UrbanSensorGenerator(1L, clock).next();

        assertThat(reading.getTs()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123Z"));
    }

    @Test
    void shouldNeverRepeatASensorsTimestampWhenTheClockStandsStill() {
        // Bursts generate thousands of readings within one millisecond of the clock; (sensor_id, ts) identifies a
        // reading downstream, so a repeat would be dropped there as a duplicate.
        UrbanSensorGenerator generator = new UrbanSensorGenerator(5L, CLOCK);

        List<UrbanSensorReading> readings = IntStream.range(0, 20_000).mapToObj(i -> generator.next()).toList();

        assertThat(readings.stream().map(r -> r.getSensorId() + "@" + r.getTs().toEpochMilli()).distinct().count())
                .isEqualTo(20_000);
        // about 22 readings per sensor: each sensor's clock runs a few milliseconds ahead at most
        assertThat(readings).extracting(UrbanSensorReading::getTs)
                .allSatisfy(ts -> assertThat(ts).isBetween(CLOCK.instant(), CLOCK.instant().plusMillis(100)));
    }

    @Test
    void shouldSpreadBackfilledReadingsOverThePastWindowAndReplayThem() {
        EventTimes times = EventTimes.backfill(CLOCK, Duration.ofHours(1));
        UrbanSensorGenerator generator = new UrbanSensorGenerator(8L, times);
        List<UrbanSensorReading> readings = IntStream.range(0, 1_000).mapToObj(i -> generator.next()).toList();

        assertThat(readings).extracting(UrbanSensorReading::getTs)
                .allSatisfy(ts -> assertThat(ts).isBetween(Instant.parse("2025-03-14T14:09:26.535Z"), CLOCK.instant()));
        assertThat(readings.stream().map(UrbanSensorReading::getTs).distinct().count()).isGreaterThan(990);
        UrbanSensorGenerator replay = new UrbanSensorGenerator(8L, times);
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> replay.next()).toList()).isEqualTo(readings);
    }

    @Test
    void shouldSpreadReadingsEvenlyOverTheFiveLocations() {
        Map<UrbanLocation, Integer> counts = new EnumMap<>(UrbanLocation.class);
        generate(20_240_601L, LARGE_SAMPLE).forEach(r -> counts.merge(r.getLocation(), 1, Integer::sum));

        assertThat(counts).containsOnlyKeys(UrbanLocation.values());
        counts.forEach((location, count) ->
                assertThat(100.0 * count / LARGE_SAMPLE).as("share of %s in %%", location)
                        .isCloseTo(100.0 / 5, within(TOLERANCE_PP)));
    }

    @Test
    void shouldSpreadReadingsEvenlyOverTheThreeStatuses() {
        Map<SensorStatus, Integer> counts = new EnumMap<>(SensorStatus.class);
        generate(20_240_601L, LARGE_SAMPLE).forEach(r -> counts.merge(r.getStatus(), 1, Integer::sum));

        assertThat(counts).containsOnlyKeys(SensorStatus.values());
        counts.forEach((status, count) ->
                assertThat(100.0 * count / LARGE_SAMPLE).as("share of %s in %%", status)
                        .isCloseTo(100.0 / 3, within(TOLERANCE_PP)));
    }

    @Test
    void shouldCenterTheContinuousValuesOnTheMiddleOfTheirRanges() {
        List<UrbanSensorReading> readings = generate(7L, LARGE_SAMPLE);

        // Uniform distributions: the mean is the midpoint; 100k draws put it well within 1% of the range.
        assertThat(readings.stream().mapToDouble(UrbanSensorReading::getAvgSpeedKmh).average()).hasValueCloseTo(40.0, within(0.8));
        assertThat(readings.stream().mapToDouble(UrbanSensorReading::getNoiseDb).average()).hasValueCloseTo(65.0, within(0.7));
        assertThat(readings.stream().mapToDouble(UrbanSensorReading::getPm25).average()).hasValueCloseTo(75.5, within(1.5));
        assertThat(readings.stream().mapToDouble(UrbanSensorReading::getPm10).average()).hasValueCloseTo(102.5, within(2.0));
        assertThat(readings.stream().mapToInt(UrbanSensorReading::getVehicleCount).average()).hasValueCloseTo(100.0, within(2.0));
    }

    @Test
    void shouldRoundHalfUpToTheRequestedScale() {
        assertThat(UrbanSensorGenerator.round(12.345_000_1, 100)).isEqualTo(12.35);
        assertThat(UrbanSensorGenerator.round(12.344_999, 100)).isEqualTo(12.34);
        assertThat(UrbanSensorGenerator.round(99.96, 10)).isEqualTo(100.0);
        assertThat(UrbanSensorGenerator.round(0.004, 100)).isEqualTo(0.0);
    }

    private static List<UrbanSensorReading> generate(long seed, int count) {
        UrbanSensorGenerator generator = new UrbanSensorGenerator(seed, CLOCK);
        List<UrbanSensorReading> readings = new ArrayList<>(count);
        IntStream.range(0, count).forEach(i -> readings.add(generator.next()));
        return readings;
    }

    private static int decimals(double value) {
        return Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale());
    }
}
