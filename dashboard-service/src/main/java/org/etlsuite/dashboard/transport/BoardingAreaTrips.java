package org.etlsuite.dashboard.transport;

/**
 * One row of {@code processed_transport/transport_kpi_boarding_areas.csv}.
 *
 * @param rank 1 for the area with the most trips; the writer breaks ties by area name
 */
record BoardingAreaTrips(int rank, String boardingArea, long trips, long passengers) {
}
