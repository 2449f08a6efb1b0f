package org.etlsuite.transformer.product;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.etlsuite.events.product.ProductCategory;

/**
 * The shop's catalogue as docs/DOMAIN.md fixes it (11 products, 3 categories, fixed prices): what a
 * product event is checked against. The producer has its own copy; the two must agree, and a product
 * added on one side only shows up here as {@code product-in-catalog} rejections.
 */
public final class ProductCatalog {

    /** One catalogue entry. */
    public record Product(String id, String name, ProductCategory category, BigDecimal price) {
    }

    private static final Map<String, Product> BY_ID = Stream.of(
                    product("elec-01", "Laptop Pro", ProductCategory.ELECTRONICS, "1200.00"),
                    product("elec-02", "Smartwatch X", ProductCategory.ELECTRONICS, "250.00"),
                    product("elec-03", "Wireless Buds", ProductCategory.ELECTRONICS, "150.00"),
                    product("elec-04", "4K Monitor", ProductCategory.ELECTRONICS, "400.00"),
                    product("cloth-01", "Denim Jeans", ProductCategory.CLOTHING, "60.00"),
                    product("cloth-02", "Cotton T-Shirt", ProductCategory.CLOTHING, "25.00"),
                    product("cloth-03", "Sneakers", ProductCategory.CLOTHING, "90.00"),
                    product("cloth-04", "Winter Jacket", ProductCategory.CLOTHING, "120.00"),
                    product("home-01", "Coffee Maker", ProductCategory.HOME, "80.00"),
                    product("home-02", "Blender 3000", ProductCategory.HOME, "50.00"),
                    product("home-03", "Smart Bulb", ProductCategory.HOME, "15.00"))
            .collect(Collectors.toUnmodifiableMap(Product::id, Function.identity()));

    private ProductCatalog() {
    }

    public static Optional<Product> find(String productId) {
        return productId == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(productId));
    }

    public static Map<String, Product> all() {
        return BY_ID;
    }

    private static Product product(String id, String name, ProductCategory category, String price) {
        return new Product(id, name, category, new BigDecimal(price));
    }
}
