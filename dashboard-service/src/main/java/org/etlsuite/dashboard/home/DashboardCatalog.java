package org.etlsuite.dashboard.home;

import java.util.List;

/** The dashboards of the suite, in the order the home page lists them. Flip a page to available when it ships. */
final class DashboardCatalog {

    static final List<DashboardLink> DASHBOARDS = List.of(
            new DashboardLink("Urban sensors", "/urban",
                    "Average pollution index, mean noise by zone, traffic against pollution and the loudest zone.",
                    "processed/urban_sensors_processed_aggregated.csv", true),
            new DashboardLink("Transportation", "/dashboard",
                    "Fare revenue, daily passengers and the busiest boarding areas of Mérida's public transport.",
                    null, false),
            new DashboardLink("Products", "/products",
                    "Revenue, views and purchases by category, and the shopping funnel with its conversion rates.",
                    null, false));

    private DashboardCatalog() {
    }
}
