package org.etlsuite.transformer.product;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.kpi.StreamTopologyDriver.T0;
import static org.etlsuite.transformer.product.TestProductEvents.event;
import static org.etlsuite.transformer.product.TestProductEvents.money;

/** De-duplication by event id across keys, the processed records, and exact KPI files for a small known input. */
class ProductEventsStreamTests {

    @TempDir
    Path stateDir;

    private StreamTopologyDriver<ProductEvent, ProductEventProcessed> topology;

    @BeforeEach
    void startDriver() {
        topology = TestProductEvents.driver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldDropACopyOfAnEventEvenWhenItArrivesUnderAnotherKey() {
        ProductEvent purchase = TestProductEvents.purchase();
        ProductEvent other = event("user_0001", EventType.PRODUCT_VIEW, "home-01", Platform.WEB, "2026-03-01T10:21:00Z");

        topology.send(purchase.getUserId(), purchase, T0);
        topology.send("user_0999", purchase, T0.plusSeconds(60));
        topology.send(purchase.getUserId(), other, T0.plusSeconds(61));
        topology.send(purchase.getUserId(), purchase, T0.plusSeconds(120));

        assertThat(topology.processed.readKeyValuesToList()).extracting(kv -> kv.key + "/" + kv.value.getEventId())
                .containsExactly("user_0001/" + purchase.getEventId(), "user_0001/" + other.getEventId());
        assertThat(topology.dataQuality()).containsExactlyInAnyOrderEntriesOf(Map.of(
                QualityKey.accepted("product-events"), 2L,
                QualityKey.duplicate("product-events"), 2L));
        assertThat(topology.csv(ProductKpis::categoryDocument)).isEqualTo("""
                category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart
                electronics,0,1,1200.00,0,0
                home,1,0,0.00,0,0
                """);
    }

    @Test
    void shouldWriteTheEventWithItsFeaturesKeyedByUser() {
        ProductEvent view = event("user_0042", EventType.PRODUCT_VIEW, "cloth-02", Platform.ANDROID, "2026-03-01T23:59:59.999Z");
        ProductEvent purchase = event("user_0042", EventType.PURCHASE, "cloth-02", Platform.ANDROID, "2026-03-02T00:00:00Z");
        topology.send(view);
        topology.send(purchase);

        List<KeyValue<String, ProductEventProcessed>> processed = topology.processed.readKeyValuesToList();
        assertThat(processed).extracting(kv -> kv.key).containsExactly("user_0042", "user_0042");
        ProductEventProcessed first = processed.get(0).value;
        assertThat(first.getHour()).isEqualTo(23);
        assertThat(first.getDay()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(first.getPurchaseAmount()).isEqualTo(money("0.00"));
        assertThat(first.getPaymentMethod()).isNull();
        assertThat(first.getTimestamp()).isEqualTo(Instant.parse("2026-03-01T23:59:59.999Z"));
        ProductEventProcessed second = processed.get(1).value;
        assertThat(second.getHour()).isZero();
        assertThat(second.getDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(second.getPurchaseAmount()).isEqualTo(money("25.00"));
        assertThat(second.getPrice()).isEqualTo(money("25.00"));
    }

    @Test
    void shouldComputeExactKpisForAKnownInput() {
        topology.send(event("user_0001", EventType.PRODUCT_VIEW, "elec-01", Platform.WEB, "2026-03-01T10:15:00Z"));
        topology.send(event("user_0001", EventType.ADD_TO_CART, "elec-01", Platform.WEB, "2026-03-01T10:16:00Z"));
        topology.send(event("user_0001", EventType.PURCHASE, "elec-01", Platform.WEB, "2026-03-01T10:20:00Z"));
        topology.send(event("user_0002", EventType.PRODUCT_VIEW, "cloth-01", Platform.IOS, "2026-03-01T11:00:00Z"));
        topology.send(event("user_0002", EventType.PRODUCT_VIEW, "home-03", Platform.ANDROID, "2026-03-01T11:01:00Z"));
        topology.send(event("user_0002", EventType.PURCHASE, "home-03", Platform.ANDROID, "2026-03-01T11:05:00Z"));
        topology.send(event("user_0003", EventType.REMOVE_FROM_CART, "cloth-01", Platform.IOS, "2026-03-01T23:50:00Z"));
        topology.send(event("user_0003", EventType.PURCHASE, "cloth-01", Platform.IOS, "2026-03-02T00:30:00Z"));
        topology.send(event("user_0003", EventType.ADD_TO_CART, "cloth-01", Platform.IOS, "2026-03-02T00:31:00Z"));
        topology.send(event("user_0004", EventType.PURCHASE, "cloth-01", Platform.IOS, "2026-03-02T00:59:59Z"));

        assertThat(topology.csv(ProductKpis::categoryDocument)).isEqualTo("""
                category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart
                clothing,1,2,120.00,1,1
                electronics,1,1,1200.00,1,0
                home,1,1,15.00,0,0
                """);
        // view_to_cart = 2/3, cart_to_purchase = 4/2, view_to_purchase = 4/3
        assertThat(topology.csv(ProductKpis::funnelDocument)).isEqualTo("""
                stage,count,conversion_rate
                product_view,3,
                add_to_cart,2,
                remove_from_cart,1,
                purchase,4,
                view_to_cart,,0.6666666666666666
                cart_to_purchase,,2.0
                view_to_purchase,,1.3333333333333333
                """);
        assertThat(topology.csv(ProductKpis::platformDocument)).isEqualTo("""
                platform,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart
                android,1,1,15.00,0,0
                ios,1,2,120.00,1,1
                web,1,1,1200.00,1,0
                """);
        assertThat(topology.csv(ProductKpis::revenueHourlyDocument)).isEqualTo("""
                day,hour,purchases,revenue
                2026-03-01,10,1,1200.00
                2026-03-01,11,1,15.00
                2026-03-02,0,2,120.00
                """);
    }
}
