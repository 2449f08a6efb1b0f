package org.etlsuite.model.product;

import java.math.BigDecimal;
import java.util.Objects;

import org.etlsuite.events.product.ProductCategory;

/**
 * One catalogue entry.
 *
 * @param id       short stable id, e.g. {@code elec-01}
 * @param name     display name
 * @param category catalogue category
 * @param price    unit price with exactly two decimals (the schema's decimal(10,2) scale)
 */
public record Product(String id, String name, ProductCategory category, BigDecimal price) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (price.scale() != 2 || price.signum() < 0) {
            throw new IllegalArgumentException("Price of " + name + " must be non-negative with two decimals, was " + price);
        }
    }
}
