package org.etlsuite.producer.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventTimes;
import org.junit.jupiter.api.Test;

class ProductEventsStreamTests {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final ProductEventsStream stream = new ProductEventsStream(clock);

    @Test
    void shouldPublishToTheProductEventsTopic() {
        assertThat(stream.name()).isEqualTo("product-events");
        assertThat(stream.topic()).isEqualTo("product-events");
    }

    @Test
    void shouldKeyEventsByUserSoThatAFunnelStaysInOrder() {
        ProductEvent event = stream.newGenerator(3L).next();

        assertThat(stream.keyOf(event)).isEqualTo(event.getUserId()).startsWith("user_");
    }

    @Test
    void shouldCreateGeneratorsThatReplayTheSeed() {
        assertThat(stream.newGenerator(11L).next()).isEqualTo(new ProductEventGenerator(11L, clock).next());
    }

    @Test
    void shouldCreateGeneratorsWithTheGivenEventTimes() {
        EventTimes backfill = EventTimes.backfill(clock, Duration.ofHours(6));
        EventGenerator<ProductEvent> generator = stream.newGenerator(11L, backfill);

        assertThat(generator.next()).isEqualTo(new ProductEventGenerator(11L, backfill).next())
                .extracting(ProductEvent::getTimestamp).isNotEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
    }
}
