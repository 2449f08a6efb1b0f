package org.etlsuite.dashboard.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.csv.CsvReader;
import org.junit.jupiter.api.Test;

class ProductKpisTests {

    private static ProductKpis sample() throws IOException {
        return ProductKpis.of(
                ProductKpiCsv.categories(CsvReader.parse("category.csv", new StringReader(ProductSamples.CATEGORIES))),
                ProductKpiCsv.funnel(CsvReader.parse("funnel.csv", new StringReader(ProductSamples.FUNNEL))),
                ProductKpiCsv.platforms(CsvReader.parse("platform.csv", new StringReader(ProductSamples.PLATFORMS))),
                ProductKpiCsv.revenueHours(CsvReader.parse("revenue_hourly.csv", new StringReader(ProductSamples.REVENUE_HOURLY))));
    }

    @Test
    void shouldSumRevenueExactlyToTheCent() throws IOException {
        // 8595.00 + 12940.10 + 73600.20 added as doubles is 95135.29999999999
        assertThat(sample().totalRevenue()).isEqualTo(new BigDecimal("95135.30"));
    }

    @Test
    void shouldSumPurchasesAndViewsOverCategories() throws IOException {
        ProductKpis kpis = sample();

        assertThat(kpis.totalPurchases()).isEqualTo(500L);
        assertThat(kpis.totalViews()).isEqualTo(6_500L);
    }

    @Test
    void shouldListCategoriesAlphabetically() throws IOException {
        assertThat(sample().categories()).extracting(CategoryKpi::category).containsExactly("clothing", "electronics", "home");
    }

    @Test
    void shouldListPlatformsAlphabetically() throws IOException {
        assertThat(sample().platforms()).extracting(PlatformKpi::platform).containsExactly("android", "ios", "web");
    }

    @Test
    void shouldColourEachPlatformOfTheSchemaAlikeWhicheverPlatformsTheFileHolds() {
        // the schema's order: web, ios, android
        assertThat(ProductChart.platformColor("web", 2)).isEqualTo(ChartPalette.color(0));
        assertThat(ProductChart.platformColor("ios", 0)).isEqualTo(ChartPalette.color(1));
        assertThat(ProductChart.platformColor("android", 0)).isEqualTo(ChartPalette.color(2));
        assertThat(ProductChart.platformColor("kiosk", 1)).isEqualTo(ChartPalette.color(4));
    }

    @Test
    void shouldTakeConversionRatesFromTheFunnelFile() throws IOException {
        ProductKpis kpis = sample();

        assertThat(kpis.conversion(FunnelConversion.VIEW_TO_PURCHASE)).isEqualTo(OptionalDouble.of(0.07692307692307693));
        assertThat(kpis.conversion(FunnelConversion.CART_TO_PURCHASE)).isEqualTo(OptionalDouble.of(0.25));
    }

    @Test
    void shouldRoundAverageOrderValueHalfUpToTheCent() throws IOException {
        // 95135.30 / 500 = 190.2706
        assertThat(sample().averageOrderValue()).contains(new BigDecimal("190.27"));
    }

    @Test
    void shouldHaveNothingToShowWithoutEvents() {
        ProductKpis kpis = ProductKpis.of(List.of(), ProductFunnel.EMPTY, List.of(), List.of());

        assertThat(kpis.hasEvents()).isFalse();
        assertThat(kpis.totalRevenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(kpis.averageOrderValue()).isEmpty();
        assertThat(kpis.conversion(FunnelConversion.VIEW_TO_CART)).isEmpty();
    }

    @Test
    void shouldNameConversionsWithTheStagesTheyDivide() {
        assertThat(FunnelConversion.VIEW_TO_PURCHASE.formula()).isEqualTo("purchase / product_view");
        assertThat(FunnelConversion.ofStage("cart_to_purchase")).contains(FunnelConversion.CART_TO_PURCHASE);
        assertThat(FunnelConversion.ofStage("purchase")).isEmpty();
    }
}
