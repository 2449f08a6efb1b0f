package org.etlsuite.dashboard.urban;

import java.util.List;

/**
 * Everything the urban template shows, already formatted: the template only lays it out, and
 * the formatting (fixed locale, fixed decimals, UTC) can be tested in plain Java.
 *
 * @param state    which variant of the page to show
 * @param dataFile the file the page reads, so operators know where to look
 * @param error    why the file could not be used; only for {@link State#UNREADABLE}
 * @param summary  the KPIs; only for {@link State#READY}
 */
record UrbanPage(State state, String dataFile, String error, Summary summary) {

    enum State {
        /** The file exists and has readings. */
        READY,
        /** The file has not been written yet. */
        NO_FILE,
        /** The file exists but holds no readings. */
        NO_ROWS,
        /** The file exists but is malformed or cannot be read. */
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
     * @param chartVersion changes with every version of the file; appended to the chart URLs so
     *                     that a browser never pairs fresh numbers with an old image
     */
    record Summary(
            String averagePollutionIndex,
            String totalReadings,
            String zoneCount,
            String lastUpdated,
            String insight,
            String period,
            int rowCount,
            List<ZoneRow> zones,
            String chartVersion) {

        Summary {
            zones = List.copyOf(zones);
        }
    }

    /** One line of the per-zone table next to the noise chart. */
    record ZoneRow(String zone, String color, String meanNoise, String noiseLevel, String readings) {
    }
}
