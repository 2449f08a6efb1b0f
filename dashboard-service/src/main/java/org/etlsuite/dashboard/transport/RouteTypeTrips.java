package org.etlsuite.dashboard.transport;

import java.math.BigDecimal;

/**
 * One row of {@code processed_transport/transport_kpi_routes.csv}: the trips of one route type.
 *
 * @param meanDurationMinutes the mean of the trips' durations, as the writer computed it from their exact sum
 * @param revenue             sum of the trips' fares in MXN, exact to the centavo
 */
record RouteTypeTrips(String routeType, long trips, double meanDurationMinutes, BigDecimal revenue) {
}
