package org.etlsuite.dashboard.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.KpiFilePage;

/** The dashboards of the suite, in the order the home page lists them. */
final class DashboardCatalog {

    /** What the home page says of each dashboard; the files a card lists are those its page reads. */
    private static final List<Card> CARDS = List.of(
            new Card("Urban sensors", "/urban",
                    "Average pollution index, mean noise by zone, traffic against pollution, pollution over time per zone and the loudest zone.", null),
            new Card("Transportation", "/dashboard",
                    "Fare revenue, daily passengers, the busiest boarding areas, and trips by route type and by fare of Mérida's public transport.", null),
            new Card("Products", "/products",
                    "Revenue, views and purchases by category and by platform, the revenue over time, and the shopping funnel with its conversion rates.", null),
            new Card("Pipeline runs", "/runs",
                    "The pipelines' schedules and their latest runs: the state of every task, the events counted and the files written.",
                    "transformer-service /api/pipelines"),
            new Card("Data quality", "/quality",
                    "Records accepted, rejected by rule, duplicated and undecodable per stream with their shares, and the latest dead letters.",
                    "Kafka <topic>.DLT"));

    private DashboardCatalog() {
    }

    /**
     * The dashboards, each with the files of the page at its path as that page reads them (none for a page that
     * reads no KPI files), so that the home page lists a file as soon as its page reads it.
     *
     * @throws IllegalStateException when two pages are at one path, or a page has no card: it would be missing
     *                               from the home page
     */
    static List<DashboardLink> links(List<? extends KpiFilePage> pages) {
        Map<String, KpiFilePage> byPath = new LinkedHashMap<>();
        for (KpiFilePage page : pages) {
            if (byPath.putIfAbsent(page.path(), page) != null) {
                throw new IllegalStateException("Two pages are both at " + page.path());
            }
        }
        Set<String> carded = CARDS.stream().map(Card::path).collect(Collectors.toSet());
        List<String> uncarded = byPath.keySet().stream().filter(path -> !carded.contains(path)).sorted().toList();
        if (!uncarded.isEmpty()) {
            throw new IllegalStateException("The home page has no card for the page at " + String.join(", ", uncarded));
        }
        return CARDS.stream().map(card -> card.link(byPath.get(card.path()))).toList();
    }

    /** @param api what the page reads besides or instead of files, as {@link DashboardLink#api()}; null for none */
    private record Card(String title, String path, String description, String api) {

        /** @param page the page at the card's path; null when it reads no KPI files */
        DashboardLink link(KpiFilePage page) {
            List<String> files = page == null ? List.of() : page.kpiFiles().stream().map(CachedCsvFile::relativePath).toList();
            return new DashboardLink(title, path, description, files, api);
        }
    }
}
