package org.etlsuite.dashboard.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class KpiDatasetsTests {

    private static final Path DATA = Path.of("data");

    private record Page(String path, List<CachedCsvFile<?>> kpiFiles) implements KpiFilePage {
    }

    private static KpiFilePage page(String... relativePaths) {
        List<CachedCsvFile<?>> files = java.util.Arrays.stream(relativePaths)
                .<CachedCsvFile<?>>map(path -> new CachedCsvFile<>(DATA, path, CsvTable::records))
                .toList();
        return new Page("/page", files);
    }

    @Test
    void shouldNameADatasetByTheWordsOfItsFileWithoutThePipelinesStageWords() {
        assertThat(KpiDatasets.nameOf("processed/urban_sensors_processed_aggregated.csv")).isEqualTo("urban-sensors-aggregated");
        assertThat(KpiDatasets.nameOf("processed_transport/transport_kpi_boarding_areas.csv")).isEqualTo("transport-boarding-areas");
        assertThat(KpiDatasets.nameOf("processed_product/product_events_clean_kpi_funnel.csv")).isEqualTo("product-events-funnel");
        assertThat(KpiDatasets.nameOf("processed/data_quality.csv")).isEqualTo("data-quality");
        assertThat(KpiDatasets.nameOf("processed_transport/processed.csv")).isEqualTo("processed");
    }

    @Test
    void shouldListEveryFileOfEveryPageOnceInNameOrder() {
        KpiDatasets datasets = new KpiDatasets(List.of(page("b/zeta_kpi.csv", "b/alpha.csv"), page("b/alpha.csv", "a/mid.csv")));

        assertThat(datasets.all()).extracting(KpiDataset::name).containsExactly("alpha", "mid", "zeta");
        assertThat(datasets.all()).extracting(KpiDataset::path).containsExactly("b/alpha.csv", "a/mid.csv", "b/zeta_kpi.csv");
        assertThat(datasets.find("zeta").path()).isEqualTo("b/zeta_kpi.csv");
    }

    @Test
    void shouldRefuseToStartWhenTwoFilesGetTheSameName() {
        assertThatThrownBy(() -> new KpiDatasets(List.of(page("a/totals_kpi.csv"), page("b/totals.csv"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Two KPI files are both named 'totals': a/totals_kpi.csv and b/totals.csv");
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownName() {
        KpiDatasets datasets = new KpiDatasets(List.of(page("a/one.csv", "a/two.csv")));

        assertThatThrownBy(() -> datasets.find("three"))
                .isInstanceOfSatisfying(ErrorResponseException.class, refusal -> {
                    assertThat(refusal.getStatusCode().value()).isEqualTo(404);
                    assertThat(refusal.getBody().getDetail()).isEqualTo("There is no dataset 'three'; the datasets are one, two.");
                    assertThat(refusal.getBody().getProperties()).containsEntry("datasets", List.of("one", "two"));
                });
    }
}
