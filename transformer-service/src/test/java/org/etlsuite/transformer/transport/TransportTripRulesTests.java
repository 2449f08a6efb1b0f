package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.transport.TestTrips.trip;

/** Every transport rule, through the topology: broken trips go to the DLT byte for byte, named and counted; edge cases pass. */
class TransportTripRulesTests {

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

    static Stream<Arguments> brokenTrips() {
        return Stream.of(
                broken("transaction-id-present", TestTrips.circuito(), t -> t.setTransactionId("")),
                broken("event-time-consistent", TestTrips.circuito(), t -> t.setEventTime(t.getEventTime().plusSeconds(1))),
                broken("event-time-consistent", TestTrips.circuito(), t -> t.setTransactionDate(LocalDate.parse("2026-03-02"))),
                broken("event-time-consistent", TestTrips.circuito(), t -> {
                    t.setEventTime(Instant.EPOCH);
                    t.setTransactionDate(LocalDate.EPOCH);
                    t.setTransactionTime(LocalTime.MIDNIGHT);
                }),
                broken("service-hours", TestTrips.circuito(), t -> at(t, "2026-03-01T04:59:59")),
                broken("service-hours", TestTrips.circuito(), t -> at(t, "2026-03-01T23:00:01")),
                broken("route-matches-provider", TestTrips.circuito(), t -> t.setServiceProvider(ServiceProvider.TRADITIONAL_BUS_COMPANY)),
                broken("route-matches-provider", TestTrips.feeder(), t -> t.setRouteType(RouteType.IE_TRAM_CORRIDOR)),
                broken("fare-matches-rules", TestTrips.circuito(), t -> t.setFareAmountMxn(new BigDecimal("5.00"))),
                broken("fare-matches-rules", TestTrips.circuito(), t -> {
                    t.setFareType(FareType.STUDENT_SENIOR_DISABILITY);
                    t.setPaymentMethod(FarePaymentMethod.QR);
                    t.setFareAmountMxn(new BigDecimal("2.50"));
                }),
                broken("fare-matches-rules", TestTrips.feeder(), t -> t.setFareAmountMxn(new BigDecimal("3.00"))),
                broken("fare-matches-rules", TestTrips.feeder(), t -> t.setFareAmountMxn(new BigDecimal("-2.50"))),
                broken("duration-within-route-range", TestTrips.circuito(), t -> t.setTripDurationMinutes(29)),
                broken("duration-within-route-range", TestTrips.circuito(), t -> t.setTripDurationMinutes(91)),
                broken("duration-within-route-range", TestTrips.feeder(), t -> t.setTripDurationMinutes(61)),
                broken("passenger-count-range", TestTrips.circuito(), t -> t.setPassengerCount(86)),
                broken("passenger-count-range", TestTrips.circuito(), t -> t.setPassengerCount(-1)),
                broken("passenger-count-range", TestTrips.feeder(), t -> t.setPassengerCount(2)),
                broken("passenger-count-range", TestTrips.feeder(), t -> t.setPassengerCount(0)));
    }

    static Stream<Arguments> edgeTrips() {
        return Stream.of(
                Arguments.of("first departure 05:00:00", trip("2026-03-01T05:00:00", RouteType.IE_TRAM_CORRIDOR, BoardingArea.CENTRO,
                        FareType.REGULAR, FarePaymentMethod.QR, "12.00", 10, 0)),
                Arguments.of("last departure 23:00:00", trip("2026-03-01T23:00:00", RouteType.IE_TRAM_CORRIDOR, BoardingArea.CENTRO,
                        FareType.REGULAR, FarePaymentMethod.CARD, "12.00", 45, 85)),
                Arguments.of("reduced by QR pays 12", trip("2026-03-01T10:00:00", RouteType.SUBURBAN_CONNECTING_ROUTE, BoardingArea.EAST_ZONE,
                        FareType.STUDENT_SENIOR_DISABILITY, FarePaymentMethod.QR, "12.00", 45, 1)),
                Arguments.of("reduced by card may be free", trip("2026-03-01T10:00:00", RouteType.SUBURBAN_CONNECTING_ROUTE,
                        BoardingArea.EAST_ZONE, FareType.STUDENT_SENIOR_DISABILITY, FarePaymentMethod.CARD, "0.00", 120, 1)),
                Arguments.of("reduced by card 5", trip("2026-03-01T10:00:00", RouteType.URBAN_FEEDER_ROUTE,
                        BoardingArea.EAST_ZONE, FareType.STUDENT_SENIOR_DISABILITY, FarePaymentMethod.CARD, "5.00", 15, 1)),
                Arguments.of("circuito bounds", trip("2026-03-01T10:00:00", RouteType.URBAN_METROPOLITAN_CIRCUITO,
                        BoardingArea.CIRCUITO_ROUTE_STOP, FareType.REGULAR, FarePaymentMethod.CARD, "12.00", 90, 0)));
    }

    private static Arguments broken(String rule, TransportTrip valid, Consumer<TransportTrip> defect) {
        TransportTrip copy = TransportTrip.newBuilder(valid).build();
        defect.accept(copy);
        return Arguments.of(rule, copy);
    }

    private static void at(TransportTrip trip, String departure) {
        java.time.LocalDateTime time = java.time.LocalDateTime.parse(departure);
        trip.setTransactionDate(time.toLocalDate());
        trip.setTransactionTime(time.toLocalTime());
        trip.setEventTime(time.toInstant(java.time.ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTrips")
    void shouldDeadLetterATripThatBreaksARuleWithTheRuleName(String rule, TransportTrip trip) {
        byte[] sent = topology.bytes(trip);
        topology.send(trip);

        List<TestRecord<byte[], byte[]>> deadLetters = topology.deadLetters.readRecordsToList();
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(sent);
            assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.REASON_QUALITY);
            assertThat(header(record, DeadLetterHeaders.RULE)).isEqualTo(rule);
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("transportation-stats");
        });
        assertThat(topology.processed.isEmpty()).isTrue();
        assertThat(topology.dataQuality()).containsExactlyEntriesOf(Map.of(QualityKey.rejected("transportation-stats", rule), 1L));
        assertThat(topology.kpis()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeTrips")
    void shouldAcceptATripOnTheEdgeOfEveryRange(String name, TransportTrip trip) {
        topology.send(trip);

        assertThat(topology.deadLetters.isEmpty()).isTrue();
        assertThat(topology.processed.readValuesToList()).extracting(TransportTripProcessed::getTransactionId)
                .containsExactly(trip.getTransactionId());
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
