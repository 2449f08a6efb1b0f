package org.etlsuite.model.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.etlsuite.events.product.ProductCategory;

/**
 * The shop's catalogue as docs/DOMAIN.md fixes it: the original's eleven products in three categories, with
 * their fixed prices. One definition for the producer, which picks the products of its events from it, and the
 * transformer, which checks product events against it: a product known to one side only would show up as
 * {@code product-in-catalog} rejections. The original gave each product a fresh random id on every start; here
 * the ids are short and stable (category prefix + number), so that events of different runs and the KPI files
 * agree on them.
 */
public final class ProductCatalog {

    /** In catalogue order: the producer picks a product by its index, so a seeded burst depends on this order. */
    public static final List<Product> PRODUCTS = List.of(
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
            product("home-03", "Smart Bulb", ProductCategory.HOME, "15.00"));

    private static final Map<String, Product> BY_ID = PRODUCTS.stream()
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
