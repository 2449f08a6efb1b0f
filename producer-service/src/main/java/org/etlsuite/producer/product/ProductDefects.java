package org.etlsuite.producer.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.random.RandomGenerator;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.producer.stream.Defects;

/**
 * Dirty shopper interactions: each breaks exactly one data-quality rule of the {@code product-events} stream. Money
 * keeps the schema's scale of two decimals, so every event still serializes.
 * <ul>
 * <li>{@value #EMPTY_EVENT_ID}: {@code event_id} is the empty string;</li>
 * <li>{@value #EMPTY_USER_ID}: {@code user_id} is the empty string (also the record key);</li>
 * <li>{@value #NEGATIVE_PRICE}: {@code price} is the negated catalogue price; a purchase's
 *     {@code purchase_amount} follows it, so that the amount still equals the price;</li>
 * <li>{@value #PURCHASE_MISSING_PAYMENT_DETAILS}: a purchase without {@code purchase_amount}, without
 *     {@code payment_method}, or without both (a third each); a non-purchase is turned into a purchase first;</li>
 * <li>{@value #NON_PURCHASE_WITH_PAYMENT_DETAILS}: a view or cart event that carries {@code purchase_amount}, a
 *     {@code payment_method}, or both (a third each); a purchase is turned into one of the other types first;</li>
 * <li>{@value #PURCHASE_AMOUNT_MISMATCH}: a purchase (a non-purchase is turned into one, with a payment method)
 *     whose {@code purchase_amount} is 0.01..2×price but not the price.</li>
 * </ul>
 */
public final class ProductDefects implements Defects<ProductEvent> {

    public static final String EMPTY_EVENT_ID = "empty_event_id";
    public static final String EMPTY_USER_ID = "empty_user_id";
    public static final String NEGATIVE_PRICE = "negative_price";
    public static final String PURCHASE_MISSING_PAYMENT_DETAILS = "purchase_missing_payment_details";
    public static final String NON_PURCHASE_WITH_PAYMENT_DETAILS = "non_purchase_with_payment_details";
    public static final String PURCHASE_AMOUNT_MISMATCH = "purchase_amount_mismatch";

    public static final ProductDefects INSTANCE = new ProductDefects();

    private static final List<String> KINDS = List.of(EMPTY_EVENT_ID, EMPTY_USER_ID, NEGATIVE_PRICE,
            PURCHASE_MISSING_PAYMENT_DETAILS, NON_PURCHASE_WITH_PAYMENT_DETAILS, PURCHASE_AMOUNT_MISMATCH);

    private static final EventType[] NON_PURCHASES = {EventType.PRODUCT_VIEW, EventType.ADD_TO_CART, EventType.REMOVE_FROM_CART};
    private static final PaymentMethod[] PAYMENT_METHODS = PaymentMethod.values();

    private ProductDefects() {
    }

    @Override
    public List<String> kinds() {
        return KINDS;
    }

    @Override
    public Defective<ProductEvent> apply(ProductEvent clean, RandomGenerator random) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        ProductEvent.Builder dirty = ProductEvent.newBuilder(clean);
        BigDecimal price = clean.getPrice();
        boolean purchase = clean.getEventType() == EventType.PURCHASE;
        switch (kind) {
            case EMPTY_EVENT_ID -> dirty.setEventId("");
            case EMPTY_USER_ID -> dirty.setUserId("");
            case NEGATIVE_PRICE -> {
                dirty.setPrice(price.negate());
                if (purchase) {
                    dirty.setPurchaseAmount(price.negate());
                }
            }
            case PURCHASE_MISSING_PAYMENT_DETAILS -> {
                int missing = random.nextInt(3); // 0: amount, 1: method, 2: both
                dirty.setEventType(EventType.PURCHASE)
                        .setPurchaseAmount(missing == 0 || missing == 2 ? null : price)
                        .setPaymentMethod(missing == 1 || missing == 2 ? null : paymentMethod(clean, random));
            }
            case NON_PURCHASE_WITH_PAYMENT_DETAILS -> {
                int carried = random.nextInt(3); // 0: amount, 1: method, 2: both
                EventType type = purchase ? NON_PURCHASES[random.nextInt(NON_PURCHASES.length)] : clean.getEventType();
                dirty.setEventType(type)
                        .setPurchaseAmount(carried == 1 ? null : price)
                        .setPaymentMethod(carried == 0 ? null : paymentMethod(clean, random));
            }
            case PURCHASE_AMOUNT_MISMATCH -> dirty.setEventType(EventType.PURCHASE)
                    .setPurchaseAmount(otherAmount(price, random))
                    .setPaymentMethod(paymentMethod(clean, random));
            default -> throw new IllegalStateException("unknown defect " + kind);
        }
        return new Defective<>(dirty.build(), kind);
    }

    /** The clean event's payment method if it has one, else a uniform one. */
    private static PaymentMethod paymentMethod(ProductEvent clean, RandomGenerator random) {
        return clean.getPaymentMethod() != null ? clean.getPaymentMethod() : PAYMENT_METHODS[random.nextInt(PAYMENT_METHODS.length)];
    }

    /** Uniform over the cents 0.01..2×price, skipping the price itself. */
    private static BigDecimal otherAmount(BigDecimal price, RandomGenerator random) {
        long priceCents = price.movePointRight(2).longValueExact();
        long cents = random.nextLong(1, 2 * priceCents); // 2 × price - 1 values, then shifted past the price
        if (cents >= priceCents) {
            cents++;
        }
        return BigDecimal.valueOf(cents, 2);
    }
}
