package org.etlsuite.dashboard.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The home page, with the dashboard's real pages (their services) telling which files each card lists. */
@WebMvcTest(controllers = HomeController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = KpiFilePage.class))
class HomeControllerTests extends DashboardMvcTestSupport {

    @Autowired
    @Qualifier("productDashboardService")
    KpiFilePage products;

    @Autowired
    List<KpiFilePage> pages;

    @Override
    protected List<String> dataFiles() {
        // the home page reads no file: it only names them
        return List.of();
    }

    @Test
    void shouldLinkEveryDashboard() {
        assertThat(mvc.get().uri("/")).hasStatusOk()
                .hasViewName("home")
                .bodyText()
                .contains("<title>Home · ETL Suite</title>")
                .contains("<h3><a href=\"/urban\">Urban sensors</a></h3>")
                .contains("<h3><a href=\"/dashboard\">Transportation</a></h3>")
                .contains("<h3><a href=\"/products\">Products</a></h3>")
                .contains("<h3><a href=\"/runs\">Pipeline runs</a></h3>")
                .contains("<h3><a href=\"/quality\">Data quality</a></h3>")
                .doesNotContain("coming soon");
    }

    @Test
    void shouldListTheFilesEachDashboardReads() {
        assertThat(mvc.get().uri("/")).bodyText()
                .contains("Source: <code>processed_transport/</code>")
                .contains("<li><code>transport_kpi_boarding_areas.csv</code></li>")
                .contains("Source: <code>processed_product/</code>")
                .contains("<li><code>product_events_clean_kpi_funnel.csv</code></li>")
                .contains("<li><code>product_events_clean_kpi_platform.csv</code></li>")
                .contains("<li><code>product_events_clean_kpi_revenue_hourly.csv</code></li>")
                .contains("<li><code>urban_sensors_processed_aggregated.csv</code></li>")
                .contains("Source: <code>transformer-service /api/pipelines</code>")
                .contains("<li><code>data_quality.csv</code></li>")
                .contains("Source: <code>Kafka &lt;topic&gt;.DLT</code>");
    }

    @Test
    void shouldListOnTheProductsCardTheFilesTheProductsPageReads() {
        List<String> read = products.kpiFiles().stream().map(CachedCsvFile::relativePath).toList();

        assertThat(products.path()).isEqualTo("/products");
        assertThat(card("/products").sources()).isEqualTo(read).containsExactly(
                "processed_product/product_events_clean_kpi_category.csv", "processed_product/product_events_clean_kpi_funnel.csv",
                "processed_product/product_events_clean_kpi_platform.csv", "processed_product/product_events_clean_kpi_revenue_hourly.csv");
    }

    @Test
    void shouldListOnEveryCardTheFilesOfThePageItLinksToAndNoneForThePipelineRuns() {
        assertThat(pages).extracting(KpiFilePage::path).containsExactlyInAnyOrder("/urban", "/dashboard", "/products", "/quality");
        for (KpiFilePage page : pages) {
            assertThat(card(page.path()).sources()).as(page.path())
                    .isEqualTo(page.kpiFiles().stream().map(CachedCsvFile::relativePath).toList());
        }
        assertThat(card("/runs").sources()).isEmpty();
    }

    @Test
    void shouldHighlightHomeAndLinkEveryDashboardInTheSharedLayout() {
        assertThat(mvc.get().uri("/")).bodyText()
                .contains("<a href=\"/\" class=\"active\">Home</a>")
                .contains("<a href=\"/dashboard\">Transportation</a>")
                .contains("<a href=\"/products\">Products</a>")
                .contains("<a href=\"/runs\">Pipeline runs</a>")
                .contains("<a href=\"/quality\">Data quality</a>")
                .contains("href=\"/css/dashboard.css\"");
    }

    @Test
    void shouldGroupSourcesByFolderInSourceOrder() {
        DashboardLink link = new DashboardLink("T", "/t", "d", List.of("b/2.csv", "a/1.csv", "b/1.csv", "top.csv"));

        assertThat(link.sourcesByFolder()).containsExactly(
                Map.entry("b/", List.of("2.csv", "1.csv")),
                Map.entry("a/", List.of("1.csv")),
                Map.entry("", List.of("top.csv")));
    }

    private DashboardLink card(String path) {
        @SuppressWarnings("unchecked") // the home controller's model: its cards
        List<DashboardLink> cards = (List<DashboardLink>) mvc.get().uri("/").exchange().getMvcResult().getModelAndView()
                .getModel().get("dashboards");
        return cards.stream().filter(card -> card.path().equals(path)).findFirst().orElseThrow();
    }
}
