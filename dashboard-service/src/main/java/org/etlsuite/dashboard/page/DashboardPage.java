package org.etlsuite.dashboard.page;

import java.util.List;
import java.util.Objects;

/**
 * Everything a dashboard template shows, already formatted: the template only lays it out, and
 * the formatting (fixed locale, fixed decimals, UTC) can be tested in plain Java. The variants
 * other than {@link State#READY} are the same on every page, so the shared fragments in
 * {@code fragments/page.html} lay them out from this record alone.
 *
 * @param state     which variant of the page to show
 * @param dataFiles the files the page reads, below the data folder, so operators know where to look
 * @param errors    why files could not be used, one message per broken file; only for {@link State#UNREADABLE}
 * @param summary   the page's own KPIs; only for {@link State#READY}
 * @param version   the version of the files shown, which the page's markup carries so that an open page can tell
 *                  when it is out of date, and its chart URLs so that the browser fetches new images
 * @param <S>       the page's KPIs, formatted
 */
public record DashboardPage<S>(State state, List<String> dataFiles, List<String> errors, S summary, DataVersion version) {

    public DashboardPage {
        dataFiles = List.copyOf(dataFiles);
        errors = List.copyOf(errors);
        Objects.requireNonNull(version, "version");
    }

    public enum State {
        /** Every file exists and there is something to show. */
        READY,
        /** At least one of the files has not been written yet. */
        NO_FILE,
        /** The files exist but hold nothing to show yet. */
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

    /** When the newest of the files was written, e.g. "2025-03-14 09:30:00 UTC"; {@code null} before any could be read. */
    public String dataUpdated() {
        return version.updated() == null ? null : PageFormat.timestamp(version.updated());
    }
}
