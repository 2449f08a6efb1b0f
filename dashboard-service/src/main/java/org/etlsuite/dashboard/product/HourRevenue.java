package org.etlsuite.dashboard.product;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of {@code processed_product/product_events_clean_kpi_revenue_hourly.csv}: the purchases of one UTC hour.
 *
 * @param start   the start of the hour, UTC
 * @param revenue sum of the purchase amounts, exact to the cent
 */
record HourRevenue(LocalDateTime start, long purchases, BigDecimal revenue) {
}
