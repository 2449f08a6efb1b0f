package org.etlsuite.transformer.urban;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.transformer.stream.QualityRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UrbanReadingRulesTests {

    record Case(String description, Consumer<UrbanSensorReading> change) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static UrbanSensorReading valid() {
        return TestReadings.reading("sensor-250", "2026-03-01T10:00:00Z", UrbanLocation.KANASIN, 12, 33.3, 55.5, 20.0, 40.0);
    }

    private static Optional<String> firstBroken(UrbanSensorReading reading) {
        return QualityRule.firstBroken(UrbanReadingRules.ALL, reading).map(QualityRule::name);
    }

    private static UrbanSensorReading changed(Consumer<UrbanSensorReading> change) {
        UrbanSensorReading reading = valid();
        change.accept(reading);
        return reading;
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                arguments("sensor-id-present", new Case("blank sensor_id", r -> r.setSensorId("  "))),
                arguments("sensor-id-present", new Case("empty sensor_id", r -> r.setSensorId(""))),
                arguments("sensor-id-present", new Case("missing sensor_id", r -> r.setSensorId(null))),
                arguments("ts-positive", new Case("ts at the epoch", r -> r.setTs(Instant.EPOCH))),
                arguments("ts-positive", new Case("ts before the epoch", r -> r.setTs(Instant.ofEpochMilli(-1)))),
                arguments("measurements-finite", new Case("NaN speed", r -> r.setAvgSpeedKmh(Double.NaN))),
                arguments("measurements-finite", new Case("infinite noise", r -> r.setNoiseDb(Double.POSITIVE_INFINITY))),
                arguments("measurements-finite", new Case("NaN pm25", r -> r.setPm25(Double.NaN))),
                arguments("measurements-finite", new Case("-infinite pm10", r -> r.setPm10(Double.NEGATIVE_INFINITY))),
                arguments("vehicle-count-range", new Case("vehicle_count -1", r -> r.setVehicleCount(-1))),
                arguments("vehicle-count-range", new Case("vehicle_count 201", r -> r.setVehicleCount(201))),
                arguments("avg-speed-kmh-range", new Case("avg_speed_kmh -0.01", r -> r.setAvgSpeedKmh(-0.01))),
                arguments("avg-speed-kmh-range", new Case("avg_speed_kmh 80.01", r -> r.setAvgSpeedKmh(80.01))),
                arguments("noise-db-range", new Case("noise_db 29.9", r -> r.setNoiseDb(29.9))),
                arguments("noise-db-range", new Case("noise_db 100.1", r -> r.setNoiseDb(100.1))),
                arguments("pm25-range", new Case("pm25 0.99", r -> r.setPm25(0.99))),
                arguments("pm25-range", new Case("pm25 150.01", r -> r.setPm25(150.01))),
                arguments("pm10-range", new Case("pm10 4.99", r -> r.setPm10(4.99))),
                arguments("pm10-range", new Case("pm10 200.01", r -> r.setPm10(200.01))));
    }

    @ParameterizedTest(name = "{1} breaks {0}")
    @MethodSource("broken")
    void shouldRejectAReadingThatBreaksARuleWithThatRulesName(String rule, Case change) {
        assertThat(firstBroken(changed(change.change()))).contains(rule);
    }

    static Stream<Case> boundaries() {
        return Stream.of(
                new Case("ts one millisecond after the epoch", r -> r.setTs(Instant.ofEpochMilli(1))),
                new Case("vehicle_count 0", r -> r.setVehicleCount(0)),
                new Case("vehicle_count 200", r -> r.setVehicleCount(200)),
                new Case("avg_speed_kmh 0", r -> r.setAvgSpeedKmh(0.0)),
                new Case("avg_speed_kmh 80", r -> r.setAvgSpeedKmh(80.0)),
                new Case("noise_db 30", r -> r.setNoiseDb(30.0)),
                new Case("noise_db 100", r -> r.setNoiseDb(100.0)),
                new Case("pm25 1", r -> r.setPm25(1.0)),
                new Case("pm25 150", r -> r.setPm25(150.0)),
                new Case("pm10 5", r -> r.setPm10(5.0)),
                new Case("pm10 200", r -> r.setPm10(200.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void shouldAcceptReadingsOnTheBoundsOfEveryRange(Case change) {
        assertThat(firstBroken(changed(change.change()))).isEmpty();
    }

    @Test
    void shouldAcceptACompleteReading() {
        assertThat(firstBroken(valid())).isEmpty();
    }

    @Test
    void shouldReportTheFirstBrokenRuleInListOrder() {
        UrbanSensorReading reading = valid();
        reading.setSensorId("");
        reading.setTs(Instant.EPOCH);
        reading.setPm10(500.0);

        assertThat(firstBroken(reading)).contains("sensor-id-present");
    }

    @Test
    void shouldReportNotANumberAsNonFiniteRatherThanOutOfRange() {
        assertThat(firstBroken(changed(r -> r.setPm25(Double.NaN)))).contains("measurements-finite");
    }

    @Test
    void shouldCheckTheRulesInTheDocumentedOrder() {
        assertThat(UrbanReadingRules.ALL).extracting(QualityRule::name).containsExactly(
                "sensor-id-present", "ts-positive", "measurements-finite", "vehicle-count-range",
                "avg-speed-kmh-range", "noise-db-range", "pm25-range", "pm10-range");
        assertThat(UrbanSensorsStream.spec().checkedRules()).extracting(QualityRule::name)
                .startsWith("value-present", "sensor-id-present").hasSize(9);
        assertThat(List.copyOf(UrbanReadingRules.ALL)).doesNotHaveDuplicates();
    }
}
