package org.etlsuite.dashboard.transport;

import java.util.List;

/**
 * Everything the transportation template shows, already formatted: the template only lays it
 * out, and the formatting (fixed locale, fixed decimals, UTC) can be tested in plain Java.
 *
 * @param state     which variant of the page to show
 * @param dataFiles the files the page reads, so operators know where to look
 * @param errors    why files could not be used, one message per broken file; only for {@link State#UNREADABLE}
 * @param summary   the KPIs; only for {@link State#READY}
 */
record TransportPage(State state, List<String> dataFiles, List<String> errors, Summary summary) {

    TransportPage {
        dataFiles = List.copyOf(dataFiles);
        errors = List.copyOf(errors);
    }

    enum State {
        /** Every file exists and at least one trip was counted. */
        READY,
        /** At least one of the files has not been written yet. */
        NO_FILE,
        /** The files exist but count no trips. */
        NO_ROWS,
        /** At least one file exists but is malformed or cannot be read. */
        UNREADABLE
    }

    public boolean ready() {
        return state == State.READY;
    }

    /** No data to show yet (as opposed to broken data). */
    public boolean waitingForData() {
        return state == State.NO_FILE || state == State.NO_ROWS;
    }

    public boolean unreadable() {
        return state == State.UNREADABLE;
    }

    /**
     * @param chartVersion changes with every version of the files; appended to the chart URLs so
     *                     that a browser never pairs fresh numbers with an old image
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
            String chartVersion) {

        Summary {
            topBoardingAreas = List.copyOf(topBoardingAreas);
        }
    }

    /** One line of the ranking table next to the boarding area chart. */
    record AreaRow(String rank, String boardingArea, String trips, String shareOfTrips, String passengers) {
    }
}
