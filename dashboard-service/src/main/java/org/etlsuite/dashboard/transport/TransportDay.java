package org.etlsuite.dashboard.transport;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code processed_transport/transport_kpi_daily.csv}: the trips of one UTC day. */
record TransportDay(LocalDate day, long trips, long passengers, BigDecimal revenue) {
}
