package org.etlsuite.dashboard.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The products page and its charts over MVC, reading real files in a temporary data directory.
 * Every test writes its files with its own last-modified time, so the service's per-version cache
 * never serves one test's files to another.
 */
@WebMvcTest({ProductController.class, ProductChartController.class})
@Import(ProductDashboardService.class)
class ProductControllerTests extends DashboardMvcTestSupport {

    @Override
    protected List<String> dataFiles() {
        return List.of(ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Funnel.RELATIVE_PATH);
    }

    @Test
    void shouldShowKpiTilesAndChartsWhenFilesHaveEvents() throws IOException {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T09:30:00Z"));

        assertThat(mvc.get().uri("/products")).hasStatusOk()
                .hasViewName("product/dashboard")
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("<title>Products · ETL Suite</title>")
                .contains("<a href=\"/products\" class=\"active\">Products</a>")
                .contains("<span class=\"kpi-value\" id=\"kpi-revenue\">95,135.30</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-purchases\">500</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-views\">6,500</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-conversion\">7.7%</span>")
                .contains("<span class=\"kpi-hint\">190.27 per purchase on average</span>")
                .contains("<main class=\"container\" data-version=\"0b9cc1933a399ed3\" data-version-url=\"/products/version\">")
                .contains("<time datetime=\"2025-03-14T09:30:00Z\">2025-03-14 09:30:00 UTC</time>")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .contains("href=\"/charts/products/revenue-by-category.png?v=0b9cc1933a399ed3\"")
                .contains("href=\"/charts/products/revenue-by-category.svg?v=0b9cc1933a399ed3\"")
                .contains("href=\"/charts/products/funnel.png?v=0b9cc1933a399ed3\"")
                .contains("href=\"/charts/products/funnel.svg?v=0b9cc1933a399ed3\"")
                .contains("<td class=\"num\">73,600.20</td>")
                .doesNotContain("No product data yet")
                .doesNotContain("could not be read");
    }

    @Test
    void shouldListConversionRatesOfTheFunnel() throws IOException {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T09:45:00Z"));

        assertThat(mvc.get().uri("/products")).bodyText()
                .contains("<td>View → add to cart</td>")
                .contains("<td><code>add_to_cart / product_view</code></td>")
                .contains("<td class=\"num\">30.8%</td>")
                .contains("<td>Add to cart → purchase</td>")
                .contains("<td class=\"num\">25.0%</td>");
    }

    @Test
    void shouldServeRevenueByCategoryChartAsPng() throws IOException {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T10:00:00Z"));

        assertPng(mvc.get().uri("/charts/products/revenue-by-category.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeFunnelChartAsPng() throws IOException {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T10:30:00Z"));

        assertPng(mvc.get().uri("/charts/products/funnel.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeRevenueByCategoryChartAsSvgWithTheRevenuesToTheCent() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T12:00:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/products/revenue-by-category.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactly("clothing, Revenue: 12,940.10", "electronics, Revenue: 73,600.20", "home, Revenue: 8,595.00");
        assertThat(svg.fills()).containsOnly(ChartPalette.color(0));
    }

    @Test
    void shouldServeFunnelChartAsSvgWithOneTooltipPerStageInFunnelOrder() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T12:30:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/products/funnel.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactly("product_view, Events: 6,500", "add_to_cart, Events: 2,000", "remove_from_cart, Events: 1,000",
                "purchase, Events: 500");
        assertThat(svg.fills()).containsOnly(ChartPalette.color(1));
    }

    @Test
    void shouldDrawTheChartsIntoThePageWithAltTextAndTheirDataAsTables() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T13:00:00Z"));

        assertThat(compactHtml("/products"))
                .contains("<div class=\"chart\" role=\"img\" aria-label=\"Bar chart of the revenue of each product category\"><svg ")
                .contains("<title>electronics, Revenue: 73,600.20</title>")
                .contains("<tr><th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Revenue</th></tr>")
                .contains("<tr><th scope=\"row\">clothing</th><td class=\"num\">12,940.10</td></tr>"
                        + "<tr><th scope=\"row\">electronics</th><td class=\"num\">73,600.20</td></tr>"
                        + "<tr><th scope=\"row\">home</th><td class=\"num\">8,595.00</td></tr></tbody>")
                .contains("aria-label=\"Bar chart of the number of events at each stage of the shopping funnel, in funnel order\"><svg ")
                .contains("<tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Events</th></tr>")
                .contains("<tr><th scope=\"row\">product_view</th><td class=\"num\">6,500</td></tr>"
                        + "<tr><th scope=\"row\">add_to_cart</th><td class=\"num\">2,000</td></tr>"
                        + "<tr><th scope=\"row\">remove_from_cart</th><td class=\"num\">1,000</td></tr>"
                        + "<tr><th scope=\"row\">purchase</th><td class=\"num\">500</td></tr></tbody>");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFilesAreMissing() {
        assertThat(mvc.get().uri("/products")).hasStatusOk()
                .bodyText()
                .contains("No product data yet")
                .contains("curl -X POST localhost:8090/api/streams/product-events/bursts")
                .contains("-d '{\"events\":10000}'")
                .contains("<code>processed_product/product_events_clean_kpi_category.csv</code>")
                .contains("<code>processed_product/product_events_clean_kpi_funnel.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFilesHaveOnlyHeaders() throws IOException {
        ProductSamples.writeHeadersOnly(dataDir, Instant.parse("2025-03-14T11:00:00Z"));

        assertThat(mvc.get().uri("/products")).hasStatusOk()
                .bodyText()
                .contains("The product files count no events yet")
                .contains("curl -X POST localhost:8090/api/streams/product-events/bursts")
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldShowErrorBannerWithFileAndLineWhenAFileIsMalformed() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES, Instant.parse("2025-03-14T11:30:00Z"));
        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL_MALFORMED, Instant.parse("2025-03-14T11:30:00Z"));

        assertThat(mvc.get().uri("/products")).hasStatusOk()
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The product data could not be read.")
                .contains(HtmlUtils.htmlEscape("processed_product/product_events_clean_kpi_funnel.csv line 5: column 'count': 'lots' is not a whole number"))
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldAnswerNotFoundForChartsWithoutData() {
        assertThat(mvc.get().uri("/charts/products/revenue-by-category.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/funnel.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/revenue-by-category.svg")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/funnel.svg")).hasStatus(404);
    }

    @Test
    void shouldAnswerANewVersionOnceAnyOfTheFilesChanges() throws IOException {
        assertThat(mvc.get().uri("/products/version")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .hasHeader("Cache-Control", "no-store")
                .bodyText().isEqualTo("{\"version\":\"none\",\"updated\":null}");

        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(mvc.get().uri("/products/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"0b9cc1933a399ed3\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL, Instant.parse("2025-03-14T09:31:00Z"));
        assertThat(mvc.get().uri("/products/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"79ecdcdead03a123\",\"updated\":\"2025-03-14T09:31:00Z\"}");
    }
}
