package org.etlsuite.producer.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Where the event times of a generator come from. {@link #now(Clock)}: the clock's current instant (a live
 * stream). {@link #backfill(Clock, Duration)}: instants spread uniformly over the past window
 * {@code [now - window, now]}, to fill history at once (e.g. a day of trips for the dashboards).
 * <p>
 * Draws use the generator's own seeded random, so a seed and a clock fix the whole event sequence, times
 * included. Times have millisecond precision (the wire type is timestamp-millis) and are never in the future.
 */
public sealed interface EventTimes {

    static EventTimes now(Clock clock) {
        return new Now(clock);
    }

    /** @param window length of the past window; positive */
    static EventTimes backfill(Clock clock, Duration window) {
        return new Backfill(clock, window);
    }

    /** The next event time, at any time of day. */
    default Instant next(RandomGenerator random) {
        return next(random, DailyWindow.ALL_DAY);
    }

    /**
     * The next event time whose UTC time of day lies in {@code hours}. Drawn uniformly from the admitted part
     * of the mode's range; when the range admits no instant (the clock reads 02:00 and the window is 05:00–23:00)
     * it is drawn from the latest whole window before the range, so events are never in the future.
     */
    Instant next(RandomGenerator random, DailyWindow hours);

    /** Event time = the clock's instant, truncated to milliseconds. */
    record Now(Clock clock) implements EventTimes {

        public Now {
            Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Instant next(RandomGenerator random, DailyWindow hours) {
            long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            return Instant.ofEpochMilli(hours.pick(now, now, random));
        }
    }

    /** Event times uniform over {@code [now - window, now]}; "now" is read from the clock at every draw. */
    record Backfill(Clock clock, Duration window) implements EventTimes {

        public Backfill {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("The back-fill window must be positive, was " + window);
            }
        }

        @Override
        public Instant next(RandomGenerator random, DailyWindow hours) {
            long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            return Instant.ofEpochMilli(hours.pick(now - window.toMillis(), now, random));
        }
    }
}
