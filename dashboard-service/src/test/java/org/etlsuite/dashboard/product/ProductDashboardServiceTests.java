package org.etlsuite.dashboard.product;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.TimeRange;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DashboardPage.State;
import org.etlsuite.dashboard.product.ProductPage.CategoryRow;
import org.etlsuite.dashboard.product.ProductPage.ConversionRow;
import org.etlsuite.dashboard.product.ProductPage.PlatformRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductDashboardServiceTests {

    private static final Instant WRITTEN = Instant.parse("2025-03-14T09:30:00Z");

    @TempDir
    Path dataDir;

    private ProductDashboardService service;

    @BeforeEach
    void setUp() {
        service = new ProductDashboardService(new EtlProperties(dataDir, null));
    }

    @Test
    void shouldFormatSummaryForTheTemplate() throws IOException {
        ProductSamples.writeAll(dataDir, WRITTEN);

        DashboardPage<ProductPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.READY);
        assertThat(page.summary()).isEqualTo(new ProductPage.Summary(
                "95,135.30", "500", "6,500", "7.7%", "190.27", "3", "2025-03-14 09:30:00 UTC",
                List.of(new CategoryRow("clothing", "12,940.10", "2,210", "171", "690"),
                        new CategoryRow("electronics", "73,600.20", "2,150", "160", "665"),
                        new CategoryRow("home", "8,595.00", "2,140", "169", "645")),
                List.of(new ConversionRow("View → add to cart", "add_to_cart / product_view", "30.8%"),
                        new ConversionRow("Add to cart → purchase", "purchase / add_to_cart", "25.0%"),
                        new ConversionRow("View → purchase", "purchase / product_view", "7.7%")),
                List.of(new PlatformRow("android", "30,000.10", "2,100", "160"),
                        new PlatformRow("ios", "35,135.20", "2,200", "170"),
                        new PlatformRow("web", "30,000.00", "2,200", "170"))));
    }

    @Test
    void shouldSayWhichPeriodTheRevenueChartShowsInEachView() throws IOException {
        ProductSamples.writeAll(dataDir, WRITTEN);

        assertThat(service.revenuePeriod(ChartView.WHOLE)).contains("per hour from 2025-03-13 08:00 to 2025-03-14 09:00 UTC");
        assertThat(service.revenuePeriod(ChartView.of(TimeRange.LAST_24_HOURS))).contains("per hour from 2025-03-13 09:00 to 2025-03-14 09:00 UTC");

        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_TEN_DAYS, WRITTEN.plusSeconds(60));

        assertThat(service.revenuePeriod(ChartView.WHOLE)).contains("per UTC day from 2025-03-01 to 2025-03-10, each the sum of its hours");
        assertThat(service.revenuePeriod(ChartView.of(TimeRange.LAST_7_DAYS))).contains("per hour from 2025-03-04 00:00 to 2025-03-11 00:00 UTC");

        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_HEADER_ONLY, WRITTEN.plusSeconds(120));

        assertThat(service.page().state()).isEqualTo(State.READY);
        assertThat(service.revenuePeriod(ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldDrawTheRevenueOverTimeOncePerTimeRangeAndTheOtherChartsOnceForAll() throws IOException {
        ProductSamples.writeAll(dataDir, WRITTEN);

        byte[] all = service.chart(ProductChart.REVENUE_BY_HOUR, ChartView.WHOLE).orElseThrow();
        byte[] day = service.chart(ProductChart.REVENUE_BY_HOUR, ChartView.of(TimeRange.LAST_24_HOURS)).orElseThrow();

        assertThat(day).isNotSameAs(all);
        assertThat(service.chart(ProductChart.REVENUE_BY_HOUR, ChartView.of(TimeRange.LAST_24_HOURS))).containsSame(day);
        assertThat(service.figure(ProductChart.REVENUE_BY_PLATFORM, ChartView.of(TimeRange.LAST_24_HOURS)))
                .containsSame(service.figure(ProductChart.REVENUE_BY_PLATFORM, ChartView.WHOLE).orElseThrow());
    }

    @Test
    void shouldShowNotApplicableForRatesWithoutDenominator() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES_HEADER_ONLY + "home,0,0,0.00,3,0\n", WRITTEN);
        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL_HEADER_ONLY
                + "product_view,0,\nadd_to_cart,3,\nremove_from_cart,0,\npurchase,0,\n"
                + "view_to_cart,,\ncart_to_purchase,,0.0\nview_to_purchase,,\n", WRITTEN);
        ProductSamples.writePlatforms(dataDir, ProductSamples.PLATFORMS_HEADER_ONLY + "web,0,0,0.00,3,0\n", WRITTEN);
        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_HEADER_ONLY, WRITTEN);

        ProductPage.Summary summary = service.page().summary();

        assertThat(summary.viewToPurchase()).isEqualTo("n/a");
        assertThat(summary.averageOrderValue()).isEqualTo("n/a");
        assertThat(summary.conversions()).extracting(ConversionRow::rate).containsExactly("n/a", "0.0%", "n/a");
    }

    @Test
    void shouldReportMissingFilesAndListWhereThePageLooks() {
        DashboardPage<ProductPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.NO_FILE);
        assertThat(page.dataFiles()).containsExactly(
                "processed_product/product_events_clean_kpi_category.csv",
                "processed_product/product_events_clean_kpi_funnel.csv",
                "processed_product/product_events_clean_kpi_platform.csv",
                "processed_product/product_events_clean_kpi_revenue_hourly.csv");
        assertThat(service.chart(ProductChart.FUNNEL, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldWaitUntilEveryFileIsWritten() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_FILE);

        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL, WRITTEN);
        ProductSamples.writePlatforms(dataDir, ProductSamples.PLATFORMS, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_FILE);
        assertThat(service.chart(ProductChart.REVENUE_BY_PLATFORM, ChartView.WHOLE)).isEmpty();
        assertThat(service.revenuePeriod(ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportMalformedNewFilesWithFileAndLine() throws IOException {
        ProductSamples.writeAll(dataDir, WRITTEN);
        ProductSamples.writePlatforms(dataDir, ProductSamples.PLATFORMS_MALFORMED, WRITTEN);
        ProductSamples.writeRevenueHourly(dataDir, ProductSamples.REVENUE_HOURLY_MALFORMED, WRITTEN);

        DashboardPage<ProductPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.UNREADABLE);
        assertThat(page.errors()).containsExactly(
                "processed_product/product_events_clean_kpi_platform.csv line 3: column 'total_revenue': 'n/a' is not a number",
                "processed_product/product_events_clean_kpi_revenue_hourly.csv line 4: column 'hour': 24 is not an hour of the day (0 to 23)");
        assertThat(service.chart(ProductChart.REVENUE_BY_HOUR, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportFilesWithoutEvents() throws IOException {
        ProductSamples.writeHeadersOnly(dataDir, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_ROWS);
        assertThat(service.chart(ProductChart.REVENUE_BY_CATEGORY, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportMalformedFileWithFileAndLine() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES, WRITTEN);
        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL_MALFORMED, WRITTEN);

        DashboardPage<ProductPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.UNREADABLE);
        assertThat(page.errors()).containsExactly("processed_product/product_events_clean_kpi_funnel.csv line 5: column 'count': 'lots' is not a whole number");
        assertThat(service.chart(ProductChart.FUNNEL, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldDrawEachChartOncePerVersionOfTheFiles() throws IOException {
        ProductSamples.writeAll(dataDir, WRITTEN);

        byte[] first = service.chart(ProductChart.FUNNEL, ChartView.WHOLE).orElseThrow();
        assertThat(service.chart(ProductChart.FUNNEL, ChartView.WHOLE)).containsSame(first);

        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL.replace("purchase,500,", "purchase,501,"), WRITTEN.plusSeconds(60));
        assertThat(service.chart(ProductChart.FUNNEL, ChartView.WHOLE).orElseThrow()).isNotSameAs(first);
    }
}
