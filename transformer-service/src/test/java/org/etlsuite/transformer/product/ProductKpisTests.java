package org.etlsuite.transformer.product;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.kpi.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.product.TestProductEvents.event;
import static org.etlsuite.transformer.product.TestProductEvents.money;

/** The KPI maths without Kafka: cells per event and the files built from a table. */
class ProductKpisTests {

    @Test
    void shouldCountAPurchaseInItsCategoryPlatformAndHour() {
        ProductEventProcessed purchase = ProductFeatures.enrich(event("user_0001", EventType.PURCHASE, "elec-02", Platform.IOS, "2026-03-01T07:45:00Z"));

        assertThat(ProductKpis.cells(purchase)).containsExactly(
                KeyValue.pair("category|ELECTRONICS|PURCHASE", Tally.of(0, money("250.00"))),
                KeyValue.pair("platform|IOS|PURCHASE", Tally.of(0, money("250.00"))),
                KeyValue.pair("hourly|2026-03-01|7", Tally.of(0, money("250.00"))));
    }

    @Test
    void shouldCountAViewWithoutRevenueAndWithoutAnHourlyCell() {
        ProductEventProcessed view = ProductFeatures.enrich(event("user_0001", EventType.PRODUCT_VIEW, "home-01", Platform.WEB, "2026-03-01T07:45:00Z"));

        assertThat(ProductKpis.cells(view)).containsExactly(
                KeyValue.pair("category|HOME|PRODUCT_VIEW", Tally.of(0, money("0.00"))),
                KeyValue.pair("platform|WEB|PRODUCT_VIEW", Tally.of(0, money("0.00"))));
    }

    @Test
    void shouldWriteHeaderOnlyFilesForAnEmptyTable() {
        assertThat(CsvFormat.render(ProductKpis.categoryDocument(Map.of())))
                .isEqualTo("category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart\n");
        assertThat(CsvFormat.render(ProductKpis.funnelDocument(Map.of()))).isEqualTo("stage,count,conversion_rate\n");
        assertThat(CsvFormat.render(ProductKpis.platformDocument(Map.of())))
                .isEqualTo("platform,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart\n");
        assertThat(CsvFormat.render(ProductKpis.revenueHourlyDocument(Map.of()))).isEqualTo("day,hour,purchases,revenue\n");
    }

    @Test
    void shouldLeaveAConversionRateEmptyWhenItsDenominatorIsZero() {
        Map<String, Tally> table = new HashMap<>();
        table.put("category|HOME|PURCHASE", new Tally(3, 0, money("45.00")));

        assertThat(CsvFormat.render(ProductKpis.funnelDocument(table))).isEqualTo("""
                stage,count,conversion_rate
                product_view,0,
                add_to_cart,0,
                remove_from_cart,0,
                purchase,3,
                view_to_cart,,
                cart_to_purchase,,
                view_to_purchase,,
                """);
    }

    @Test
    void shouldSortHourlyRowsByDayThenNumericHourAndKeepEveryCent() {
        Map<String, Tally> table = new HashMap<>();
        table.put("hourly|2026-03-02|3", new Tally(1, 0, money("15.00")));
        table.put("hourly|2026-03-01|10", new Tally(2, 0, money("0.10")));
        table.put("hourly|2026-03-01|9", new Tally(1, 0, money("0.20")));
        table.put("category|HOME|PURCHASE", new Tally(1, 0, money("15.00")));

        assertThat(CsvFormat.render(ProductKpis.revenueHourlyDocument(table))).isEqualTo("""
                day,hour,purchases,revenue
                2026-03-01,9,1,0.20
                2026-03-01,10,2,0.10
                2026-03-02,3,1,15.00
                """);
        assertThat(ProductKpis.revenueHourlyDocument(table).sourceRecords()).isEqualTo(4);
    }

    @Test
    void shouldKeepTheAmountOfAPurchaseAndZeroOtherwise() {
        assertThat(ProductFeatures.purchaseAmount(TestProductEvents.purchase())).isEqualTo(money("1200.00"));
        assertThat(ProductFeatures.purchaseAmount(TestProductEvents.view())).isEqualTo(money("0.00"));
        ProductEventProcessed processed = ProductFeatures.enrich(TestProductEvents.view());
        assertThat(List.of(processed.getHour(), processed.getDay())).containsExactly(10, LocalDate.parse("2026-03-01"));
    }
}
