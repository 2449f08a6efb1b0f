package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.kpi.StreamTopologyDriver.T0;
import static org.etlsuite.transformer.transport.TestTrips.trip;

/** De-duplication by transaction_id, the feature formulas, and exact KPI files for a small known input. */
class TransportationStatsStreamTests {

    @TempDir
    Path stateDir;

    private StreamTopologyDriver<TransportTrip, TransportTripProcessed> topology;

    @BeforeEach
    void startDriver() {
        topology = TestTrips.driver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldDropACopyOfATrip() {
        TransportTrip trip = TestTrips.circuito();
        TransportTrip other = TestTrips.feeder();
        topology.send(trip.getTransactionId(), trip, T0);
        topology.send(trip.getTransactionId(), trip, T0.plusSeconds(30));
        topology.send(other.getTransactionId(), other, T0.plusSeconds(31));

        assertThat(topology.processed.readKeyValuesToList()).extracting(kv -> kv.key + "/" + kv.value.getTransactionId())
                .containsExactly(trip.getTransactionId() + "/" + trip.getTransactionId(), other.getTransactionId() + "/" + other.getTransactionId());
        assertThat(topology.dataQuality()).containsExactlyInAnyOrderEntriesOf(Map.of(
                QualityKey.accepted("transportation-stats"), 2L,
                QualityKey.duplicate("transportation-stats"), 1L));
        assertThat(topology.csv(TransportKpis::summaryDocument)).isEqualTo("""
                total_revenue,total_trips,total_passengers,peak_hour_trips,peak_hour_share
                14.50,2,31,1,0.5
                """);
    }

    @ParameterizedTest(name = "{0} peak={1}")
    @CsvSource({"05:59:59,false", "06:00:00,true", "09:59:59,true", "10:00:00,false", "16:59:59,false", "17:00:00,true",
            "20:59:59,true", "21:00:00,false", "23:00:00,false"})
    void shouldRecomputeThePeakHourFlagFromTheDepartureTime(String time, boolean peak) {
        assertThat(TransportFeatures.isPeakHour(LocalTime.parse(time))).isEqualTo(peak);
        TransportTrip trip = trip("2026-03-01T" + time, RouteType.IE_TRAM_CORRIDOR, BoardingArea.CENTRO, FareType.REGULAR,
                FarePaymentMethod.CARD, "12.00", 20, 5);
        trip.setIsPeakHour(!peak); // the received flag is not trusted
        topology.send(trip);

        TransportTripProcessed processed = topology.processed.readValue();
        assertThat(processed.getIsPeakHour()).isEqualTo(peak);
        assertThat(processed.getHour()).isEqualTo(LocalTime.parse(time).getHour());
        assertThat(processed.getDay()).isEqualTo(LocalDate.parse("2026-03-01"));
    }

    @Test
    void shouldCarryTheTripAndItsRevenue() {
        TransportTrip trip = TestTrips.feeder();
        topology.send(trip);

        TransportTripProcessed processed = topology.processed.readValue();
        assertThat(processed.getRevenue()).isEqualTo(new BigDecimal("2.50"));
        assertThat(processed.getFareAmountMxn()).isEqualTo(new BigDecimal("2.50"));
        assertThat(processed.getTransactionDate()).isEqualTo(trip.getTransactionDate());
        assertThat(processed.getTransactionTime()).isEqualTo(trip.getTransactionTime());
        assertThat(processed.getEventTime()).isEqualTo(trip.getEventTime());
        assertThat(processed.getPassengerCount()).isEqualTo(1);
        assertThat(processed.getTripDurationMinutes()).isEqualTo(20);
        assertThat(processed.getHour()).isEqualTo(12);
    }

    @Test
    void shouldComputeExactKpisForAKnownInput() {
        topology.send(trip("2026-03-01T08:15:00", RouteType.URBAN_METROPOLITAN_CIRCUITO, BoardingArea.CENTRO, FareType.REGULAR,
                FarePaymentMethod.CARD, "12.00", 45, 30));
        topology.send(trip("2026-03-01T12:00:00", RouteType.URBAN_FEEDER_ROUTE, BoardingArea.WEST_ZONE, FareType.STUDENT_SENIOR_DISABILITY,
                FarePaymentMethod.CARD, "2.50", 20, 1));
        topology.send(trip("2026-03-01T18:30:00", RouteType.IE_TRAM_CORRIDOR, BoardingArea.CENTRO, FareType.STUDENT_SENIOR_DISABILITY,
                FarePaymentMethod.QR, "12.00", 10, 0));
        topology.send(trip("2026-03-02T06:00:00", RouteType.SUBURBAN_CONNECTING_ROUTE, BoardingArea.EAST_ZONE, FareType.REGULAR,
                FarePaymentMethod.QR, "12.00", 120, 1));
        topology.send(trip("2026-03-02T22:00:00", RouteType.URBAN_METROPOLITAN_CIRCUITO, BoardingArea.WEST_ZONE,
                FareType.STUDENT_SENIOR_DISABILITY, FarePaymentMethod.CARD, "0.00", 31, 85));
        topology.send(trip("2026-03-02T10:00:00", RouteType.URBAN_METROPOLITAN_CIRCUITO, BoardingArea.CENTRO, FareType.REGULAR,
                FarePaymentMethod.CARD, "12.00", 33, 10));

        assertThat(topology.csv(TransportKpis::summaryDocument)).isEqualTo("""
                total_revenue,total_trips,total_passengers,peak_hour_trips,peak_hour_share
                50.50,6,127,3,0.5
                """);
        assertThat(topology.csv(TransportKpis::dailyDocument)).isEqualTo("""
                day,trips,passengers,revenue
                2026-03-01,3,31,26.50
                2026-03-02,3,96,24.00
                """);
        assertThat(topology.csv(TransportKpis::boardingAreasDocument)).isEqualTo("""
                rank,boarding_area,trips,passengers
                1,Centro (Downtown),3,40
                2,West Zone (Caucel/Juan Pablo II),2,86
                3,East Zone (Vergel/Kanasín),1,1
                """);
        // Circuito: (45 + 31 + 33) / 3 minutes
        assertThat(topology.csv(TransportKpis::routesDocument)).isEqualTo("""
                route_type,trips,mean_duration_minutes,revenue
                Ie-Tram Corridor,1,10.0,12.00
                Suburban/Connecting Route,1,120.0,12.00
                Urban/Feeder Route,1,20.0,2.50
                Urban/Metropolitan Circuito,3,%s,24.00
                """.formatted(CsvFormat.decimal(109.0 / 3)));
        assertThat(topology.csv(TransportKpis::faresDocument)).isEqualTo("""
                fare_type,payment_method,trips,revenue
                Regular,Card,2,24.00
                Regular,QR,1,12.00
                Student/Senior/Disability,Card,2,2.50
                Student/Senior/Disability,QR,1,12.00
                """);
    }
}
