package org.etlsuite.dashboard.product;

import org.etlsuite.dashboard.chart.ChartView;
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
                        new ConversionRow("View → purchase", "purchase / product_view", "7.7%"))));
    }

    @Test
    void shouldShowNotApplicableForRatesWithoutDenominator() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES_HEADER_ONLY + "home,0,0,0.00,3,0\n", WRITTEN);
        ProductSamples.writeFunnel(dataDir, ProductSamples.FUNNEL_HEADER_ONLY
                + "product_view,0,\nadd_to_cart,3,\nremove_from_cart,0,\npurchase,0,\n"
                + "view_to_cart,,\ncart_to_purchase,,0.0\nview_to_purchase,,\n", WRITTEN);

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
                "processed_product/product_events_clean_kpi_funnel.csv");
        assertThat(service.chart(ProductChart.FUNNEL, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldWaitUntilEveryFileIsWritten() throws IOException {
        ProductSamples.writeCategories(dataDir, ProductSamples.CATEGORIES, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_FILE);
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
