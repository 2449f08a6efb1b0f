package org.etlsuite.transformer.product;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;

/** The feature formulas of the product-events stream; time features use the event time in UTC. */
public final class ProductFeatures {

    /** What the original wrote for a missing purchase_amount; scale 2 as the Avro decimal requires. */
    public static final BigDecimal NO_PURCHASE_AMOUNT = new BigDecimal("0.00");

    private ProductFeatures() {
    }

    /** The processed record of an event that passed {@link ProductEventRules}. */
    public static ProductEventProcessed enrich(ProductEvent event) {
        ZonedDateTime utc = event.getTimestamp().atZone(ZoneOffset.UTC);
        return ProductEventProcessed.newBuilder()
                .setEventId(event.getEventId())
                .setTimestamp(event.getTimestamp())
                .setUserId(event.getUserId())
                .setSessionId(event.getSessionId())
                .setEventType(event.getEventType())
                .setProductId(event.getProductId())
                .setProductName(event.getProductName())
                .setCategory(event.getCategory())
                .setPrice(event.getPrice())
                .setPlatform(event.getPlatform())
                .setPurchaseAmount(purchaseAmount(event))
                .setPaymentMethod(event.getPaymentMethod())
                .setHour(utc.getHour())
                .setDay(utc.toLocalDate())
                .build();
    }

    /** The amount paid, 0.00 when absent (every event type but purchase), as the original pipeline did. */
    public static BigDecimal purchaseAmount(ProductEvent event) {
        return event.getPurchaseAmount() == null ? NO_PURCHASE_AMOUNT : event.getPurchaseAmount();
    }
}
