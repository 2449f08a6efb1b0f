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

    record Summary(
            String totalRevenue,
            String totalTrips,
            String totalPassengers,
            String peakHourShare,
            String peakHourTrips,
            String passengersPerTrip,
            String period,
            String lastUpdated,
            List<AreaRow> topBoardingAreas) {

        Summary {
            topBoardingAreas = List.copyOf(topBoardingAreas);
        }
    }

    /** One line of the ranking table next to the boarding area chart. */
    record AreaRow(String rank, String boardingArea, String trips, String shareOfTrips, String passengers) {
    }
}
