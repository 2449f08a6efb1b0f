package org.etlsuite.model.kpi;

import java.util.List;

/**
 * The transportation KPI files: written by the transformer, read by the dashboard. Every file is
 * cumulative over every accepted (checked, de-duplicated) trip. Revenue is the sum of
 * fare_amount_mxn (one trip is one fare), in MXN exactly to the centavo; passengers is the sum of
 * passenger_count; means are exact sums divided by counts, printed as the nearest double.
 */
public final class TransportKpiFiles {

    private TransportKpiFiles() {
    }

    /** One row: the totals. {@code peak_hour_share} = peak trips / trips (empty when there are no trips). */
    public static final class Summary {
        public static final String RELATIVE_PATH = "processed_transport/transport_kpi_summary.csv";
        public static final String TOTAL_REVENUE = "total_revenue";
        public static final String TOTAL_TRIPS = "total_trips";
        public static final String TOTAL_PASSENGERS = "total_passengers";
        public static final String PEAK_HOUR_TRIPS = "peak_hour_trips";
        public static final String PEAK_HOUR_SHARE = "peak_hour_share";
        public static final List<String> HEADER = List.of(TOTAL_REVENUE, TOTAL_TRIPS, TOTAL_PASSENGERS, PEAK_HOUR_TRIPS,
                PEAK_HOUR_SHARE);

        private Summary() {
        }
    }

    /** Per UTC day: trips, passengers, revenue. By day. */
    public static final class Daily {
        public static final String RELATIVE_PATH = "processed_transport/transport_kpi_daily.csv";
        public static final String DAY = "day";
        public static final String TRIPS = "trips";
        public static final String PASSENGERS = "passengers";
        public static final String REVENUE = "revenue";
        public static final List<String> HEADER = List.of(DAY, TRIPS, PASSENGERS, REVENUE);

        private Daily() {
        }
    }

    /**
     * Per boarding area (display name): rank (1 = most trips; ties share no rank, they are broken by
     * area name), trips, passengers. Rows by rank.
     */
    public static final class BoardingAreas {
        public static final String RELATIVE_PATH = "processed_transport/transport_kpi_boarding_areas.csv";
        public static final String RANK = "rank";
        public static final String BOARDING_AREA = "boarding_area";
        public static final String TRIPS = "trips";
        public static final String PASSENGERS = "passengers";
        public static final List<String> HEADER = List.of(RANK, BOARDING_AREA, TRIPS, PASSENGERS);

        private BoardingAreas() {
        }
    }

    /** Per route type (display name): trips, mean trip_duration_minutes, revenue. By route type name. */
    public static final class Routes {
        public static final String RELATIVE_PATH = "processed_transport/transport_kpi_routes.csv";
        public static final String ROUTE_TYPE = "route_type";
        public static final String TRIPS = "trips";
        public static final String MEAN_DURATION_MINUTES = "mean_duration_minutes";
        public static final String REVENUE = "revenue";
        public static final List<String> HEADER = List.of(ROUTE_TYPE, TRIPS, MEAN_DURATION_MINUTES, REVENUE);

        private Routes() {
        }
    }

    /** Per fare type × payment method (display names): trips, revenue. By fare type, then payment method. */
    public static final class Fares {
        public static final String RELATIVE_PATH = "processed_transport/transport_kpi_fares.csv";
        public static final String FARE_TYPE = "fare_type";
        public static final String PAYMENT_METHOD = "payment_method";
        public static final String TRIPS = "trips";
        public static final String REVENUE = "revenue";
        public static final List<String> HEADER = List.of(FARE_TYPE, PAYMENT_METHOD, TRIPS, REVENUE);

        private Fares() {
        }
    }
}
