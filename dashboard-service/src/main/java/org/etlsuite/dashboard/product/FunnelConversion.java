package org.etlsuite.dashboard.product;

import java.util.Arrays;
import java.util.Optional;

import org.etlsuite.events.product.EventType;
import org.etlsuite.model.kpi.ProductKpiFiles.Funnel;
import org.etlsuite.model.product.ProductDisplayNames;

/**
 * The conversion rows of the funnel file, each a ratio of two stages' event counts as
 * {@link Funnel} defines it. The stages are named as the file names them.
 */
enum FunnelConversion {

    VIEW_TO_CART(Funnel.VIEW_TO_CART, "View → add to cart", EventType.ADD_TO_CART, EventType.PRODUCT_VIEW),
    CART_TO_PURCHASE(Funnel.CART_TO_PURCHASE, "Add to cart → purchase", EventType.PURCHASE, EventType.ADD_TO_CART),
    VIEW_TO_PURCHASE(Funnel.VIEW_TO_PURCHASE, "View → purchase", EventType.PURCHASE, EventType.PRODUCT_VIEW);

    private final String stage;
    private final String label;
    private final EventType numerator;
    private final EventType denominator;

    FunnelConversion(String stage, String label, EventType numerator, EventType denominator) {
        this.stage = stage;
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The conversion a row of the file's {@code stage} column names, if it names one. */
    static Optional<FunnelConversion> ofStage(String stage) {
        return Arrays.stream(values()).filter(conversion -> conversion.stage.equals(stage)).findFirst();
    }

    /** The value of the file's {@code stage} column for this conversion. */
    String stage() {
        return stage;
    }

    String label() {
        return label;
    }

    /** E.g. "purchase / product_view". */
    String formula() {
        return ProductDisplayNames.displayName(numerator) + " / " + ProductDisplayNames.displayName(denominator);
    }
}
