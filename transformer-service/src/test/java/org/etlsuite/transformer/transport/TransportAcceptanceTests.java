package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.model.transport.TransportDisplayNames;
import org.etlsuite.transformer.kpi.KpiSink;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.kpi.StreamTopologyDriver.T0;

/**
 * Seeded trips with the generator's distributions (docs/DOMAIN.md), about 5 % dirty (one defect each,
 * crafted so the rule it breaks is known) and about 1 % re-sent copies. Every KPI file must equal what
 * plain Java computes here from the clean, distinct trips: counts exact, money to the centavo, means
 * and shares within 1e-9 relative. 200 trips go through the whole topology (TopologyTestDriver);
 * 100,000 through the same production steps called directly ({@link KpiSink#direct}), because the
 * driver manages only a few hundred events per second here.
 */
public class TransportAcceptanceTests {

    private static final int RECORDS = 100_000;
    private static final int TOPOLOGY_RECORDS = 200;
    private static final String STREAM = "transportation-stats";
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-01");

    @TempDir
    Path stateDir;

    @Test
    void shouldWriteKpisEqualToAnIndependentComputationThroughTheTopology() {
        try (KpiSink<TransportTrip> topology = KpiSink.topology(TestTrips.driver(stateDir))) {
            runAndCheck(topology, TOPOLOGY_RECORDS, 5);
        }
    }

    @Test
    void shouldComputeKpisEqualToAnIndependentComputationFor100kTrips() {
        try (KpiSink<TransportTrip> direct = KpiSink.direct(TransportationStatsStream.spec(), TransportKpis::cells)) {
            runAndCheck(direct, RECORDS, 20260301);
        }
    }

    private static void runAndCheck(KpiSink<TransportTrip> sink, int records, long seed) {
        int[] sent = {0};
        Load load = load(records, seed, (key, trip) -> sink.send(key, trip, T0.plusMillis(sent[0]++)));
        List<TransportTrip> clean = load.clean();

        Map<QualityKey, Long> quality = new HashMap<>();
        quality.put(QualityKey.accepted(STREAM), (long) clean.size());
        if (load.duplicates() > 0) { // a count that never happened has no row in the store
            quality.put(QualityKey.duplicate(STREAM), load.duplicates());
        }
        load.rejected().forEach((rule, count) -> quality.put(QualityKey.rejected(STREAM, rule), count));
        assertThat(sink.dataQuality()).containsExactlyInAnyOrderEntriesOf(quality);

        assertSummary(sink.rows(TransportKpis::summaryDocument), clean);
        assertDaily(sink.rows(TransportKpis::dailyDocument), clean);
        assertBoardingAreas(sink.rows(TransportKpis::boardingAreasDocument), clean);
        assertRoutes(sink.rows(TransportKpis::routesDocument), clean);
        assertFares(sink.rows(TransportKpis::faresDocument), clean);
    }

    /** What a seeded load sent: the clean, distinct trips, the dirty ones counted by the rule they break, the re-sent copies. */
    public record Load(List<TransportTrip> clean, Map<String, Long> rejected, long duplicates) {
    }

    /**
     * Generates {@code records} seeded trips, about 5 % dirty and 1 % copies, passes each (keyed by transaction_id as the producer
     * does) to {@code send} in order, and answers what was sent. Shared with the full-service acceptance test.
     */
    public static Load load(int records, long seed, BiConsumer<String, TransportTrip> send) {
        Random random = new Random(seed);
        List<TransportTrip> clean = new ArrayList<>();
        Map<String, Long> rejected = new TreeMap<>();
        long duplicates = 0;
        for (int i = 0; i < records; i++) {
            double draw = random.nextDouble();
            if (draw < 0.05) {
                TransportTrip dirty = generate(random);
                rejected.merge(spoil(dirty, random), 1L, Long::sum);
                send.accept(dirty.getTransactionId(), dirty);
            } else if (draw < 0.06 && !clean.isEmpty()) {
                TransportTrip copy = clean.get(clean.size() - 1 - random.nextInt(Math.min(100, clean.size())));
                duplicates++;
                send.accept(copy.getTransactionId(), copy);
            } else {
                TransportTrip trip = generate(random);
                clean.add(trip);
                send.accept(trip.getTransactionId(), trip);
            }
        }
        long dirty = rejected.values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) dirty / records).isBetween(records >= 10_000 ? 0.045 : 0.02, records >= 10_000 ? 0.055 : 0.12);
        return new Load(clean, rejected, duplicates);
    }

    public static void assertSummary(List<String[]> rows, List<TransportTrip> trips) {
        BigDecimal revenue = BigDecimal.ZERO;
        long passengers = 0;
        long peak = 0;
        for (TransportTrip trip : trips) {
            revenue = revenue.add(trip.getFareAmountMxn());
            passengers += trip.getPassengerCount();
            int hour = trip.getTransactionTime().getHour();
            if ((hour >= 6 && hour <= 9) || (hour >= 17 && hour <= 20)) {
                peak++;
            }
        }
        assertThat(rows).hasSize(1);
        String[] row = rows.getFirst();
        assertThat(List.of(row[0], row[1], row[2], row[3])).containsExactly(cents(revenue), Long.toString(trips.size()),
                Long.toString(passengers), Long.toString(peak));
        assertClose(row[4], (double) peak / trips.size());
    }

    public static void assertDaily(List<String[]> rows, List<TransportTrip> trips) {
        Map<LocalDate, long[]> counts = new TreeMap<>();
        Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
        for (TransportTrip trip : trips) {
            long[] c = counts.computeIfAbsent(trip.getTransactionDate(), d -> new long[2]);
            c[0]++;
            c[1] += trip.getPassengerCount();
            revenue.merge(trip.getTransactionDate(), trip.getFareAmountMxn(), BigDecimal::add);
        }
        List<String> expected = new ArrayList<>();
        counts.forEach((day, c) -> expected.add(day + "," + c[0] + "," + c[1] + "," + cents(revenue.get(day))));
        assertThat(rows).extracting(row -> String.join(",", row)).containsExactlyElementsOf(expected);
    }

    public static void assertBoardingAreas(List<String[]> rows, List<TransportTrip> trips) {
        Map<String, long[]> counts = new HashMap<>();
        for (TransportTrip trip : trips) {
            long[] c = counts.computeIfAbsent(TransportDisplayNames.displayName(trip.getBoardingArea()), a -> new long[2]);
            c[0]++;
            c[1] += trip.getPassengerCount();
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            expected.add((i + 1) + "," + ranked.get(i).getKey() + "," + ranked.get(i).getValue()[0] + "," + ranked.get(i).getValue()[1]);
        }
        assertThat(rows).extracting(row -> String.join(",", row)).containsExactlyElementsOf(expected);
    }

    public static void assertRoutes(List<String[]> rows, List<TransportTrip> trips) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (TransportTrip trip : trips) {
            String route = TransportDisplayNames.displayName(trip.getRouteType());
            long[] c = counts.computeIfAbsent(route, r -> new long[2]);
            c[0]++;
            c[1] += trip.getTripDurationMinutes();
            revenue.merge(route, trip.getFareAmountMxn(), BigDecimal::add);
        }
        assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(counts.keySet());
        for (String[] row : rows) {
            long[] c = counts.get(row[0]);
            assertThat(row[1]).isEqualTo(Long.toString(c[0]));
            assertClose(row[2], (double) c[1] / c[0]);
            assertThat(row[3]).isEqualTo(cents(revenue.get(row[0])));
        }
    }

    public static void assertFares(List<String[]> rows, List<TransportTrip> trips) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (TransportTrip trip : trips) {
            String key = TransportDisplayNames.displayName(trip.getFareType()) + "," + TransportDisplayNames.displayName(trip.getPaymentMethod());
            counts.merge(key, 1L, Long::sum);
            revenue.merge(key, trip.getFareAmountMxn(), BigDecimal::add);
        }
        List<String> expected = new ArrayList<>();
        counts.forEach((key, count) -> expected.add(key + "," + count + "," + cents(revenue.get(key))));
        assertThat(rows).extracting(row -> String.join(",", row)).containsExactlyElementsOf(expected);
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static void assertClose(String actual, double expected) {
        assertThat(Math.abs(Double.parseDouble(actual) - expected)).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    private static <T> T weighted(Random random, T[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException();
    }

    /** A clean trip with the generator's distributions (docs/DOMAIN.md). */
    private static TransportTrip generate(Random random) {
        ServiceProvider provider = random.nextInt(10) < 6 ? ServiceProvider.VA_Y_VEN : ServiceProvider.TRADITIONAL_BUS_COMPANY;
        RouteType route = provider == ServiceProvider.VA_Y_VEN
                ? (random.nextBoolean() ? RouteType.URBAN_METROPOLITAN_CIRCUITO : RouteType.IE_TRAM_CORRIDOR)
                : (random.nextBoolean() ? RouteType.URBAN_FEEDER_ROUTE : RouteType.SUBURBAN_CONNECTING_ROUTE);
        FarePaymentMethod payment = random.nextInt(100) < 15 ? FarePaymentMethod.QR : FarePaymentMethod.CARD;
        FareType fareType = random.nextInt(100) < 60 ? FareType.REGULAR : FareType.STUDENT_SENIOR_DISABILITY;
        String fare = fareType == FareType.REGULAR || payment == FarePaymentMethod.QR ? "12.00"
                : new String[] {"5.00", "2.50", "0.00"}[random.nextInt(3)];
        int[] range = switch (route) {
            case URBAN_METROPOLITAN_CIRCUITO -> new int[] {30, 90};
            case URBAN_FEEDER_ROUTE -> new int[] {15, 60};
            case IE_TRAM_CORRIDOR -> new int[] {10, 45};
            case SUBURBAN_CONNECTING_ROUTE -> new int[] {45, 120};
        };
        LocalDateTime departure = FIRST_DAY.plusDays(random.nextInt(7)).atTime(LocalTime.ofSecondOfDay(5 * 3600 + random.nextInt(18 * 3600 + 1)));
        int hour = departure.getHour();
        return TransportTrip.newBuilder()
                .setTransactionId(new UUID(random.nextLong(), random.nextLong()).toString())
                .setTransactionDate(departure.toLocalDate())
                .setTransactionTime(departure.toLocalTime())
                .setEventTime(departure.toInstant(ZoneOffset.UTC))
                .setServiceProvider(provider)
                .setRouteType(route)
                .setBoardingArea(weighted(random, BoardingArea.values(), new int[] {35, 15, 15, 15, 10, 10}))
                .setAlightingArea(weighted(random, AlightingArea.values(), new int[] {25, 15, 15, 15, 10, 20}))
                .setPaymentMethod(payment)
                .setFareType(fareType)
                .setFareAmountMxn(new BigDecimal(fare))
                .setTripDurationMinutes(range[0] + random.nextInt(range[1] - range[0] + 1))
                .setIsPeakHour((hour >= 6 && hour <= 9) || (hour >= 17 && hour <= 20))
                .setPassengerCount(provider == ServiceProvider.VA_Y_VEN ? random.nextInt(86) : 1)
                .build();
    }

    /** Gives the trip one defect and answers the rule it breaks first. */
    private static String spoil(TransportTrip trip, Random random) {
        switch (random.nextInt(7)) {
            case 0 -> {
                trip.setTransactionId("");
                return "transaction-id-present";
            }
            case 1 -> {
                trip.setEventTime(trip.getEventTime().plusSeconds(3600));
                return "event-time-consistent";
            }
            case 2 -> {
                LocalDateTime night = trip.getTransactionDate().atTime(LocalTime.of(random.nextInt(5), random.nextInt(60)));
                trip.setTransactionTime(night.toLocalTime());
                trip.setEventTime(night.toInstant(ZoneOffset.UTC));
                return "service-hours";
            }
            case 3 -> {
                trip.setServiceProvider(trip.getServiceProvider() == ServiceProvider.VA_Y_VEN
                        ? ServiceProvider.TRADITIONAL_BUS_COMPANY : ServiceProvider.VA_Y_VEN);
                return "route-matches-provider";
            }
            case 4 -> {
                trip.setFareType(FareType.REGULAR);
                trip.setFareAmountMxn(new BigDecimal("5.00"));
                return "fare-matches-rules";
            }
            case 5 -> {
                trip.setTripDurationMinutes(trip.getRouteType() == RouteType.SUBURBAN_CONNECTING_ROUTE ? 121 : 9);
                return "duration-within-route-range";
            }
            default -> {
                trip.setPassengerCount(trip.getServiceProvider() == ServiceProvider.VA_Y_VEN ? 86 : 2);
                return "passenger-count-range";
            }
        }
    }
}
