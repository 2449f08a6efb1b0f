package org.etlsuite.model.product;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;

/**
 * The strings the original system used for the product-event vocabularies, as they appear in the CSV files
 * and on the dashboard (the Avro symbols are upper-case identifiers).
 */
public final class ProductDisplayNames {

    private ProductDisplayNames() {
    }

    // Exhaustive switches: a symbol added to the schema breaks the build here instead of silently producing
    // a raw enum name in the files.

    public static String displayName(EventType eventType) {
        return switch (eventType) {
            case PRODUCT_VIEW -> "product_view";
            case ADD_TO_CART -> "add_to_cart";
            case REMOVE_FROM_CART -> "remove_from_cart";
            case PURCHASE -> "purchase";
        };
    }

    public static String displayName(ProductCategory category) {
        return switch (category) {
            case ELECTRONICS -> "electronics";
            case CLOTHING -> "clothing";
            case HOME -> "home";
        };
    }

    public static String displayName(Platform platform) {
        return switch (platform) {
            case WEB -> "web";
            case IOS -> "ios";
            case ANDROID -> "android";
        };
    }

    public static String displayName(PaymentMethod paymentMethod) {
        return switch (paymentMethod) {
            case CREDIT_CARD -> "credit_card";
            case PAYPAL -> "paypal";
            case APPLE_PAY -> "apple_pay";
        };
    }
}
