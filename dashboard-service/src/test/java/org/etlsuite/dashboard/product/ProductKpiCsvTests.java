package org.etlsuite.dashboard.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.csv.CsvFormatException;
import org.etlsuite.dashboard.csv.CsvReader;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.dashboard.product.ProductFunnel.FunnelStage;
import org.junit.jupiter.api.Test;

class ProductKpiCsvTests {

    private static CsvTable table(String csv) throws IOException {
        return CsvReader.parse("kpi.csv", new StringReader(csv));
    }

    @Test
    void shouldReadCategoriesWithExactRevenue() throws IOException {
        assertThat(ProductKpiCsv.categories(table(ProductSamples.CATEGORIES))).containsExactly(
                new CategoryKpi("home", 2_140, 169, new BigDecimal("8595.00"), 645, 328),
                new CategoryKpi("clothing", 2_210, 171, new BigDecimal("12940.10"), 690, 330),
                new CategoryKpi("electronics", 2_150, 160, new BigDecimal("73600.20"), 665, 342));
    }

    @Test
    void shouldTreatEmptyAndHeaderOnlyFilesAsNoRows() throws IOException {
        assertThat(ProductKpiCsv.categories(table(""))).isEmpty();
        assertThat(ProductKpiCsv.categories(table(ProductSamples.CATEGORIES_HEADER_ONLY))).isEmpty();
        assertThat(ProductKpiCsv.funnel(table(""))).isEqualTo(ProductFunnel.EMPTY);
        assertThat(ProductKpiCsv.funnel(table(ProductSamples.FUNNEL_HEADER_ONLY))).isEqualTo(ProductFunnel.EMPTY);
    }

    @Test
    void shouldSplitFunnelIntoStagesInFileOrderAndConversionRates() throws IOException {
        ProductFunnel funnel = ProductKpiCsv.funnel(table(ProductSamples.FUNNEL));

        assertThat(funnel.stages()).containsExactly(
                new FunnelStage("product_view", 6_500), new FunnelStage("add_to_cart", 2_000),
                new FunnelStage("remove_from_cart", 1_000), new FunnelStage("purchase", 500));
        assertThat(funnel.conversions()).isEqualTo(Map.of(
                FunnelConversion.VIEW_TO_CART, OptionalDouble.of(0.3076923076923077),
                FunnelConversion.CART_TO_PURCHASE, OptionalDouble.of(0.25),
                FunnelConversion.VIEW_TO_PURCHASE, OptionalDouble.of(0.07692307692307693)));
    }

    @Test
    void shouldKeepEmptyConversionRateAsAbsent() throws IOException {
        ProductFunnel funnel = ProductKpiCsv.funnel(table(ProductSamples.FUNNEL_HEADER_ONLY
                + "product_view,0,\nadd_to_cart,0,\nview_to_cart,,\n"));

        assertThat(funnel.conversions()).isEqualTo(Map.of(FunnelConversion.VIEW_TO_CART, OptionalDouble.empty()));
    }

    @Test
    void shouldNameLineOfMalformedFunnelCount() {
        assertThatThrownBy(() -> ProductKpiCsv.funnel(table(ProductSamples.FUNNEL_MALFORMED)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 5: column 'count': 'lots' is not a whole number");
    }

    @Test
    void shouldRejectNegativeRateAndRepeatedConversion() {
        assertThatThrownBy(() -> ProductKpiCsv.funnel(table(ProductSamples.FUNNEL_HEADER_ONLY + "view_to_cart,,-0.5\n")))
                .hasMessage("kpi.csv line 2: column 'conversion_rate': -0.5 is negative");
        assertThatThrownBy(() -> ProductKpiCsv.funnel(table(ProductSamples.FUNNEL + "view_to_purchase,,0.5\n")))
                .hasMessage("kpi.csv line 9: conversion 'view_to_purchase' appears twice");
    }

    @Test
    void shouldRejectNegativeCountsAndNameMissingColumns() {
        assertThatThrownBy(() -> ProductKpiCsv.categories(table(ProductSamples.CATEGORIES_HEADER_ONLY + "home,-1,0,0.00,0,0\n")))
                .hasMessage("kpi.csv line 2: column 'total_views': -1 is negative");
        assertThatThrownBy(() -> ProductKpiCsv.categories(table("category,total_views,total_purchases,total_revenue\nhome,1,1,1.00\n")))
                .hasMessage("kpi.csv line 1: missing column(s) 'total_add_to_cart', 'total_remove_from_cart' in header "
                        + "[category,total_views,total_purchases,total_revenue]");
    }

    @Test
    void shouldReadPlatformsWithExactRevenueInFileOrder() throws IOException {
        assertThat(ProductKpiCsv.platforms(table(ProductSamples.PLATFORMS))).containsExactly(
                new PlatformKpi("web", 2_200, 170, new BigDecimal("30000.00"), 670, 350),
                new PlatformKpi("android", 2_100, 160, new BigDecimal("30000.10"), 650, 320),
                new PlatformKpi("ios", 2_200, 170, new BigDecimal("35135.20"), 680, 330));
        assertThat(ProductKpiCsv.platforms(table(""))).isEmpty();
        assertThat(ProductKpiCsv.platforms(table(ProductSamples.PLATFORMS_HEADER_ONLY))).isEmpty();
    }

    @Test
    void shouldNameLineAndColumnOfAMalformedPlatformRow() {
        assertThatThrownBy(() -> ProductKpiCsv.platforms(table(ProductSamples.PLATFORMS_MALFORMED)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 3: column 'total_revenue': 'n/a' is not a number");
        assertThatThrownBy(() -> ProductKpiCsv.platforms(table("platform,total_views,total_purchases\nweb,1,1\n")))
                .hasMessage("kpi.csv line 1: missing column(s) 'total_revenue', 'total_add_to_cart', 'total_remove_from_cart' in header "
                        + "[platform,total_views,total_purchases]");
    }

    @Test
    void shouldReadEachHourWithItsStartAndExactRevenue() throws IOException {
        assertThat(ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY))).containsExactly(
                new HourRevenue(LocalDateTime.parse("2025-03-13T08:00"), 100, new BigDecimal("19000.00")),
                new HourRevenue(LocalDateTime.parse("2025-03-13T09:00"), 50, new BigDecimal("9500.35")),
                new HourRevenue(LocalDateTime.parse("2025-03-13T20:00"), 150, new BigDecimal("28000.00")),
                new HourRevenue(LocalDateTime.parse("2025-03-14T07:00"), 120, new BigDecimal("23634.95")),
                new HourRevenue(LocalDateTime.parse("2025-03-14T08:00"), 80, new BigDecimal("15000.00")));
        assertThat(ProductKpiCsv.revenueHours(table(""))).isEmpty();
        assertThat(ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY_HEADER_ONLY))).isEmpty();
    }

    @Test
    void shouldNameLineOfAnHourThatIsNoneOfTheDay() {
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY_MALFORMED)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 4: column 'hour': 24 is not an hour of the day (0 to 23)");
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY_HEADER_ONLY + "2025-03-13,-1,1,1.00\n")))
                .hasMessage("kpi.csv line 2: column 'hour': -1 is not an hour of the day (0 to 23)");
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY_HEADER_ONLY + "13.03.2025,8,1,1.00\n")))
                .hasMessage("kpi.csv line 2: column 'day': '13.03.2025' is not a date (yyyy-MM-dd)");
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY_HEADER_ONLY + "2025-03-13,8,-2,1.00\n")))
                .hasMessage("kpi.csv line 2: column 'purchases': -2 is negative");
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY_HEADER_ONLY + "2025-03-13,8,1,\n")))
                .hasMessage("kpi.csv line 2: column 'revenue': '' is not a number");
    }

    @Test
    void shouldRejectAnHourTwiceOrOutOfOrder() {
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY + "2025-03-14,8,1,1.00\n")))
                .hasMessage("kpi.csv line 7: hour 8 of 2025-03-14 does not come after the row before (hour 8 of 2025-03-14);"
                        + " the rows go by day, then hour, each hour once");
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table(ProductSamples.REVENUE_HOURLY + "2025-03-13,23,1,1.00\n")))
                .hasMessage("kpi.csv line 7: hour 23 of 2025-03-13 does not come after the row before (hour 8 of 2025-03-14);"
                        + " the rows go by day, then hour, each hour once");
    }

    @Test
    void shouldNameMissingColumnsOfTheHourlyFile() {
        assertThatThrownBy(() -> ProductKpiCsv.revenueHours(table("day,hour,revenue\n2025-03-13,8,1.00\n")))
                .hasMessage("kpi.csv line 1: missing column(s) 'purchases' in header [day,hour,revenue]");
    }
}
