package org.etlsuite.dashboard.transport;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The transportation page's numbers, computed once per version of its three files. The totals are
 * taken from the summary file as written: the transformer computes them exactly, so the page
 * neither re-adds the daily rows nor rounds anything before formatting.
 */
final class TransportKpis {

    /** How many boarding areas the ranking chart shows, as in the original dashboard. */
    static final int TOP_BOARDING_AREAS = 5;

    private final Optional<TransportSummary> summary;
    private final List<TransportDay> days;
    private final List<BoardingAreaTrips> topBoardingAreas;

    private TransportKpis(Optional<TransportSummary> summary, List<TransportDay> days, List<BoardingAreaTrips> boardingAreas) {
        this.summary = summary;
        this.days = days.stream().sorted(Comparator.comparing(TransportDay::day)).toList();
        // the file is ranked already; sorting (stable) only guards against a writer that lists it otherwise
        this.topBoardingAreas = boardingAreas.stream()
                .sorted(Comparator.comparingInt(BoardingAreaTrips::rank))
                .limit(TOP_BOARDING_AREAS)
                .toList();
    }

    static TransportKpis of(Optional<TransportSummary> summary, List<TransportDay> days, List<BoardingAreaTrips> boardingAreas) {
        return new TransportKpis(summary, days, boardingAreas);
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

    /** The {@value #TOP_BOARDING_AREAS} areas with the most trips, by rank. */
    List<BoardingAreaTrips> topBoardingAreas() {
        return topBoardingAreas;
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
