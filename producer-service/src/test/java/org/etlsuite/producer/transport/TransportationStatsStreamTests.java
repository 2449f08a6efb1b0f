package org.etlsuite.producer.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.producer.stream.EventTimes;
import org.junit.jupiter.api.Test;

class TransportationStatsStreamTests {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final TransportationStatsStream stream = new TransportationStatsStream(clock);

    @Test
    void shouldPublishToTheTransportationStatsTopic() {
        assertThat(stream.name()).isEqualTo("transportation-stats");
        assertThat(stream.topic()).isEqualTo("transportation-stats");
    }

    @Test
    void shouldKeyTripsByTransactionId() {
        TransportTrip trip = stream.newGenerator(3L).next();

        assertThat(stream.keyOf(trip)).isEqualTo(trip.getTransactionId()).hasSize(36);
    }

    @Test
    void shouldCreateGeneratorsThatReplayTheSeed() {
        assertThat(stream.newGenerator(11L).next()).isEqualTo(new TransportTripGenerator(11L, clock).next());
    }

    @Test
    void shouldCreateGeneratorsWithTheGivenEventTimes() {
        EventTimes backfill = EventTimes.backfill(clock, Duration.ofHours(6));

        assertThat(stream.newGenerator(11L, backfill).next()).isEqualTo(new TransportTripGenerator(11L, backfill).next());
    }
}
