package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;

/** Trips for tests. */
final class TestTrips {

    private TestTrips() {
    }

    /** A valid trip departing at the given UTC time (yyyy-MM-ddTHH:mm:ss). */
    static TransportTrip trip(String departure, RouteType route, BoardingArea boarding, FareType fareType, FarePaymentMethod payment,
                              String fare, int minutes, int passengers) {
        LocalDateTime time = LocalDateTime.parse(departure);
        ServiceProvider provider = route == RouteType.URBAN_METROPOLITAN_CIRCUITO || route == RouteType.IE_TRAM_CORRIDOR
                ? ServiceProvider.VA_Y_VEN : ServiceProvider.TRADITIONAL_BUS_COMPANY;
        return TransportTrip.newBuilder()
                .setTransactionId(UUID.randomUUID().toString())
                .setTransactionDate(time.toLocalDate())
                .setTransactionTime(time.toLocalTime())
                .setEventTime(time.toInstant(ZoneOffset.UTC))
                .setServiceProvider(provider)
                .setRouteType(route)
                .setBoardingArea(boarding)
                .setAlightingArea(AlightingArea.CENTRO)
                .setPaymentMethod(payment)
                .setFareType(fareType)
                .setFareAmountMxn(new BigDecimal(fare))
                .setTripDurationMinutes(minutes)
                .setIsPeakHour(TransportFeatures.isPeakHour(time.toLocalTime()))
                .setPassengerCount(passengers)
                .build();
    }

    /** A valid Va-y-Ven Circuito trip at 08:15 UTC, Regular fare by card. */
    static TransportTrip circuito() {
        return trip("2026-03-01T08:15:00", RouteType.URBAN_METROPOLITAN_CIRCUITO, BoardingArea.CENTRO, FareType.REGULAR,
                FarePaymentMethod.CARD, "12.00", 45, 30);
    }

    /** A valid traditional Feeder trip at 12:00 UTC, reduced fare by card. */
    static TransportTrip feeder() {
        return trip("2026-03-01T12:00:00", RouteType.URBAN_FEEDER_ROUTE, BoardingArea.WEST_ZONE, FareType.STUDENT_SENIOR_DISABILITY,
                FarePaymentMethod.CARD, "2.50", 20, 1);
    }

    static StreamTopologyDriver<TransportTrip, TransportTripProcessed> driver(Path stateDir) {
        return new StreamTopologyDriver<>(stateDir, TransportationStatsStream.definition(), TransportationStatsStream.KPIS);
    }
}
