package org.etlsuite.dashboard.urban;

import java.util.List;

import org.etlsuite.dashboard.page.DashboardPage;

/**
 * What the urban template shows of its own, already formatted: the summary of a ready
 * {@link DashboardPage}. The page's other variants are the same on every dashboard.
 */
final class UrbanPage {

    private UrbanPage() {
    }

    record Summary(
            String averagePollutionIndex,
            String totalReadings,
            String zoneCount,
            String lastUpdated,
            String insight,
            String correlationInsight,
            String period,
            int rowCount,
            List<ZoneRow> zones) {

        Summary {
            zones = List.copyOf(zones);
        }
    }

    /** One line of the per-zone table next to the noise chart. */
    record ZoneRow(String zone, String color, String meanNoise, String noiseLevel, String readings) {
    }
}
