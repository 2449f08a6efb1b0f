package org.etlsuite.producer.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.producer.stream.Shares.assertShares;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.producer.stream.EventTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransportTripGeneratorTests {

    /** Whole seconds, so that truncating event times to seconds cannot leave the back-fill window. */
    private static final Instant NOW = Instant.parse("2025-11-24T17:45:12Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final int LARGE_SAMPLE = 100_000;
    private static final LocalTime OPENING = LocalTime.of(5, 0);
    private static final LocalTime CLOSING = LocalTime.of(23, 0);

    private static List<TransportTrip> sample;

    @BeforeAll
    static void generateLargeSample() {
        // A week of back-filled trips, so that departures cover every service hour
        sample = generate(new TransportTripGenerator(2025L, EventTimes.backfill(CLOCK, WEEK)), LARGE_SAMPLE);
    }

    @Test
    void shouldSplitTripsEvenlyBetweenTheTwoProviders() {
        assertShares("providers", sample, TransportTrip::getServiceProvider,
                Map.of(ServiceProvider.VA_Y_VEN, 50.0, ServiceProvider.TRADITIONAL_BUS_COMPANY, 50.0));
    }

    @Test
    void shouldRunVaYVenTripsOnCircuitoAndIeTramRoutesOnly() {
        assertShares("Va-y-Ven routes", byProvider(ServiceProvider.VA_Y_VEN), TransportTrip::getRouteType,
                Map.of(RouteType.URBAN_METROPOLITAN_CIRCUITO, 50.0, RouteType.IE_TRAM_CORRIDOR, 50.0));
    }

    @Test
    void shouldRunTraditionalTripsOnFeederAndSuburbanRoutesOnly() {
        assertShares("traditional routes", byProvider(ServiceProvider.TRADITIONAL_BUS_COMPANY), TransportTrip::getRouteType,
                Map.of(RouteType.URBAN_FEEDER_ROUTE, 50.0, RouteType.SUBURBAN_CONNECTING_ROUTE, 50.0));
    }

    @Test
    void shouldDrawBoardingAreasWithTheirWeights() {
        assertShares("boarding areas", sample, TransportTrip::getBoardingArea, Map.of(
                BoardingArea.CENTRO, 35.0, BoardingArea.NORTH_ZONE, 15.0, BoardingArea.WEST_ZONE, 15.0,
                BoardingArea.EAST_ZONE, 15.0, BoardingArea.SOUTH_ZONE, 10.0, BoardingArea.CIRCUITO_ROUTE_STOP, 10.0));
    }

    @Test
    void shouldDrawAlightingAreasWithTheirWeights() {
        assertShares("alighting areas", sample, TransportTrip::getAlightingArea, Map.of(
                AlightingArea.CENTRO, 25.0, AlightingArea.NORTH_ZONE, 15.0, AlightingArea.WEST_ZONE, 15.0,
                AlightingArea.EAST_ZONE, 15.0, AlightingArea.SOUTH_ZONE, 10.0,
                AlightingArea.UNIVERSITY_SCHOOL_WORK_AREA, 20.0));
    }

    @Test
    void shouldDrawPaymentMethodsWithTheirWeights() {
        assertShares("payment methods", sample, TransportTrip::getPaymentMethod,
                Map.of(FarePaymentMethod.QR, 15.0, FarePaymentMethod.CARD, 85.0));
    }

    @Test
    void shouldDrawFareTypesWithTheirWeights() {
        assertShares("fare types", sample, TransportTrip::getFareType,
                Map.of(FareType.REGULAR, 60.0, FareType.STUDENT_SENIOR_DISABILITY, 40.0));
    }

    @Test
    void shouldChargeEveryTripAccordingToTheFareRules() {
        for (TransportTrip trip : sample) {
            BigDecimal fare = trip.getFareAmountMxn();
            assertThat(fare.scale()).isEqualTo(2);
            if (trip.getFareType() == FareType.REGULAR || trip.getPaymentMethod() == FarePaymentMethod.QR) {
                assertThat(fare).isEqualTo(new BigDecimal("12.00"));
            } else {
                assertThat(fare).isIn(new BigDecimal("5.00"), new BigDecimal("2.50"), new BigDecimal("0.00"));
            }
        }
    }

    @Test
    void shouldDrawTheReducedCardFaresEvenly() {
        List<TransportTrip> reducedByCard = sample.stream()
                .filter(t -> t.getFareType() == FareType.STUDENT_SENIOR_DISABILITY && t.getPaymentMethod() == FarePaymentMethod.CARD)
                .toList();

        assertShares("reduced card fares", reducedByCard, t -> t.getFareAmountMxn().toPlainString(),
                Map.of("5.00", 100.0 / 3, "2.50", 100.0 / 3, "0.00", 100.0 / 3));
    }

    @ParameterizedTest
    @CsvSource({
            "URBAN_METROPOLITAN_CIRCUITO, 30, 90",
            "URBAN_FEEDER_ROUTE, 15, 60",
            "IE_TRAM_CORRIDOR, 10, 45",
            "SUBURBAN_CONNECTING_ROUTE, 45, 120"
    })
    void shouldKeepTripDurationsWithinTheRangeOfTheirRouteReachingBothEnds(RouteType route, int min, int max) {
        List<Integer> durations = sample.stream().filter(t -> t.getRouteType() == route)
                .map(TransportTrip::getTripDurationMinutes).toList();

        IntSummaryStatistics stats = durations.stream().mapToInt(Integer::intValue).summaryStatistics();
        assertThat(stats.getMin()).isEqualTo(min);
        assertThat(stats.getMax()).isEqualTo(max);
        assertThat(durations.stream().distinct().count()).isEqualTo(max - min + 1);
    }

    @Test
    void shouldCountUpTo85PassengersOnVaYVenAndOneOnTraditionalBuses() {
        IntSummaryStatistics vaYVen = byProvider(ServiceProvider.VA_Y_VEN).stream()
                .mapToInt(TransportTrip::getPassengerCount).summaryStatistics();

        assertThat(vaYVen.getMin()).isZero();
        assertThat(vaYVen.getMax()).isEqualTo(85);
        assertThat(byProvider(ServiceProvider.TRADITIONAL_BUS_COMPANY)).extracting(TransportTrip::getPassengerCount)
                .containsOnly(1);
    }

    @Test
    void shouldDepartWithinServiceHoursAtTheEventTimeInWholeSeconds() {
        for (TransportTrip trip : sample) {
            LocalTime time = trip.getTransactionTime();
            assertThat(time).isBetween(OPENING, CLOSING);
            assertThat(time.getNano()).isZero();
            assertThat(LocalDateTime.of(trip.getTransactionDate(), time).toInstant(ZoneOffset.UTC)).isEqualTo(trip.getEventTime());
            assertThat(trip.getEventTime()).isBetween(NOW.minus(WEEK), NOW);
        }
    }

    @Test
    void shouldSpreadDeparturesEvenlyOverTheServiceHours() {
        // 18 service hours; 23:00:00 itself is a single second and belongs to the last hour here
        Map<Integer, Double> evenly = java.util.stream.IntStream.range(5, 23).boxed()
                .collect(Collectors.toMap(h -> h, h -> 100.0 / 18));

        assertShares("departure hours", sample, t -> Math.min(22, t.getTransactionTime().getHour()), evenly);
    }

    @Test
    void shouldFlagPeakHoursOnEveryTripByTheDepartureHour() {
        for (TransportTrip trip : sample) {
            int hour = trip.getTransactionTime().getHour();
            assertThat(trip.getIsPeakHour()).as("peak at %s", trip.getTransactionTime())
                    .isEqualTo(hour >= 6 && hour <= 9 || hour >= 17 && hour <= 20);
        }
        // 8 of the 18 service hours are peak hours
        assertShares("peak flags", sample, TransportTrip::getIsPeakHour, Map.of(true, 800.0 / 18, false, 1000.0 / 18));
    }

    @ParameterizedTest
    @CsvSource({
            "05:00:00, false", "05:59:59, false", "06:00:00, true", "09:59:59, true", "10:00:00, false",
            "16:59:59, false", "17:00:00, true", "20:59:59, true", "21:00:00, false", "23:00:00, false"
    })
    void shouldTreatBothPeakBoundsAsInclusiveHours(LocalTime departure, boolean peak) {
        assertThat(TransportTripGenerator.isPeakHour(departure)).isEqualTo(peak);
    }

    @Test
    void shouldIdentifyEveryTripWithADistinctVersion4Uuid() {
        Set<String> ids = sample.stream().map(TransportTrip::getTransactionId).collect(Collectors.toSet());

        assertThat(ids).hasSize(LARGE_SAMPLE);
        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
    }

    @Test
    void shouldStampTripsWithTheCurrentSecondDuringServiceHours() {
        Clock clock = Clock.fixed(Instant.parse("2025-11-24T08:15:30.999Z"), ZoneOffset.UTC);

        TransportTrip trip = new TransportTripGenerator(1L, clock).next();

        assertThat(trip.getEventTime()).isEqualTo(Instant.parse("2025-11-24T08:15:30Z"));
        assertThat(trip.getTransactionDate()).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(trip.getTransactionTime()).isEqualTo(LocalTime.of(8, 15, 30));
        assertThat(trip.getIsPeakHour()).isTrue();
    }

    @Test
    void shouldPlaceTripsOfANightTimeClockInThePreviousServiceDay() {
        Clock clock = Clock.fixed(Instant.parse("2025-11-24T02:00:00Z"), ZoneOffset.UTC);

        List<TransportTrip> trips = generate(new TransportTripGenerator(1L, clock), 1_000);

        assertThat(trips).allSatisfy(t -> {
            assertThat(t.getTransactionDate()).isEqualTo(LocalDate.of(2025, 11, 23));
            assertThat(t.getTransactionTime()).isBetween(OPENING, CLOSING);
        });
    }

    @Test
    void shouldRunOnlyTraditionalBusesBeforeTheVaYVenLaunch() {
        Clock before = Clock.fixed(Instant.parse("2021-11-26T23:30:00Z"), ZoneOffset.UTC);
        Clock after = Clock.fixed(Instant.parse("2021-11-27T12:00:00Z"), ZoneOffset.UTC);

        assertThat(generate(new TransportTripGenerator(3L, EventTimes.backfill(before, Duration.ofDays(30))), 2_000))
                .extracting(TransportTrip::getServiceProvider).containsOnly(ServiceProvider.TRADITIONAL_BUS_COMPANY);
        assertThat(generate(new TransportTripGenerator(3L, after), 2_000))
                .extracting(TransportTrip::getServiceProvider)
                .contains(ServiceProvider.VA_Y_VEN, ServiceProvider.TRADITIONAL_BUS_COMPANY);
    }

    @Test
    void shouldReplayTheSameTripsIdsIncludedForTheSameSeed() {
        EventTimes times = EventTimes.backfill(CLOCK, WEEK);
        List<TransportTrip> first = generate(new TransportTripGenerator(42L, times), 5_000);
        List<TransportTrip> second = generate(new TransportTripGenerator(42L, times), 5_000);

        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(TransportTrip::getTransactionId)
                .isEqualTo(second.stream().map(TransportTrip::getTransactionId).toList());
    }

    @Test
    void shouldProduceDifferentTripsForADifferentSeed() {
        List<TransportTrip> first = generate(new TransportTripGenerator(42L, CLOCK), 1_000);
        List<TransportTrip> other = generate(new TransportTripGenerator(43L, CLOCK), 1_000);

        assertThat(first).isNotEqualTo(other);
        assertThat(first).extracting(TransportTrip::getTransactionId)
                .doesNotContainAnyElementsOf(other.stream().map(TransportTrip::getTransactionId).toList());
    }

    private static List<TransportTrip> byProvider(ServiceProvider provider) {
        return sample.stream().filter(t -> t.getServiceProvider() == provider).toList();
    }

    private static List<TransportTrip> generate(TransportTripGenerator generator, int count) {
        List<TransportTrip> trips = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trips.add(generator.next());
        }
        return trips;
    }
}
