package org.etlsuite.dashboard.transport;

import java.math.BigDecimal;

/**
 * One row of {@code processed_transport/transport_kpi_fares.csv}: the trips of one fare type paid one way.
 *
 * @param revenue sum of the trips' fares in MXN, exact to the centavo
 */
record FareTrips(String fareType, String paymentMethod, long trips, BigDecimal revenue) {
}
