package org.etlsuite.transformer.product;

import java.util.List;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.model.product.ProductCatalog;
import org.etlsuite.transformer.stream.QualityRule;

/**
 * The data-quality rules of the product-events stream, in the order they are checked (after the
 * framework's {@code value-present}); an event that breaks one goes to {@code product-events.DLT} with
 * the rule's name and is counted under it. Only the first broken rule is reported, so the order puts
 * identity first, then the catalogue, then the purchase fields, which only make sense once the price
 * is known to be right.
 */
public final class ProductEventRules {

    /** Without an event id the event cannot be de-duplicated; the producer marks a missing id with "". */
    public static final QualityRule<ProductEvent> EVENT_ID_PRESENT = QualityRule.of("event-id-present",
            event -> present(event.getEventId()));

    /** The record key and the funnel's owner. */
    public static final QualityRule<ProductEvent> USER_ID_PRESENT = QualityRule.of("user-id-present",
            event -> present(event.getUserId()));

    /** 0 and negative epochs are producer defaults, not event times (and would put the event in 1970). */
    public static final QualityRule<ProductEvent> TIMESTAMP_POSITIVE = QualityRule.of("timestamp-positive",
            event -> event.getTimestamp() != null && event.getTimestamp().toEpochMilli() > 0);

    /** The product id is in the catalogue and name and category are that product's. */
    public static final QualityRule<ProductEvent> PRODUCT_IN_CATALOG = QualityRule.of("product-in-catalog",
            event -> ProductCatalog.find(event.getProductId())
                    .filter(product -> product.name().equals(event.getProductName()) && product.category() == event.getCategory())
                    .isPresent());

    /** A price of 0 or less is never a catalogue price; reported apart from a wrong positive price. */
    public static final QualityRule<ProductEvent> PRICE_POSITIVE = QualityRule.of("price-positive",
            event -> event.getPrice() != null && event.getPrice().signum() > 0);

    /** Numerically equal to the catalogue price (12.0 and 12.00 are the same price). */
    public static final QualityRule<ProductEvent> PRICE_MATCHES_CATALOG = QualityRule.of("price-matches-catalog",
            event -> ProductCatalog.find(event.getProductId())
                    .filter(product -> product.price().compareTo(event.getPrice()) == 0)
                    .isPresent());

    /** A purchase has purchase_amount and payment_method; any other event type has neither. */
    public static final QualityRule<ProductEvent> PURCHASE_FIELDS_CONSISTENT = QualityRule.of("purchase-fields-consistent",
            event -> event.getEventType() == EventType.PURCHASE
                    ? event.getPurchaseAmount() != null && event.getPaymentMethod() != null
                    : event.getPurchaseAmount() == null && event.getPaymentMethod() == null);

    /** One unit per purchase: the amount paid is the price (numerically). */
    public static final QualityRule<ProductEvent> PURCHASE_AMOUNT_EQUALS_PRICE = QualityRule.of("purchase-amount-equals-price",
            event -> event.getPurchaseAmount() == null || event.getPurchaseAmount().compareTo(event.getPrice()) == 0);

    /** Every rule, in the order they are checked. */
    public static final List<QualityRule<ProductEvent>> ALL = List.of(EVENT_ID_PRESENT, USER_ID_PRESENT, TIMESTAMP_POSITIVE,
            PRODUCT_IN_CATALOG, PRICE_POSITIVE, PRICE_MATCHES_CATALOG, PURCHASE_FIELDS_CONSISTENT, PURCHASE_AMOUNT_EQUALS_PRICE);

    private ProductEventRules() {
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
