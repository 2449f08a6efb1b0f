package org.etlsuite.dashboard.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
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
}
