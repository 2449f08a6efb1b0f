package org.etlsuite.producer.stream;

import java.time.LocalTime;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A range of UTC times of day, both ends inclusive at millisecond precision, in which events may happen
 * (e.g. the bus service hours 05:00–23:00). {@link #ALL_DAY} admits every instant.
 *
 * @param first earliest admitted time of day
 * @param last  latest admitted time of day, not before {@code first} (windows across midnight are not needed)
 */
public record DailyWindow(LocalTime first, LocalTime last) {

    /** Every millisecond of the day. */
    public static final DailyWindow ALL_DAY = new DailyWindow(LocalTime.MIN, LocalTime.MAX);

    private static final long DAY_MILLIS = 86_400_000L;

    public DailyWindow {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A daily window must not end (" + last + ") before it starts (" + first + ")");
        }
    }

    /** Whether the UTC time of day of an instant (epoch milliseconds) lies in the window. */
    public boolean contains(long epochMilli) {
        long timeOfDay = Math.floorMod(epochMilli, DAY_MILLIS);
        return timeOfDay >= firstMilli() && timeOfDay <= lastMilli();
    }

    /**
     * Draws an instant uniformly from the milliseconds of {@code [from, to]} (epoch milliseconds, both inclusive)
     * that lie in the window. When no millisecond of the range does (e.g. a range at night for service hours),
     * the draw is uniform over the latest whole window that ends before {@code from}: events are never pushed into
     * the future, and the window takes precedence over the lower bound of the range.
     * <p>
     * Exact and O(1): the first and the last day of the range are partial, the days between contribute a whole
     * window each. A range of a single admitted millisecond consumes no random number.
     */
    long pick(long from, long to, RandomGenerator random) {
        if (to < from) {
            throw new IllegalArgumentException("Empty range: " + from + " > " + to);
        }
        long first = firstMilli();
        long last = lastMilli();
        long width = last - first + 1;
        long fromDay = Math.floorDiv(from, DAY_MILLIS);
        long toDay = Math.floorDiv(to, DAY_MILLIS);
        if (fromDay == toDay) {
            long start = Math.max(from, fromDay * DAY_MILLIS + first);
            long end = Math.min(to, fromDay * DAY_MILLIS + last);
            if (end >= start) {
                return start + draw(random, end - start + 1);
            }
        } else {
            // The range's first day, clipped at 'from'; it ends before 'to', which lies on a later day.
            long headStart = Math.max(from, fromDay * DAY_MILLIS + first);
            long headCount = Math.max(0, fromDay * DAY_MILLIS + last - headStart + 1);
            // Whole days strictly between the first and the last day.
            long middleCount = (toDay - fromDay - 1) * width;
            // The range's last day, clipped at 'to'.
            long tailStart = toDay * DAY_MILLIS + first;
            long tailCount = Math.max(0, Math.min(to, toDay * DAY_MILLIS + last) - tailStart + 1);
            long total = headCount + middleCount + tailCount;
            if (total > 0) {
                long k = draw(random, total);
                if (k < headCount) {
                    return headStart + k;
                }
                k -= headCount;
                if (k < middleCount) {
                    return (fromDay + 1 + k / width) * DAY_MILLIS + first + k % width;
                }
                return tailStart + (k - middleCount);
            }
        }
        // Nothing admitted in the range: 'from' lies before the window of its day or after it.
        long day = Math.floorMod(from, DAY_MILLIS) > last ? fromDay : fromDay - 1;
        return day * DAY_MILLIS + first + draw(random, width);
    }

    private long firstMilli() {
        return first.getLong(ChronoField.MILLI_OF_DAY);
    }

    private long lastMilli() {
        return last.getLong(ChronoField.MILLI_OF_DAY);
    }

    private static long draw(RandomGenerator random, long count) {
        return count == 1 ? 0 : random.nextLong(count);
    }
}
