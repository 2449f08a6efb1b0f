package org.etlsuite.dashboard.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.junit.jupiter.api.Test;

class DashboardCatalogTests {

    private record Page(String path, List<CachedCsvFile<?>> kpiFiles) implements KpiFilePage {
    }

    private static KpiFilePage page(String path, String... relativePaths) {
        return new Page(path, Arrays.stream(relativePaths)
                .<CachedCsvFile<?>>map(file -> new CachedCsvFile<>(Path.of("data"), file, CsvTable::records))
                .toList());
    }

    @Test
    void shouldListTheFilesAPageReadsOnTheCardAtItsPathInThePagesOrder() {
        List<DashboardLink> links = DashboardCatalog.links(List.of(
                page("/products", "processed_product/new_kpi.csv", "processed_product/product_events_clean_kpi_category.csv"),
                page("/quality", "processed/data_quality.csv")));

        assertThat(links).extracting(DashboardLink::path).containsExactly("/urban", "/dashboard", "/products", "/runs", "/quality");
        assertThat(links).extracting(DashboardLink::sources).containsExactly(
                List.of(), List.of(),
                List.of("processed_product/new_kpi.csv", "processed_product/product_events_clean_kpi_category.csv"),
                List.of(), List.of("processed/data_quality.csv"));
        assertThat(links.get(2).title()).isEqualTo("Products");
        assertThat(links.get(3).api()).isEqualTo("transformer-service /api/pipelines");
        assertThat(links.get(4).api()).isEqualTo("Kafka <topic>.DLT");
    }

    @Test
    void shouldRefuseAPageTheHomePageHasNoCardFor() {
        assertThatThrownBy(() -> DashboardCatalog.links(List.of(page("/urban", "a.csv"), page("/pollution", "b.csv"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The home page has no card for the page at /pollution");
    }

    @Test
    void shouldRefuseTwoPagesAtOnePath() {
        assertThatThrownBy(() -> DashboardCatalog.links(List.of(page("/urban", "a.csv"), page("/urban", "b.csv"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Two pages are both at /urban");
    }
}
