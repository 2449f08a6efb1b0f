package org.etlsuite.dashboard.transport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.chart.TimeRange;

/**
 * The transportation page's numbers, computed once per version of its five files. The totals are
 * taken from the summary file as written: the transformer computes them exactly, so the page
 * neither re-adds the daily rows nor rounds anything before formatting.
 */
final class TransportKpis {

    /** How many boarding areas the ranking chart shows, as in the original dashboard. */
    static final int TOP_BOARDING_AREAS = 5;

    private final Optional<TransportSummary> summary;
    private final List<TransportDay> days;
    private final List<BoardingAreaTrips> topBoardingAreas;
    private final List<RouteTypeTrips> routes;
    private final List<FareTrips> fares;

    private TransportKpis(Optional<TransportSummary> summary, List<TransportDay> days, List<BoardingAreaTrips> boardingAreas,
            List<RouteTypeTrips> routes, List<FareTrips> fares) {
        this.summary = summary;
        this.routes = List.copyOf(routes);
        this.fares = List.copyOf(fares);
        this.days = days.stream().sorted(Comparator.comparing(TransportDay::day)).toList();
        // the file is ranked already; sorting (stable) only guards against a writer that lists it otherwise
        this.topBoardingAreas = boardingAreas.stream()
                .sorted(Comparator.comparingInt(BoardingAreaTrips::rank))
                .limit(TOP_BOARDING_AREAS)
                .toList();
    }

    static TransportKpis of(Optional<TransportSummary> summary, List<TransportDay> days, List<BoardingAreaTrips> boardingAreas,
            List<RouteTypeTrips> routes, List<FareTrips> fares) {
        return new TransportKpis(summary, days, boardingAreas, routes, fares);
    }

    /** Whether there is anything to show: at least one trip. */
    boolean hasTrips() {
        return summary.filter(totals -> totals.totalTrips() > 0).isPresent();
    }

    Optional<TransportSummary> summary() {
        return summary;
    }

    /** The days with trips, earliest first. */
    List<TransportDay> days() {
        return days;
    }

    /**
     * The days with trips within the range, earliest first. Days are the buckets: the range counts back from the end
     * of the newest day of the file, so that 24 hours is that day and 7 days is it and the six before.
     */
    List<TransportDay> days(TimeRange range) {
        if (days.isEmpty()) {
            return days;
        }
        LocalDateTime end = days.getLast().day().plusDays(1).atStartOfDay();
        return days.stream().filter(day -> range.includes(day.day().atStartOfDay(), end)).toList();
    }

    /** The {@value #TOP_BOARDING_AREAS} areas with the most trips, by rank. */
    List<BoardingAreaTrips> topBoardingAreas() {
        return topBoardingAreas;
    }

    /** The route types in file order (by name). */
    List<RouteTypeTrips> routes() {
        return routes;
    }

    /** The fare types × payment methods in file order (by fare type, then payment method). */
    List<FareTrips> fares() {
        return fares;
    }

    /** The fare types of {@link #fares()}, each once, in file order. */
    List<String> fareTypes() {
        return fares.stream().map(FareTrips::fareType).distinct().toList();
    }

    /** The payment methods of {@link #fares()}, each once, by name: the same order whichever fare type comes first. */
    List<String> paymentMethods() {
        return fares.stream().map(FareTrips::paymentMethod).distinct().sorted().toList();
    }

    /** Passengers / trips; empty without trips. */
    OptionalDouble passengersPerTrip() {
        return perTrip(summary.map(TransportSummary::totalPassengers).orElse(0L));
    }

    /** Share of all trips that boarded in the area; empty without trips. */
    OptionalDouble shareOfTrips(BoardingAreaTrips area) {
        return perTrip(area.trips());
    }

    private OptionalDouble perTrip(long amount) {
        return hasTrips() ? OptionalDouble.of((double) amount / summary.orElseThrow().totalTrips()) : OptionalDouble.empty();
    }

    Optional<LocalDate> firstDay() {
        return days.stream().map(TransportDay::day).findFirst();
    }

    Optional<LocalDate> lastDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.getLast().day());
    }
}
