package org.etlsuite.dashboard.product;

import java.util.List;

/**
 * Everything the products template shows, already formatted: the template only lays it out, and
 * the formatting (fixed locale, fixed decimals, UTC) can be tested in plain Java.
 *
 * @param state     which variant of the page to show
 * @param dataFiles the files the page reads, so operators know where to look
 * @param errors    why files could not be used, one message per broken file; only for {@link State#UNREADABLE}
 * @param summary   the KPIs; only for {@link State#READY}
 */
record ProductPage(State state, List<String> dataFiles, List<String> errors, Summary summary) {

    ProductPage {
        dataFiles = List.copyOf(dataFiles);
        errors = List.copyOf(errors);
    }

    enum State {
        /** Every file exists and at least one event was counted. */
        READY,
        /** At least one of the files has not been written yet. */
        NO_FILE,
        /** The files exist but count no events. */
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
            String totalPurchases,
            String totalViews,
            String viewToPurchase,
            String averageOrderValue,
            String categoryCount,
            String lastUpdated,
            List<CategoryRow> categories,
            List<ConversionRow> conversions,
            String chartVersion) {

        Summary {
            categories = List.copyOf(categories);
            conversions = List.copyOf(conversions);
        }
    }

    /** One line of the table next to the revenue chart. */
    record CategoryRow(String category, String revenue, String views, String purchases, String addToCart) {
    }

    /** One conversion of the funnel table. */
    record ConversionRow(String label, String formula, String rate) {
    }
}
