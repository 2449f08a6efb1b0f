package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.transformer.stream.QualityRule;

/**
 * The data-quality rules of the transportation-stats stream, in the order they are checked (after the
 * framework's {@code value-present}), from docs/DOMAIN.md and the schema's documentation; an event that
 * breaks one goes to {@code transportation-stats.DLT} with the rule's name. Time comes before the
 * service checks because every time feature and bucket depends on it.
 */
public final class TransportTripRules {

    public static final LocalTime SERVICE_START = LocalTime.of(5, 0);
    public static final LocalTime SERVICE_END = LocalTime.of(23, 0);

    /** The full fare; also what a reduced fare costs when paid by QR. */
    public static final BigDecimal FULL_FARE = new BigDecimal("12.00");

    /** The reduced fares paid by card. */
    public static final List<BigDecimal> REDUCED_CARD_FARES = List.of(new BigDecimal("5.00"), new BigDecimal("2.50"), new BigDecimal("0.00"));

    /** The de-duplication id and record key; the producer marks a missing id with "". */
    public static final QualityRule<TransportTrip> TRANSACTION_ID_PRESENT = QualityRule.of("transaction-id-present",
            trip -> trip.getTransactionId() != null && !trip.getTransactionId().isBlank());

    /** event_time is after the epoch and exactly transaction_date at transaction_time in UTC (the schema's contract). */
    public static final QualityRule<TransportTrip> EVENT_TIME_CONSISTENT = QualityRule.of("event-time-consistent",
            trip -> trip.getEventTime() != null && trip.getEventTime().toEpochMilli() > 0
                    && trip.getTransactionDate() != null && trip.getTransactionTime() != null
                    && trip.getTransactionDate().atTime(trip.getTransactionTime()).toInstant(ZoneOffset.UTC).equals(trip.getEventTime()));

    /** Departures between 05:00:00 and 23:00:00, both inclusive. */
    public static final QualityRule<TransportTrip> SERVICE_HOURS = QualityRule.of("service-hours",
            trip -> !trip.getTransactionTime().isBefore(SERVICE_START) && !trip.getTransactionTime().isAfter(SERVICE_END));

    /** Va-y-Ven runs Circuito and Ie-Tram, the traditional companies Feeder and Suburban routes. */
    public static final QualityRule<TransportTrip> ROUTE_MATCHES_PROVIDER = QualityRule.of("route-matches-provider",
            trip -> trip.getServiceProvider() != null && trip.getRouteType() != null
                    && routesOf(trip.getServiceProvider()).contains(trip.getRouteType()));

    /** Regular 12.00; reduced 12.00 by QR, else one of 5.00, 2.50, 0.00 (compared numerically). */
    public static final QualityRule<TransportTrip> FARE_MATCHES_RULES = QualityRule.of("fare-matches-rules",
            TransportTripRules::fareMatches);

    /** Minutes within the route type's range, both ends inclusive. */
    public static final QualityRule<TransportTrip> DURATION_WITHIN_ROUTE_RANGE = QualityRule.of("duration-within-route-range",
            trip -> trip.getTripDurationMinutes() >= minDuration(trip.getRouteType())
                    && trip.getTripDurationMinutes() <= maxDuration(trip.getRouteType()));

    /** 0..85 aboard a Va-y-Ven vehicle; exactly 1 (the ticket holder) on a traditional bus. */
    public static final QualityRule<TransportTrip> PASSENGER_COUNT_RANGE = QualityRule.of("passenger-count-range",
            trip -> trip.getServiceProvider() == ServiceProvider.VA_Y_VEN
                    ? trip.getPassengerCount() >= 0 && trip.getPassengerCount() <= 85
                    : trip.getPassengerCount() == 1);

    /** Every rule, in the order they are checked. */
    public static final List<QualityRule<TransportTrip>> ALL = List.of(TRANSACTION_ID_PRESENT, EVENT_TIME_CONSISTENT, SERVICE_HOURS,
            ROUTE_MATCHES_PROVIDER, FARE_MATCHES_RULES, DURATION_WITHIN_ROUTE_RANGE, PASSENGER_COUNT_RANGE);

    private TransportTripRules() {
    }

    public static Set<RouteType> routesOf(ServiceProvider provider) {
        return switch (provider) {
            case VA_Y_VEN -> Set.of(RouteType.URBAN_METROPOLITAN_CIRCUITO, RouteType.IE_TRAM_CORRIDOR);
            case TRADITIONAL_BUS_COMPANY -> Set.of(RouteType.URBAN_FEEDER_ROUTE, RouteType.SUBURBAN_CONNECTING_ROUTE);
        };
    }

    public static int minDuration(RouteType route) {
        return switch (route) {
            case URBAN_METROPOLITAN_CIRCUITO -> 30;
            case URBAN_FEEDER_ROUTE -> 15;
            case IE_TRAM_CORRIDOR -> 10;
            case SUBURBAN_CONNECTING_ROUTE -> 45;
        };
    }

    public static int maxDuration(RouteType route) {
        return switch (route) {
            case URBAN_METROPOLITAN_CIRCUITO -> 90;
            case URBAN_FEEDER_ROUTE -> 60;
            case IE_TRAM_CORRIDOR -> 45;
            case SUBURBAN_CONNECTING_ROUTE -> 120;
        };
    }

    static boolean fareMatches(TransportTrip trip) {
        BigDecimal fare = trip.getFareAmountMxn();
        if (fare == null || trip.getFareType() == null || trip.getPaymentMethod() == null) {
            return false;
        }
        if (trip.getFareType() == FareType.REGULAR || trip.getPaymentMethod() == FarePaymentMethod.QR) {
            return fare.compareTo(FULL_FARE) == 0;
        }
        return REDUCED_CARD_FARES.stream().anyMatch(allowed -> allowed.compareTo(fare) == 0);
    }
}
