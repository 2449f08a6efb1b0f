package org.etlsuite.dashboard.transport;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * The one row of {@code processed_transport/transport_kpi_summary.csv}: totals over every accepted trip.
 *
 * @param totalRevenue  sum of the fares in MXN, exact to the centavo
 * @param peakHourShare peak-hour trips / trips; empty when the file leaves it empty (no trips)
 */
record TransportSummary(BigDecimal totalRevenue, long totalTrips, long totalPassengers, long peakHourTrips,
        OptionalDouble peakHourShare) {
}
