package org.etlsuite.transformer.urban;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.events.urban.UrbanLocation.CAUCEL;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.transformer.urban.TestReadings.reading;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.T0;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.WINDOW;

/** A reading is identified by sensor_id + ts; copies within the window (record time) are dropped and counted. */
class UrbanDeduplicationTests {

    private static final String STREAM = UrbanTopics.READINGS;

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

    private static UrbanSensorReading original() {
        return reading("sensor-101", "2026-03-01T08:15:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0);
    }

    private List<KeyValue<String, UrbanSensorReadingProcessed>> processed() {
        return topology.processed.readKeyValuesToList();
    }

    @Test
    void shouldDropARepeatedSensorAndTimestampWithinTheWindowAndCountItAsDuplicate() {
        topology.send(original(), T0);
        topology.send(original(), T0.plus(WINDOW).minusMillis(1));

        assertThat(processed()).hasSize(1);
        assertThat(topology.dataQuality())
                .containsEntry(QualityKey.accepted(STREAM), 1L)
                .containsEntry(QualityKey.duplicate(STREAM), 1L);
        assertThat(topology.hourly().values()).singleElement().extracting(UrbanHourlyAggregate::readings).isEqualTo(1L);
    }

    @Test
    void shouldDropACopyWhoseMeasurementsDifferBecauseTheIdentityIsSensorAndTime() {
        UrbanSensorReading corrected = original();
        corrected.setVehicleCount(99);
        corrected.setLocation(CAUCEL);

        topology.send(original(), T0);
        topology.send(corrected, T0.plusSeconds(5));

        assertThat(processed()).singleElement().satisfies(record -> {
            assertThat(record.value.getVehicleCount()).isEqualTo(10);
            assertThat(record.value.getLocation()).isEqualTo(CENTRO);
        });
    }

    @Test
    void shouldAcceptTheSameReadingAgainOnceTheWindowHasPassed() {
        topology.send(original(), T0);
        topology.send(original(), T0.plus(WINDOW));

        assertThat(processed()).hasSize(2);
        assertThat(topology.dataQuality())
                .containsEntry(QualityKey.accepted(STREAM), 2L)
                .doesNotContainKey(QualityKey.duplicate(STREAM));
    }

    @Test
    void shouldMeasureTheWindowFromTheFirstAcceptedCopyNotFromTheLastDuplicate() {
        topology.send(original(), T0);
        topology.send(original(), T0.plus(Duration.ofMinutes(45)));
        topology.send(original(), T0.plus(WINDOW).plus(Duration.ofMinutes(1)));

        assertThat(processed()).hasSize(2);
        assertThat(topology.dataQuality())
                .containsEntry(QualityKey.accepted(STREAM), 2L)
                .containsEntry(QualityKey.duplicate(STREAM), 1L);
    }

    @Test
    void shouldRecognizeACopyThatArrivesOutOfOrderWithAnEarlierRecordTime() {
        topology.send(original(), T0.plus(Duration.ofMinutes(30)));
        topology.send(original(), T0);

        assertThat(processed()).hasSize(1);
        assertThat(topology.dataQuality()).containsEntry(QualityKey.duplicate(STREAM), 1L);
    }

    @Test
    void shouldAcceptReadingsOfOneSensorAtOtherTimesAndOfOtherSensorsAtTheSameTime() {
        topology.send(original(), T0);
        topology.send(reading("sensor-101", "2026-03-01T08:15:00.001Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0), T0);
        topology.send(reading("sensor-102", "2026-03-01T08:15:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0), T0);

        assertThat(processed()).extracting(record -> record.key).containsExactly("sensor-101", "sensor-101", "sensor-102");
        assertThat(topology.dataQuality()).containsEntry(QualityKey.accepted(STREAM), 3L).doesNotContainKey(QualityKey.duplicate(STREAM));
    }

    @Test
    void shouldNotRememberRejectedReadingsSoAValidCopyIsStillAccepted() {
        UrbanSensorReading broken = original();
        broken.setPm25(Double.NaN);

        topology.send(broken, T0);
        topology.send(original(), T0.plusSeconds(1));

        assertThat(processed()).hasSize(1);
        assertThat(topology.dataQuality())
                .containsEntry(QualityKey.rejected(STREAM, "measurements-finite"), 1L)
                .containsEntry(QualityKey.accepted(STREAM), 1L);
    }

    @Test
    void shouldDropACopyLessThanAWindowApartInTheNextOrThePreviousHourOfRecordTime() {
        topology.send(original(), T0.minus(Duration.ofMinutes(1)));
        topology.send(original(), T0.plus(Duration.ofMinutes(58)));
        UrbanSensorReading other = reading("sensor-102", "2026-03-01T08:15:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0);
        topology.send(other, T0.plus(Duration.ofMinutes(30)));
        topology.send(other, T0.minus(Duration.ofMinutes(20)));

        assertThat(processed()).hasSize(2);
        assertThat(topology.dataQuality()).containsEntry(QualityKey.duplicate(STREAM), 2L);
    }

    @Test
    void shouldDecideLikeAnUnboundedMemoryOfAcceptedCopiesForCopiesUpToAWindowBehindStreamTime() {
        List<UrbanSensorReading> events = List.of(original(),
                reading("sensor-101", "2026-03-01T08:16:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0),
                reading("sensor-102", "2026-03-01T08:15:00Z", CAUCEL, 10, 30.0, 50.0, 10.0, 20.0));
        long window = WINDOW.toMillis();
        Random random = new Random(20261206L);
        Map<String, List<Long>> acceptedTimes = new HashMap<>();
        List<String> expected = new ArrayList<>();
        long streamTime = T0.toEpochMilli();
        for (int i = 0; i < 400; i++) {
            streamTime += random.nextLong(15 * 60_000L);
            // most copies in order, some up to one window behind stream time, at times on bucket edges too
            long time = switch (random.nextInt(4)) {
                case 0 -> streamTime - random.nextLong(window);
                case 1 -> streamTime - Math.floorMod(streamTime, window) - random.nextInt(2);
                default -> streamTime;
            };
            UrbanSensorReading event = events.get(random.nextInt(events.size()));
            String id = UrbanFeatures.eventId(event);
            List<Long> times = acceptedTimes.computeIfAbsent(id, key -> new ArrayList<>());
            if (times.stream().noneMatch(accepted -> Math.abs(accepted - time) < window)) {
                times.add(time);
                expected.add(id + "@" + time);
            }
            topology.send(event, Instant.ofEpochMilli(time));
        }

        List<String> accepted = topology.processed.readRecordsToList().stream()
                .map(record -> UrbanFeatures.eventId(event(record.value())) + "@" + record.timestamp())
                .toList();
        assertThat(accepted).containsExactlyElementsOf(expected);
        assertThat(expected).as("the sequence exercises both outcomes").hasSizeBetween(20, 380);
    }

    private static UrbanSensorReading event(UrbanSensorReadingProcessed processed) {
        return reading(processed.getSensorId(), processed.getTs().toString(), processed.getLocation(), processed.getVehicleCount(),
                processed.getAvgSpeedKmh(), processed.getNoiseDb(), processed.getPm25(), processed.getPm10());
    }

    @Test
    void shouldWriteTheSeenIdsToAChangelogSoTheyOutliveTheInstance() {
        topology.send(original(), T0);

        String changelog = UrbanTopologyDriver.APPLICATION_ID + "-urban-sensors-event-ids-changelog";
        assertThat(topology.driver.producedTopicNames()).contains(changelog);
    }
}
