package org.etlsuite.transformer.transport;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;

/** The feature formulas of the transportation-stats stream; time features use event_time in UTC. */
public final class TransportFeatures {

    private TransportFeatures() {
    }

    /** The processed record of a trip that passed {@link TransportTripRules}. */
    public static TransportTripProcessed enrich(TransportTrip trip) {
        ZonedDateTime utc = trip.getEventTime().atZone(ZoneOffset.UTC);
        return TransportTripProcessed.newBuilder()
                .setTransactionId(trip.getTransactionId())
                .setTransactionDate(trip.getTransactionDate())
                .setTransactionTime(trip.getTransactionTime())
                .setEventTime(trip.getEventTime())
                .setServiceProvider(trip.getServiceProvider())
                .setRouteType(trip.getRouteType())
                .setBoardingArea(trip.getBoardingArea())
                .setAlightingArea(trip.getAlightingArea())
                .setPaymentMethod(trip.getPaymentMethod())
                .setFareType(trip.getFareType())
                .setFareAmountMxn(trip.getFareAmountMxn())
                .setTripDurationMinutes(trip.getTripDurationMinutes())
                .setIsPeakHour(isPeakHour(trip.getTransactionTime()))
                .setPassengerCount(trip.getPassengerCount())
                .setDay(utc.toLocalDate())
                .setHour(utc.getHour())
                .setRevenue(trip.getFareAmountMxn())
                .build();
    }

    /**
     * The producer's rule (docs/DOMAIN.md, schema doc): the departure hour is 6 to 9 or 17 to 20, both
     * inclusive, i.e. 06:00:00–09:59:59 and 17:00:00–20:59:59. Recomputed rather than trusted, so the
     * peak-hour KPI does not depend on a flag the producer may have got wrong.
     */
    public static boolean isPeakHour(LocalTime departure) {
        int hour = departure.getHour();
        return (hour >= 6 && hour <= 9) || (hour >= 17 && hour <= 20);
    }
}
