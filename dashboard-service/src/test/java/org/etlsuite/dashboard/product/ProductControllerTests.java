package org.etlsuite.dashboard.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
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
        return List.of(ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Funnel.RELATIVE_PATH,
                ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpiFiles.RevenueHourly.RELATIVE_PATH);
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
                .contains("<main class=\"container\" data-version=\"eb8801951f0239d6\" data-version-url=\"/products/version\">")
                .contains("<time datetime=\"2025-03-14T09:30:00Z\">2025-03-14 09:30:00 UTC</time>")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .contains("href=\"/charts/products/revenue-by-category.png?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/revenue-by-category.svg?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/funnel.png?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/funnel.svg?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/revenue-by-hour.png?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/revenue-by-hour.svg?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/revenue-by-platform.png?v=eb8801951f0239d6\"")
                .contains("href=\"/charts/products/revenue-by-platform.svg?v=eb8801951f0239d6\"")
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
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/product-events/bursts")
                .contains("-d '{\"events\":10000}'")
                .contains("<code>processed_product/product_events_clean_kpi_category.csv</code>")
                .contains("<code>processed_product/product_events_clean_kpi_funnel.csv</code>")
                .contains("<code>processed_product/product_events_clean_kpi_platform.csv</code>")
                .contains("<code>processed_product/product_events_clean_kpi_revenue_hourly.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldExplainHowToGenerateDataWhileOnlyTheNewFilesAreMissing() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES, Instant.parse("2025-03-14T14:00:00Z"));
        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL, Instant.parse("2025-03-14T14:00:00Z"));

        assertThat(mvc.get().uri("/products")).hasStatusOk()
                .bodyText()
                .contains("No product data yet")
                .contains("<code>processed_product/product_events_clean_kpi_platform.csv</code>")
                .contains("<code>processed_product/product_events_clean_kpi_revenue_hourly.csv</code>")
                .doesNotContain("kpi-revenue");
        assertThat(mvc.get().uri("/products?range=24h")).hasStatusOk().bodyText().contains("No product data yet");
        assertThat(mvc.get().uri("/charts/products/revenue-by-hour.svg")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/revenue-by-platform.png")).hasStatus(404);
    }

    @Test
    void shouldShowErrorBannerWithFileAndLineWhenANewFileIsMalformed() throws IOException {
        Instant written = Instant.parse("2025-03-14T14:10:00Z");
        ProductSamples.writeAll(dataDir, written);
        ProductSamples.writePlatforms(dataDir, ProductSamples.PLATFORMS_MALFORMED, written);
        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_MALFORMED, written);

        assertThat(mvc.get().uri("/products?range=7d")).hasStatusOk()
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The product data could not be read.")
                .contains(HtmlUtils.htmlEscape("processed_product/product_events_clean_kpi_platform.csv line 3: column 'total_revenue': 'n/a' is not a number"))
                .contains(HtmlUtils.htmlEscape("processed_product/product_events_clean_kpi_revenue_hourly.csv line 4: column 'hour': 24 is not an hour of the day (0 to 23)"))
                .doesNotContain("kpi-revenue");
        assertThat(mvc.get().uri("/charts/products/revenue-by-hour.png?range=24h")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/revenue-by-platform.svg")).hasStatus(404);
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFilesHaveOnlyHeaders() throws IOException {
        ProductSamples.writeHeadersOnly(dataDir, Instant.parse("2025-03-14T11:00:00Z"));

        assertThat(mvc.get().uri("/products")).hasStatusOk()
                .bodyText()
                .contains("The product files count no events yet")
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/product-events/bursts")
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
        assertThat(mvc.get().uri("/charts/products/revenue-by-hour.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/revenue-by-hour.svg?range=24h")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/revenue-by-platform.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/products/revenue-by-platform.svg")).hasStatus(404);
    }

    @Test
    void shouldAnswerANewVersionOnceAnyOfTheFilesChanges() throws IOException {
        assertThat(mvc.get().uri("/products/version")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .hasHeader("Cache-Control", "no-store")
                .bodyText().isEqualTo("{\"version\":\"none\",\"updated\":null}");

        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(mvc.get().uri("/products/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"eb8801951f0239d6\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL, Instant.parse("2025-03-14T09:31:00Z"));
        assertThat(mvc.get().uri("/products/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"22a2d933760f0ce3\",\"updated\":\"2025-03-14T09:31:00Z\"}");
    }

    @Test
    void shouldShowThePlatformsBesideTheirRevenueChart() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T15:00:00Z"));

        assertThat(compactHtml("/products"))
                .contains("<h2>Revenue by platform</h2>")
                .contains("aria-label=\"Bar chart of the revenue of each client platform\"><svg ")
                .contains("<tr><th scope=\"col\">Platform</th><th scope=\"col\" class=\"num\">Revenue</th></tr>")
                .contains("<tr><th scope=\"row\">android</th><td class=\"num\">30,000.10</td></tr>"
                        + "<tr><th scope=\"row\">ios</th><td class=\"num\">35,135.20</td></tr>"
                        + "<tr><th scope=\"row\">web</th><td class=\"num\">30,000.00</td></tr></tbody>")
                .contains("<thead><tr><th>Platform</th><th class=\"num\">Revenue</th><th class=\"num\">Views</th><th class=\"num\">Purchases</th></tr></thead>"
                        + "<tbody><tr><td>android</td><td class=\"num\">30,000.10</td><td class=\"num\">2,100</td><td class=\"num\">160</td></tr>"
                        + "<tr><td>ios</td><td class=\"num\">35,135.20</td><td class=\"num\">2,200</td><td class=\"num\">170</td></tr>"
                        + "<tr><td>web</td><td class=\"num\">30,000.00</td><td class=\"num\">2,200</td><td class=\"num\">170</td></tr></tbody>");
    }

    @Test
    void shouldServeRevenueByPlatformChartAsSvgWithOneColourPerPlatform() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T15:10:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/products/revenue-by-platform.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactly("android, Revenue: 30,000.10", "ios, Revenue: 35,135.20", "web, Revenue: 30,000.00");
        assertThat(svg.fills()).containsExactly(ChartPalette.color(2), ChartPalette.color(1), ChartPalette.color(0));
        assertPng(mvc.get().uri("/charts/products/revenue-by-platform.png").exchange(), 640, 440);
    }

    @Test
    void shouldShowEveryHourOfTheRevenueOverTimeWithTheTimeRangesToChooseFrom() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T15:20:00Z"));

        String html = compactHtml("/products");

        assertThat(html)
                .contains("<h2>Revenue over time</h2>")
                .contains("<nav class=\"view-choices\" aria-label=\"Time range\"><span class=\"view-choices-label\">Time range:</span>"
                        + "<a href=\"/products?range=24h\"><span>24 hours</span></a><a href=\"/products?range=7d\"><span>7 days</span></a>"
                        + "<a href=\"/products\" class=\"current\" aria-current=\"page\"><span>All</span></a></nav>")
                .contains("<p class=\"small muted\" id=\"revenue-period\">Revenue of all platforms per hour from 2025-03-13 08:00 to 2025-03-14 09:00 UTC.</p>")
                .contains("aria-label=\"Line chart of the revenue over time, one point per UTC hour or day, 0 where nothing was sold\"><svg ")
                .contains("<tr><th scope=\"col\">Hour (UTC)</th><th scope=\"col\" class=\"num\">Revenue</th></tr></thead><tbody>"
                        + "<tr><th scope=\"row\">2025-03-13 08:00</th><td class=\"num\">19,000.00</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-13 09:00</th><td class=\"num\">9,500.35</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-13 10:00</th><td class=\"num\">0.00</td></tr>")
                .contains("<tr><th scope=\"row\">2025-03-13 20:00</th><td class=\"num\">28,000.00</td></tr>")
                .contains("<tr><th scope=\"row\">2025-03-14 07:00</th><td class=\"num\">23,634.95</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-14 08:00</th><td class=\"num\">15,000.00</td></tr></tbody>")
                .doesNotContain("No purchase yet");
        assertThat(hourRows(html)).isEqualTo(25);
    }

    @Test
    void shouldShowTheLast24HoursBeforeTheEndOfTheNewestHourAndLinkTheChartsOfThatRange() throws Exception {
        Instant written = Instant.parse("2025-03-14T15:30:00Z");
        ProductSamples.writeAll(dataDir, written);
        String version = mvc.get().uri("/products/version").exchange().getResponse().getContentAsString().substring(12, 28);

        String html = compactHtml("/products?range=24h");

        assertThat(html)
                .contains("<a href=\"/products?range=24h\" class=\"current\" aria-current=\"page\"><span>24 hours</span></a>"
                        + "<a href=\"/products?range=7d\"><span>7 days</span></a><a href=\"/products\"><span>All</span></a>")
                .contains("Revenue of all platforms per hour from 2025-03-13 09:00 to 2025-03-14 09:00 UTC.")
                .contains("<tbody><tr><th scope=\"row\">2025-03-13 09:00</th><td class=\"num\">9,500.35</td></tr>")
                .doesNotContain("2025-03-13 08:00")
                .contains("href=\"/charts/products/revenue-by-hour.svg?range=24h&amp;v=" + version + "\"")
                .contains("href=\"/charts/products/revenue-by-hour.png?range=24h&amp;v=" + version + "\"")
                // the other charts are the same in every range
                .contains("href=\"/charts/products/revenue-by-platform.svg?v=" + version + "\"")
                .contains("<tr><th scope=\"row\">electronics</th><td class=\"num\">73,600.20</td></tr>")
                // and so are the tiles
                .contains("<span class=\"kpi-value\" id=\"kpi-revenue\">95,135.30</span>");
        assertThat(hourRows(html)).isEqualTo(24);
    }

    @Test
    void shouldServeRevenueByHourChartAsSvgWithOneTooltipPerHourOfTheRange() throws Exception {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T15:40:00Z"));

        ChartSvg all = assertSvg(mvc.get().uri("/charts/products/revenue-by-hour.svg").exchange(), 640, 440);
        ChartSvg day = assertSvg(mvc.get().uri("/charts/products/revenue-by-hour.svg?range=24h").exchange(), 640, 440);
        ChartSvg week = assertSvg(mvc.get().uri("/charts/products/revenue-by-hour.svg?range=7d").exchange(), 640, 440);

        assertThat(all.titles()).hasSize(25)
                .startsWith("All platforms, 2025-03-13 08:00, Revenue: 19,000.00", "All platforms, 2025-03-13 09:00, Revenue: 9,500.35",
                        "All platforms, 2025-03-13 10:00, Revenue: 0.00")
                .endsWith("All platforms, 2025-03-14 08:00, Revenue: 15,000.00");
        assertThat(all.fills()).containsOnly(ChartPalette.color(0));
        assertThat(day.titles()).hasSize(24).startsWith("All platforms, 2025-03-13 09:00, Revenue: 9,500.35")
                .doesNotContain("All platforms, 2025-03-13 08:00, Revenue: 19,000.00");
        assertThat(week.titles()).isEqualTo(all.titles());
        assertPng(mvc.get().uri("/charts/products/revenue-by-hour.png?range=24h").exchange(), 640, 440);
    }

    @Test
    void shouldSumEachDayOfAFileLongerThanAWeekAndKeepHoursForTheLast24Hours() throws Exception {
        Instant written = Instant.parse("2025-03-14T15:50:00Z");
        ProductSamples.writeAll(dataDir, written);
        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_TEN_DAYS, written);

        String all = compactHtml("/products");
        String day = compactHtml("/products?range=24h");

        assertThat(all)
                .contains("Revenue of all platforms per UTC day from 2025-03-01 to 2025-03-10, each the sum of its hours.")
                .contains("<tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\" class=\"num\">Revenue</th></tr></thead><tbody>"
                        + "<tr><th scope=\"row\">2025-03-01</th><td class=\"num\">150.00</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-02</th><td class=\"num\">0.00</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-03</th><td class=\"num\">0.00</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-04</th><td class=\"num\">300.25</td></tr>")
                .contains("<tr><th scope=\"row\">2025-03-10</th><td class=\"num\">30.75</td></tr></tbody>");
        assertThat(dayRows(all)).isEqualTo(10);
        assertThat(day)
                .contains("Revenue of all platforms per hour from 2025-03-10 00:00 to 2025-03-11 00:00 UTC.")
                .contains("<tr><th scope=\"row\">2025-03-10 22:00</th><td class=\"num\">10.00</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-10 23:00</th><td class=\"num\">20.75</td></tr></tbody>");
        assertThat(hourRows(day)).isEqualTo(24);

        ChartSvg days = assertSvg(mvc.get().uri("/charts/products/revenue-by-hour.svg").exchange(), 640, 440);
        ChartSvg week = assertSvg(mvc.get().uri("/charts/products/revenue-by-hour.svg?range=7d").exchange(), 640, 440);
        assertThat(days.titles()).hasSize(10)
                .startsWith("All platforms, 2025-03-01, Revenue: 150.00", "All platforms, 2025-03-02, Revenue: 0.00")
                .contains("All platforms, 2025-03-04, Revenue: 300.25")
                .endsWith("All platforms, 2025-03-10, Revenue: 30.75");
        assertThat(week.titles()).hasSize(168)
                .startsWith("All platforms, 2025-03-04 00:00, Revenue: 300.25")
                .endsWith("All platforms, 2025-03-10 22:00, Revenue: 10.00", "All platforms, 2025-03-10 23:00, Revenue: 20.75");
    }

    @Test
    void shouldSayThatThereIsNoRevenueOverTimeBeforeTheFirstPurchase() throws Exception {
        Instant written = Instant.parse("2025-03-14T16:00:00Z");
        ProductSamples.writeAll(dataDir, written);
        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_HEADER_ONLY, written);

        assertThat(compactHtml("/products"))
                .contains("<h2>Revenue over time</h2>")
                .contains("No purchase yet: the revenue over time starts with the first purchase.")
                .doesNotContain("revenue-period")
                .doesNotContain("Line chart of the revenue over time")
                .contains("<span class=\"kpi-value\" id=\"kpi-revenue\">95,135.30</span>");
    }

    @Test
    void shouldRefuseATimeRangeThereIsNotWith400AndTheReason() throws IOException {
        ProductSamples.writeAll(dataDir, Instant.parse("2025-03-14T16:10:00Z"));

        for (String uri : List.of("/products?range=bogus", "/charts/products/revenue-by-hour.svg?range=bogus",
                "/charts/products/revenue-by-hour.png?range=", "/products?range=ALL")) {
            MvcTestResult result = mvc.get().uri(uri).exchange();

            assertThat(result).as(uri).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponse().getErrorMessage()).as(uri)
                    .isEqualTo("The time range '" + uri.substring(uri.indexOf('=') + 1) + "' is not one of 24h, 7d, all.");
        }
    }

    /** The rows of the revenue chart's table that are hours. */
    private static long hourRows(String html) {
        return Pattern.compile("<tr><th scope=\"row\">\\d{4}-\\d{2}-\\d{2} \\d{2}:00</th>").matcher(html).results().count();
    }

    /** The rows of the revenue chart's table that are days. */
    private static long dayRows(String html) {
        return Pattern.compile("<tr><th scope=\"row\">\\d{4}-\\d{2}-\\d{2}</th>").matcher(html).results().count();
    }
}
