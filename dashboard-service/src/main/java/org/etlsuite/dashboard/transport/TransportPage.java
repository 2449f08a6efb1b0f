package org.etlsuite.dashboard.transport;

import java.util.List;

import org.etlsuite.dashboard.page.DashboardPage;

/**
 * What the transportation template shows of its own, already formatted: the summary of a ready
 * {@link DashboardPage}. The page's other variants are the same on every dashboard.
 */
final class TransportPage {

    private TransportPage() {
    }

    /**
     * @param shownDays the days the daily chart shows in the chosen time range, e.g. "2025-03-14"; the tiles and
     *                  {@code period} cover the whole file
     */
    record Summary(
            String totalRevenue,
            String totalTrips,
            String totalPassengers,
            String peakHourShare,
            String peakHourTrips,
            String passengersPerTrip,
            String period,
            String lastUpdated,
            List<AreaRow> topBoardingAreas,
            String shownDays,
            List<RouteRow> routeTypes) {

        Summary {
            topBoardingAreas = List.copyOf(topBoardingAreas);
            routeTypes = List.copyOf(routeTypes);
        }
    }

    /** One line of the ranking table next to the boarding area chart. */
    record AreaRow(String rank, String boardingArea, String trips, String shareOfTrips, String passengers) {
    }

    /** One line of the table next to the route type chart. */
    record RouteRow(String routeType, String trips, String meanDurationMinutes, String revenue) {
    }
}
