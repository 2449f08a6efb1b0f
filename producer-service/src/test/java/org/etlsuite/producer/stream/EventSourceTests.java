package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.etlsuite.producer.urban.UrbanSensorsStream;
import org.junit.jupiter.api.Test;

class EventSourceTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T17:45:12.345Z"), ZoneOffset.UTC);
    private final UrbanSensorsStream stream = new UrbanSensorsStream(CLOCK);

    @Test
    void shouldSendTheGeneratorsSequenceUnchangedWhenNothingIsDirty() {
        EventSource<UrbanSensorReading> source = EventSource.of(stream, 5L, null, 0);
        UrbanSensorGenerator replay = new UrbanSensorGenerator(5L, CLOCK);

        for (int i = 0; i < 1_000; i++) {
            assertThat(source.next()).isEqualTo(replay.next());
            assertThat(source.lastDefect()).isNull();
        }
    }

    @Test
    void shouldReplaceTheRequestedShareByDefectiveCopiesOfTheSameEvents() {
        EventSource<UrbanSensorReading> source = EventSource.of(stream, 6L, null, 0.2);
        UrbanSensorGenerator replay = new UrbanSensorGenerator(6L, CLOCK);
        int events = 20_000;
        int dirty = 0;

        for (int i = 0; i < events; i++) {
            UrbanSensorReading event = source.next();
            UrbanSensorReading clean = replay.next();
            if (source.lastDefect() == null) {
                assertThat(event).isEqualTo(clean);
                assertThat(QualityRules.violations(event)).isEmpty();
            } else {
                dirty++;
                // The clean sequence goes on underneath: a dirty event is a copy of the clean event at its position.
                assertThat(event.getTs()).isEqualTo(clean.getTs());
                assertThat(event.getLocation()).isEqualTo(clean.getLocation());
                assertThat(QualityRules.violations(event)).containsExactly(source.lastDefect());
            }
        }

        assertThat(100.0 * dirty / events).isCloseTo(20.0, within(Shares.TOLERANCE_PP));
    }

    @Test
    void shouldReproduceTheDirtyEventsFromTheSeed() {
        assertThat(draw(EventSource.of(stream, 7L, null, 0.5), 2_000)).isEqualTo(draw(EventSource.of(stream, 7L, null, 0.5), 2_000));
        assertThat(draw(EventSource.of(stream, 7L, null, 0.5), 2_000)).isNotEqualTo(draw(EventSource.of(stream, 8L, null, 0.5), 2_000));
    }

    @Test
    void shouldMakeEveryEventDirtyAtFractionOne() {
        EventSource<UrbanSensorReading> source = EventSource.of(stream, 9L, null, 1.0);

        for (int i = 0; i < 1_000; i++) {
            source.next();
            assertThat(source.lastDefect()).isNotNull();
        }
    }

    @Test
    void shouldApplyANewFractionFromTheNextEventOn() {
        EventSource<UrbanSensorReading> source = EventSource.of(stream, 10L, null, 1.0);
        source.next();
        assertThat(source.lastDefect()).isNotNull();

        source.setDirtyFraction(0);

        for (int i = 0; i < 100; i++) {
            source.next();
            assertThat(source.lastDefect()).isNull();
        }
        assertThat(source.dirtyFraction()).isZero();
    }

    @Test
    void shouldTakeEventTimesFromTheBackfillWindow() {
        EventSource<UrbanSensorReading> source = EventSource.of(stream, 11L, EventTimes.backfill(CLOCK, Duration.ofDays(7)), 0);
        Instant now = Instant.parse("2025-06-01T17:45:12.345Z");

        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            times.add(source.next().getTs());
        }

        assertThat(times).allSatisfy(time -> assertThat(time).isBetween(now.minus(Duration.ofDays(7)), now));
        assertThat(times).anySatisfy(time -> assertThat(time).isBefore(now.minus(Duration.ofDays(6))));
    }

    @Test
    void shouldRefuseAFractionOutsideZeroToOne() {
        EventSource<UrbanSensorReading> source = EventSource.of(stream, 12L, null, 0);

        assertThatIllegalArgumentException().isThrownBy(() -> source.setDirtyFraction(-0.01));
        assertThatIllegalArgumentException().isThrownBy(() -> source.setDirtyFraction(1.01));
        assertThatIllegalArgumentException().isThrownBy(() -> source.setDirtyFraction(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> EventSource.of(stream, 12L, null, 2));
    }

    private static List<String> draw(EventSource<UrbanSensorReading> source, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(source.next() + " " + source.lastDefect());
        }
        return events;
    }
}
