package org.etlsuite.transformer.product;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.model.product.Product;
import org.etlsuite.model.product.ProductCatalog;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;

/** Clean product events for tests, built from the catalogue as the producer builds them. */
final class TestProductEvents {

    private static final DateTimeFormatter SESSION_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private TestProductEvents() {
    }

    /** A valid event; purchases get purchase_amount = price and the given payment method. */
    static ProductEvent event(String eventId, String userId, EventType type, String productId, Platform platform, Instant timestamp) {
        Product product = ProductCatalog.find(productId).orElseThrow();
        boolean purchase = type == EventType.PURCHASE;
        return ProductEvent.newBuilder()
                .setEventId(eventId)
                .setTimestamp(timestamp)
                .setUserId(userId)
                .setSessionId("sess_" + userId.substring(userId.length() - 4) + "_" + SESSION_HOUR.format(timestamp))
                .setEventType(type)
                .setProductId(product.id())
                .setProductName(product.name())
                .setCategory(product.category())
                .setPrice(product.price())
                .setPlatform(platform)
                .setPurchaseAmount(purchase ? product.price() : null)
                .setPaymentMethod(purchase ? PaymentMethod.CREDIT_CARD : null)
                .build();
    }

    static ProductEvent event(String userId, EventType type, String productId, Platform platform, String timestamp) {
        return event(UUID.randomUUID().toString(), userId, type, productId, platform, Instant.parse(timestamp));
    }

    static ProductEvent view() {
        return event("user_0001", EventType.PRODUCT_VIEW, "elec-01", Platform.WEB, "2026-03-01T10:15:00Z");
    }

    static ProductEvent purchase() {
        return event("user_0001", EventType.PURCHASE, "elec-01", Platform.WEB, "2026-03-01T10:20:00Z");
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static StreamTopologyDriver<ProductEvent, ProductEventProcessed> driver(Path stateDir) {
        return new StreamTopologyDriver<>(stateDir, ProductEventsStream.definition(), ProductEventsStream.KPIS);
    }
}
