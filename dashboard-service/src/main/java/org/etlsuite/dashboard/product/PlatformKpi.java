package org.etlsuite.dashboard.product;

import java.math.BigDecimal;

/**
 * One row of {@code processed_product/product_events_clean_kpi_platform.csv}: the events of one client platform.
 *
 * @param revenue sum of the purchase amounts, exact to the cent
 */
record PlatformKpi(String platform, long views, long purchases, BigDecimal revenue, long addToCart, long removeFromCart) {
}
