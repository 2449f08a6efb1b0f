package org.etlsuite.dashboard.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.etlsuite.dashboard.security.DashboardSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(HomeController.class)
@Import(DashboardSecurityConfiguration.class)
class HomeControllerTests {

    @Autowired
    MockMvcTester mvc;

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
}
