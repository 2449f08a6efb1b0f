package org.etlsuite.dashboard.chart;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * How much of the time a time chart shows, counted back from the end of the newest bucket of the data rather than
 * from the clock: generated or replayed data can be days old, and a range of the last 24 hours of the clock would
 * then show nothing.
 */
public enum TimeRange {

    LAST_24_HOURS("24h", "24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("7d", "7 days", Duration.ofDays(7)),
    ALL("all", "All", null);

    /** The name of the query parameter that chooses the range. */
    public static final String PARAMETER = "range";

    /**
     * Up to this span a chart shows hours; beyond it days: a week is 168 points per series, and a year of hours would
     * be 8,760 points (and table rows) per series on one page.
     */
    public static final Duration LONGEST_HOURLY_SPAN = Duration.ofDays(7);

    private final String parameter;
    private final String label;
    private final Duration length;

    TimeRange(String parameter, String label, Duration length) {
        this.parameter = parameter;
        this.label = label;
        this.length = length;
    }

    /** The value of {@link #PARAMETER} that chooses this range. */
    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** @throws ResponseStatusException (400) for a value that is none of the ranges' parameters */
    public static TimeRange ofParameter(String value) {
        return Arrays.stream(values())
                .filter(range -> range.parameter.equals(value))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "The time range '" + value
                        + "' is not one of " + Arrays.stream(values()).map(TimeRange::parameter).collect(Collectors.joining(", "))
                        + "."));
    }

    /**
     * Whether a bucket that starts at {@code start} lies within the range, for data whose newest bucket ends at
     * {@code end}.
     */
    public boolean includes(LocalDateTime start, LocalDateTime end) {
        return !start.isBefore(start(end));
    }

    /** The earliest start of a bucket within the range, for data whose newest bucket ends at {@code end}. */
    public LocalDateTime start(LocalDateTime end) {
        return length == null ? LocalDateTime.MIN : end.minus(length);
    }

    /** Whether buckets from {@code first} to {@code end} are shown as hours, else as days. */
    public static boolean showsHours(LocalDateTime first, LocalDateTime end) {
        return Duration.between(first, end).compareTo(LONGEST_HOURLY_SPAN) <= 0;
    }
}
