package org.etlsuite.transformer.urban;

import java.time.Instant;

import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrbanReadingRulesTests {

    private static UrbanSensorReading valid() {
        return TestReadings.reading("sensor-250", "2026-03-01T10:00:00Z", UrbanLocation.KANASIN, 12, 33.3, 55.5, 20.0, 40.0);
    }

    @Test
    void shouldAcceptACompleteReading() {
        assertThat(UrbanReadingRules.firstViolation(valid())).isEmpty();
        assertThat(UrbanReadingRules.isClean(valid())).isTrue();
    }

    @Test
    void shouldRejectAMissingValue() {
        assertThat(UrbanReadingRules.firstViolation(null)).contains(UrbanReadingRules.VALUE_PRESENT);
    }

    @Test
    void shouldRejectBlankOrMissingSensorId() {
        UrbanSensorReading blank = valid();
        blank.setSensorId("  ");
        UrbanSensorReading empty = valid();
        empty.setSensorId("");
        UrbanSensorReading missing = valid();
        missing.setSensorId(null);

        assertThat(UrbanReadingRules.firstViolation(blank)).contains(UrbanReadingRules.SENSOR_ID_PRESENT);
        assertThat(UrbanReadingRules.firstViolation(empty)).contains(UrbanReadingRules.SENSOR_ID_PRESENT);
        assertThat(UrbanReadingRules.firstViolation(missing)).contains(UrbanReadingRules.SENSOR_ID_PRESENT);
    }

    @Test
    void shouldRejectZeroOrNegativeTimestamp() {
        // (A null ts cannot even be set on the generated class; the rule still guards against it.)
        UrbanSensorReading epoch = valid();
        epoch.setTs(Instant.EPOCH);
        UrbanSensorReading negative = valid();
        negative.setTs(Instant.ofEpochMilli(-1));

        assertThat(UrbanReadingRules.firstViolation(epoch)).contains(UrbanReadingRules.TIMESTAMP_POSITIVE);
        assertThat(UrbanReadingRules.firstViolation(negative)).contains(UrbanReadingRules.TIMESTAMP_POSITIVE);
    }

    @Test
    void shouldAcceptTheFirstMillisecondAfterTheEpoch() {
        UrbanSensorReading reading = valid();
        reading.setTs(Instant.ofEpochMilli(1));

        assertThat(UrbanReadingRules.isClean(reading)).isTrue();
    }

    @Test
    void shouldRejectNonFiniteMeasurements() {
        UrbanSensorReading nanSpeed = valid();
        nanSpeed.setAvgSpeedKmh(Double.NaN);
        UrbanSensorReading infiniteNoise = valid();
        infiniteNoise.setNoiseDb(Double.POSITIVE_INFINITY);
        UrbanSensorReading nanPm25 = valid();
        nanPm25.setPm25(Double.NaN);
        UrbanSensorReading infinitePm10 = valid();
        infinitePm10.setPm10(Double.NEGATIVE_INFINITY);

        assertThat(UrbanReadingRules.firstViolation(nanSpeed)).contains(UrbanReadingRules.MEASUREMENTS_FINITE);
        assertThat(UrbanReadingRules.firstViolation(infiniteNoise)).contains(UrbanReadingRules.MEASUREMENTS_FINITE);
        assertThat(UrbanReadingRules.firstViolation(nanPm25)).contains(UrbanReadingRules.MEASUREMENTS_FINITE);
        assertThat(UrbanReadingRules.firstViolation(infinitePm10)).contains(UrbanReadingRules.MEASUREMENTS_FINITE);
    }

    @Test
    void shouldReportTheFirstBrokenRuleInListOrder() {
        UrbanSensorReading reading = valid();
        reading.setSensorId("");
        reading.setTs(Instant.EPOCH);

        assertThat(UrbanReadingRules.firstViolation(reading)).contains(UrbanReadingRules.SENSOR_ID_PRESENT);
    }
}
