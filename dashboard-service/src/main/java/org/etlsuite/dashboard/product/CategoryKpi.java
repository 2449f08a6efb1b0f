package org.etlsuite.dashboard.product;

import java.math.BigDecimal;

/**
 * One row of {@code processed_product/product_events_clean_kpi_category.csv}: the events of one category.
 *
 * @param revenue sum of the purchase amounts, exact to the cent
 */
record CategoryKpi(String category, long views, long purchases, BigDecimal revenue, long addToCart, long removeFromCart) {
}
