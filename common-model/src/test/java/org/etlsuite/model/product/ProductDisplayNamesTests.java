package org.etlsuite.model.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.junit.jupiter.api.Test;

class ProductDisplayNamesTests {

    @Test
    void shouldNameEventTypesAsTheOriginalFunnelStages() {
        assertThat(EventType.values()).extracting(ProductDisplayNames::displayName)
                .containsExactly("product_view", "add_to_cart", "remove_from_cart", "purchase");
    }

    @Test
    void shouldNameCategoriesInLowerCase() {
        assertThat(ProductCategory.values()).extracting(ProductDisplayNames::displayName)
                .containsExactly("electronics", "clothing", "home");
    }

    @Test
    void shouldNamePlatformsInLowerCase() {
        assertThat(Platform.values()).extracting(ProductDisplayNames::displayName)
                .containsExactly("web", "ios", "android");
    }

    @Test
    void shouldNamePaymentMethodsAsTheOriginalDid() {
        assertThat(PaymentMethod.values()).extracting(ProductDisplayNames::displayName)
                .containsExactly("credit_card", "paypal", "apple_pay");
    }
}
