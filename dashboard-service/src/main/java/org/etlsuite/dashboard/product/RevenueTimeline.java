package org.etlsuite.dashboard.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.etlsuite.dashboard.chart.TimeLine;
import org.etlsuite.dashboard.chart.TimeRange;

/**
 * The revenue of the hourly file over time, as much of it as a {@link TimeRange} shows: per hour while the shown
 * span is at most {@link TimeRange#LONGEST_HOURLY_SPAN}, else summed per day. The file has a row only for an hour
 * with a purchase; every other hour of the span is shown with a revenue of 0, so that the line does not draw
 * revenue across hours in which nothing was sold.
 */
final class RevenueTimeline {

    /** Each range's, computed once per version of the file: the page asks for its period on every request. */
    private final Map<TimeRange, Shown> shown = new EnumMap<>(TimeRange.class);

    /** @param hours by start, each hour once, as {@link ProductKpiCsv#revenueHours} reads them */
    RevenueTimeline(List<HourRevenue> hours) {
        if (!hours.isEmpty()) {
            for (TimeRange range : TimeRange.values()) {
                shown.put(range, shown(List.copyOf(hours), range));
            }
        }
    }

    /** What the range shows, counted back from the end of the newest hour of the file; empty before the first purchase. */
    Optional<Shown> shown(TimeRange range) {
        return Optional.ofNullable(shown.get(range));
    }

    private static Shown shown(List<HourRevenue> hours, TimeRange range) {
        LocalDateTime end = hours.getLast().start().plusHours(1);
        // the first hour the range includes; every range includes the newest hour
        LocalDateTime first = hours.getFirst().start();
        LocalDateTime start = first.isBefore(range.start(end)) ? range.start(end) : first;
        List<HourRevenue> within = hours.stream().filter(hour -> !hour.start().isBefore(start)).toList();
        return TimeRange.showsHours(start, end)
                ? new Shown(start, end, true, perHour(within, start, end))
                : new Shown(start, end, false, perDay(within, start.toLocalDate(), end.minusHours(1).toLocalDate()));
    }

    private static List<TimeLine.Point> perHour(List<HourRevenue> hours, LocalDateTime start, LocalDateTime end) {
        Map<LocalDateTime, BigDecimal> revenue = new TreeMap<>();
        hours.forEach(hour -> revenue.put(hour.start(), hour.revenue()));
        List<TimeLine.Point> points = new ArrayList<>();
        for (LocalDateTime hour = start; hour.isBefore(end); hour = hour.plusHours(1)) {
            points.add(new TimeLine.Point(hour, revenue.getOrDefault(hour, BigDecimal.ZERO).doubleValue()));
        }
        return points;
    }

    private static List<TimeLine.Point> perDay(List<HourRevenue> hours, LocalDate first, LocalDate last) {
        // summed exactly, so that a day's revenue is the sum of its hours to the cent
        Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
        hours.forEach(hour -> revenue.merge(hour.start().toLocalDate(), hour.revenue(), BigDecimal::add));
        List<TimeLine.Point> points = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            points.add(new TimeLine.Point(day.atStartOfDay(), revenue.getOrDefault(day, BigDecimal.ZERO).doubleValue()));
        }
        return points;
    }

    /**
     * The revenue a range shows.
     *
     * @param start  the start of the first hour shown, UTC
     * @param end    the end of the newest hour of the file, UTC
     * @param hourly whether a point is an hour, else a day
     * @param points one per hour or day from start to end, in time order
     */
    record Shown(LocalDateTime start, LocalDateTime end, boolean hourly, List<TimeLine.Point> points) {

        Shown {
            points = List.copyOf(points);
        }
    }
}
