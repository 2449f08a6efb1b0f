package org.etlsuite.producer.urban;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.stream.EventTimes;
import org.junit.jupiter.api.Test;

class UrbanSensorsStreamTests {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final UrbanSensorsStream stream = new UrbanSensorsStream(clock);

    @Test
    void shouldPublishToTheUrbanSensorsTopic() {
        assertThat(stream.name()).isEqualTo("urban-sensors");
        assertThat(stream.topic()).isEqualTo("urban-sensors");
    }

    @Test
    void shouldKeyReadingsBySensorId() {
        UrbanSensorReading reading = stream.newGenerator(3L).next();

        assertThat(stream.keyOf(reading)).isEqualTo(reading.getSensorId()).startsWith("sensor-");
    }

    @Test
    void shouldCreateGeneratorsWithTheGivenEventTimes() {
        EventTimes backfill = EventTimes.backfill(clock, Duration.ofHours(6));

        assertThat(stream.newGenerator(11L, backfill).next()).isEqualTo(new UrbanSensorGenerator(11L, backfill).next());
    }

    @Test
    void shouldCreateGeneratorsThatReplayTheSeed() {
        assertThat(stream.newGenerator(11L).next()).isEqualTo(new UrbanSensorGenerator(11L, clock).next());
    }
}
