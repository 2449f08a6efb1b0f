package org.etlsuite.transformer.urban;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanNoiseLevel;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrbanFeaturesTests {

    @Test
    void shouldTakeDayAndHourFromEventTimeInUtc() {
        // 23:59:59.999 UTC is already the next day in Europe and still the same day in Mérida:
        // the bucket must follow UTC regardless of any zone.
        UrbanSensorReadingProcessed enriched = UrbanFeatures.enrich(TestReadings.reading("2026-03-01T23:59:59.999Z", UrbanLocation.CENTRO));

        assertThat(enriched.getDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(enriched.getHour()).isEqualTo(23);
    }

    @Test
    void shouldStartNewBucketAtMidnightUtc() {
        UrbanSensorReadingProcessed enriched = UrbanFeatures.enrich(TestReadings.reading("2026-03-02T00:00:00Z", UrbanLocation.CENTRO));

        assertThat(enriched.getDay()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(enriched.getHour()).isZero();
    }

    @Test
    void shouldFlagExactlyHoursSevenToNineAndSeventeenToNineteenAsPeak() {
        assertThat(IntStream.range(0, 24).filter(UrbanFeatures::isPeakHour).boxed().toList())
                .containsExactly(7, 8, 9, 17, 18, 19);
    }

    @Test
    void shouldCarryPeakFlagOfTheReadingsHour() {
        assertThat(UrbanFeatures.enrich(TestReadings.reading("2026-03-01T07:00:00Z", UrbanLocation.CENTRO)).getIsPeakHour()).isTrue();
        assertThat(UrbanFeatures.enrich(TestReadings.reading("2026-03-01T06:59:59Z", UrbanLocation.CENTRO)).getIsPeakHour()).isFalse();
        assertThat(UrbanFeatures.enrich(TestReadings.reading("2026-03-01T19:59:59Z", UrbanLocation.CENTRO)).getIsPeakHour()).isTrue();
        assertThat(UrbanFeatures.enrich(TestReadings.reading("2026-03-01T20:00:00Z", UrbanLocation.CENTRO)).getIsPeakHour()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "10.0, 20.0, 14.0",
            "100.0, 50.0, 80.0",
            "12.5, 40.25, 23.6",
            "0.0, 0.0, 0.0"
    })
    void shouldWeighPm25BySixTenthsAndPm10ByFourTenths(double pm25, double pm10, double expected) {
        assertThat(UrbanFeatures.pollutionIndex(pm25, pm10)).isEqualTo(expected);
    }

    @Test
    void shouldComputePollutionIndexOfTheReading() {
        UrbanSensorReadingProcessed enriched = UrbanFeatures.enrich(
                TestReadings.reading("sensor-101", "2026-03-01T08:15:00Z", UrbanLocation.CAUCEL, 5, 30.0, 45.0, 100.0, 50.0));

        assertThat(enriched.getPollutionIdx()).isEqualTo(80.0);
        assertThat(enriched.getNoiseLevel()).isEqualTo(UrbanNoiseLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource({
            "30.0, LOW",
            "40.0, LOW",
            "40.1, MODERATE",
            "70.0, MODERATE",
            "70.1, HIGH",
            "120.0, HIGH",
            "120.5, UNCLASSIFIED"
    })
    void shouldClassifyTheNoiseOfTheReadingLowUpTo40ModerateUpTo70HighUpTo120(double noiseDb, UrbanNoiseLevel expected) {
        UrbanSensorReadingProcessed enriched = UrbanFeatures.enrich(
                TestReadings.reading("sensor-101", "2026-03-01T08:15:00Z", UrbanLocation.CAUCEL, 5, 30.0, noiseDb, 10.0, 20.0));

        assertThat(enriched.getNoiseLevel()).isEqualTo(expected);
    }

    @Test
    void shouldCopyEveryFieldOfTheReadingAndAddTheFeatures() {
        UrbanSensorReading reading = TestReadings.reading("sensor-101", "2026-03-01T17:15:00Z", UrbanLocation.KANASIN, 5, 30.0, 75.0, 10.0, 20.0);
        reading.setStatus(SensorStatus.MAINTENANCE);

        UrbanSensorReadingProcessed enriched = UrbanFeatures.enrich(reading);

        assertThat(enriched).isEqualTo(UrbanSensorReadingProcessed.newBuilder()
                .setSensorId("sensor-101")
                .setTs(Instant.parse("2026-03-01T17:15:00Z"))
                .setLocation(UrbanLocation.KANASIN)
                .setVehicleCount(5)
                .setAvgSpeedKmh(30.0)
                .setNoiseDb(75.0)
                .setPm25(10.0)
                .setPm10(20.0)
                .setStatus(SensorStatus.MAINTENANCE)
                .setHour(17)
                .setDay(LocalDate.of(2026, 3, 1))
                .setIsPeakHour(true)
                .setPollutionIdx(14.0)
                .setNoiseLevel(UrbanNoiseLevel.HIGH)
                .build());
    }

    @Test
    void shouldIdentifyAReadingBySensorAndEventTime() {
        UrbanSensorReading reading = TestReadings.reading("sensor-101", "2026-03-01T17:15:00.123Z", UrbanLocation.KANASIN, 5, 30.0, 75.0, 10.0, 20.0);
        UrbanSensorReading sameSensorOneMillisecondLater = TestReadings.reading("sensor-101", "2026-03-01T17:15:00.124Z", UrbanLocation.KANASIN, 5, 30.0, 75.0, 10.0, 20.0);
        UrbanSensorReading otherSensorSameTime = TestReadings.reading("sensor-102", "2026-03-01T17:15:00.123Z", UrbanLocation.KANASIN, 5, 30.0, 75.0, 10.0, 20.0);
        UrbanSensorReading sameIdentityOtherValues = TestReadings.reading("sensor-101", "2026-03-01T17:15:00.123Z", UrbanLocation.CENTRO, 9, 1.0, 35.0, 2.0, 6.0);

        assertThat(UrbanFeatures.eventId(reading)).isEqualTo("sensor-101|1772385300123");
        assertThat(UrbanFeatures.eventId(sameSensorOneMillisecondLater)).isNotEqualTo(UrbanFeatures.eventId(reading));
        assertThat(UrbanFeatures.eventId(otherSensorSameTime)).isNotEqualTo(UrbanFeatures.eventId(reading));
        assertThat(UrbanFeatures.eventId(sameIdentityOtherValues)).isEqualTo(UrbanFeatures.eventId(reading));
    }
}
