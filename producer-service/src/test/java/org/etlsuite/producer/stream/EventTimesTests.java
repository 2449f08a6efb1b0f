package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class EventTimesTests {

    private static final Instant NOW = Instant.parse("2025-06-01T17:45:12.345678Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final DailyWindow SERVICE = new DailyWindow(LocalTime.of(5, 0), LocalTime.of(23, 0));
    private static final RandomGenerator NO_DRAWS = () -> {
        throw new AssertionError("no random number expected");
    };

    @Test
    void shouldStampTheClockInstantAtMillisecondPrecisionWithoutDrawing() {
        EventTimes times = EventTimes.now(CLOCK);

        assertThat(times.next(NO_DRAWS)).isEqualTo(Instant.parse("2025-06-01T17:45:12.345Z"));
        assertThat(times.next(NO_DRAWS, SERVICE)).isEqualTo(Instant.parse("2025-06-01T17:45:12.345Z"));
    }

    @Test
    void shouldMoveANightTimeNowIntoThePreviousServiceDayRatherThanTheFuture() {
        EventTimes times = EventTimes.now(Clock.fixed(Instant.parse("2025-06-02T02:30:00Z"), ZoneOffset.UTC));
        SplittableRandom random = new SplittableRandom(1);

        for (int i = 0; i < 1_000; i++) {
            assertThat(times.next(random, SERVICE))
                    .isBetween(Instant.parse("2025-06-01T05:00:00Z"), Instant.parse("2025-06-01T23:00:00Z"));
        }
    }

    @Test
    void shouldSpreadBackfilledTimesUniformlyOverThePastWindow() {
        EventTimes times = EventTimes.backfill(CLOCK, Duration.ofHours(10));
        SplittableRandom random = new SplittableRandom(2);
        Instant now = Instant.parse("2025-06-01T17:45:12.345Z");
        Instant start = now.minus(Duration.ofHours(10));
        int draws = 100_000;
        int[] perHour = new int[10];

        for (int i = 0; i < draws; i++) {
            Instant time = times.next(random);
            assertThat(time).isBetween(start, now);
            perHour[(int) Math.min(9, Duration.between(start, time).toHours())]++;
        }

        for (int count : perHour) {
            assertThat(100.0 * count / draws).isCloseTo(10.0, within(Shares.TOLERANCE_PP));
        }
    }

    @Test
    void shouldKeepBackfilledTimesWithinTheDailyWindowAndThePastWindow() {
        EventTimes times = EventTimes.backfill(CLOCK, Duration.ofDays(3));
        SplittableRandom random = new SplittableRandom(3);

        for (int i = 0; i < 10_000; i++) {
            Instant time = times.next(random, SERVICE);
            assertThat(time).isBetween(Instant.parse("2025-05-29T17:45:12.345Z"), Instant.parse("2025-06-01T17:45:12.345Z"));
            assertThat(SERVICE.contains(time.toEpochMilli())).isTrue();
        }
    }

    @Test
    void shouldReadTheClockAtEveryDraw() {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
        EventTimes times = EventTimes.backfill(clock, Duration.ofMillis(1));
        SplittableRandom random = new SplittableRandom(4);

        assertThat(times.next(random)).isBetween(Instant.parse("2025-06-01T11:59:59.999Z"), Instant.parse("2025-06-01T12:00:00Z"));
        clock.now = Instant.parse("2025-06-02T12:00:00Z");
        assertThat(times.next(random)).isBetween(Instant.parse("2025-06-02T11:59:59.999Z"), Instant.parse("2025-06-02T12:00:00Z"));
    }

    @Test
    void shouldRefuseAnEmptyOrNegativeBackfillWindow() {
        assertThatThrownBy(() -> EventTimes.backfill(CLOCK, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The back-fill window must be positive, was PT0S");
        assertThatThrownBy(() -> EventTimes.backfill(CLOCK, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
