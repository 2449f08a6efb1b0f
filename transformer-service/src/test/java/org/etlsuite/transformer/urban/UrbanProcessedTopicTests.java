package org.etlsuite.transformer.urban;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanNoiseLevel;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.events.urban.UrbanLocation.EMILIANO_ZAPATA;
import static org.etlsuite.transformer.urban.TestReadings.reading;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.T0;

/** {@code urban-sensors.processed} carries exactly the accepted, de-duplicated readings with their features. */
class UrbanProcessedTopicTests {

    @TempDir
    Path stateDir;

    private UrbanTopologyDriver topology;

    @BeforeEach
    void startDriver() {
        topology = new UrbanTopologyDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    private UrbanSensorReadingProcessed single() {
        List<KeyValue<String, UrbanSensorReadingProcessed>> records = topology.processed.readKeyValuesToList();
        assertThat(records).hasSize(1);
        return records.getFirst().value;
    }

    @Test
    void shouldPublishExactlyTheAcceptedDeduplicatedReadingsInInputOrderKeyedBySensor() {
        UrbanSensorReading first = reading("sensor-101", "2026-03-01T07:30:00Z", CENTRO, 10, 30.0, 40.0, 10.0, 20.0);
        UrbanSensorReading broken = reading("sensor-102", "2026-03-01T07:31:00Z", CENTRO, 10, 30.0, 40.0, 10.0, 500.0);
        UrbanSensorReading second = reading("sensor-103", "2026-03-01T20:45:10.250Z", EMILIANO_ZAPATA, 200, 80.0, 70.1, 150.0, 200.0);
        second.setStatus(SensorStatus.OFFLINE);

        topology.send(first, T0);
        topology.send(broken, T0.plusSeconds(1));
        topology.send(first, T0.plusSeconds(2));
        topology.send(second, T0.plusSeconds(3));

        assertThat(topology.processed.readKeyValuesToList()).containsExactly(
                KeyValue.pair("sensor-101", UrbanSensorReadingProcessed.newBuilder()
                        .setSensorId("sensor-101").setTs(Instant.parse("2026-03-01T07:30:00Z")).setLocation(CENTRO)
                        .setVehicleCount(10).setAvgSpeedKmh(30.0).setNoiseDb(40.0).setPm25(10.0).setPm10(20.0).setStatus(SensorStatus.OK)
                        .setHour(7).setDay(LocalDate.of(2026, 3, 1)).setIsPeakHour(true)
                        .setPollutionIdx(14.0).setNoiseLevel(UrbanNoiseLevel.LOW)
                        .build()),
                KeyValue.pair("sensor-103", UrbanSensorReadingProcessed.newBuilder()
                        .setSensorId("sensor-103").setTs(Instant.parse("2026-03-01T20:45:10.250Z")).setLocation(EMILIANO_ZAPATA)
                        .setVehicleCount(200).setAvgSpeedKmh(80.0).setNoiseDb(70.1).setPm25(150.0).setPm10(200.0).setStatus(SensorStatus.OFFLINE)
                        .setHour(20).setDay(LocalDate.of(2026, 3, 1)).setIsPeakHour(false)
                        .setPollutionIdx(0.6 * 150.0 + 0.4 * 200.0).setNoiseLevel(UrbanNoiseLevel.HIGH)
                        .build()));
    }

    @ParameterizedTest(name = "{0} UTC: hour {1}, peak {2}")
    @CsvSource({
            "2026-03-01T00:00:00Z, 0, false, 2026-03-01",
            "2026-03-01T06:59:59.999Z, 6, false, 2026-03-01",
            "2026-03-01T07:00:00Z, 7, true, 2026-03-01",
            "2026-03-01T09:59:59Z, 9, true, 2026-03-01",
            "2026-03-01T10:00:00Z, 10, false, 2026-03-01",
            "2026-03-01T16:59:59Z, 16, false, 2026-03-01",
            "2026-03-01T17:00:00Z, 17, true, 2026-03-01",
            "2026-03-01T19:30:00Z, 19, true, 2026-03-01",
            "2026-03-01T20:00:00Z, 20, false, 2026-03-01",
            "2026-03-01T23:59:59.999Z, 23, false, 2026-03-01",
            "2026-03-02T00:00:00Z, 0, false, 2026-03-02"
    })
    void shouldDeriveHourDayAndPeakFlagFromTheEventTimeInUtc(String ts, int hour, boolean peak, LocalDate day) {
        topology.send(reading("sensor-101", ts, CENTRO, 10, 30.0, 50.0, 10.0, 20.0));

        UrbanSensorReadingProcessed processed = single();
        assertThat(processed.getHour()).isEqualTo(hour);
        assertThat(processed.getIsPeakHour()).isEqualTo(peak);
        assertThat(processed.getDay()).isEqualTo(day);
    }

    @ParameterizedTest(name = "pm25 {0}, pm10 {1}")
    @CsvSource({
            "1.0, 5.0",
            "10.0, 20.0",
            "12.34, 56.78",
            "149.99, 199.99",
            "150.0, 200.0"
    })
    void shouldComputeThePollutionIndexAsSixTenthsOfPm25PlusFourTenthsOfPm10(double pm25, double pm10) {
        topology.send(reading("sensor-101", "2026-03-01T08:00:00Z", CENTRO, 10, 30.0, 50.0, pm25, pm10));

        assertThat(single().getPollutionIdx()).isEqualTo(0.6 * pm25 + 0.4 * pm10);
    }

    @ParameterizedTest(name = "{0} dB is {1}")
    @CsvSource({
            "30.0, LOW",
            "40.0, LOW",
            "40.05, MODERATE",
            "70.0, MODERATE",
            "70.1, HIGH",
            "100.0, HIGH"
    })
    void shouldClassifyTheNoiseLowUpTo40ModerateUpTo70AndHighAbove(double noiseDb, UrbanNoiseLevel level) {
        topology.send(reading("sensor-101", "2026-03-01T08:00:00Z", CENTRO, 10, 30.0, noiseDb, 10.0, 20.0));

        assertThat(single().getNoiseLevel()).isEqualTo(level);
    }

    @Test
    void shouldWriteConfluentWireFormatUnderTheProcessedSubject() {
        topology.send(reading("sensor-101", "2026-03-01T08:00:00Z", UrbanLocation.KANASIN, 10, 30.0, 50.0, 10.0, 20.0));

        TestOutputTopic<byte[], byte[]> raw = topology.driver.createOutputTopic("urban-sensors.processed",
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        byte[] value = raw.readValue();

        MockSchemaRegistry registry = MockSchemaRegistry.forScope(topology.registryScope);
        int id = registry.getLatestVersion("urban-sensors.processed-value").id();
        assertThat(value[0]).isZero();
        assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.getSchemaById(id)).isEqualTo(UrbanSensorReadingProcessed.getClassSchema());
    }
}
