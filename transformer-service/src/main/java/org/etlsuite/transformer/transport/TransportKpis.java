package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.model.transport.TransportDisplayNames;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.kpi.Tally;

import static org.etlsuite.transformer.csv.CsvFormat.decimal;
import static org.etlsuite.transformer.kpi.KpiFormat.money;

/**
 * The transportation KPIs: which cells of the KPI table an accepted trip counts in, and the files
 * built from the table. Every cell's amount is the trip's revenue (fare_amount_mxn); units are:
 * <ul>
 * <li>{@code peak|<true|false>}: passengers (the summary is the sum of both cells)</li>
 * <li>{@code daily|<yyyy-MM-dd>}: passengers</li>
 * <li>{@code boarding|<BoardingArea>}: passengers</li>
 * <li>{@code route|<RouteType>}: trip_duration_minutes (for the mean duration)</li>
 * <li>{@code fare|<FareType>|<FarePaymentMethod>}: passengers</li>
 * </ul>
 */
public final class TransportKpis {

    static final String PEAK = "peak";
    static final String DAILY = "daily";
    static final String BOARDING = "boarding";
    static final String ROUTE = "route";
    static final String FARE = "fare";
    private static final String SEPARATOR = "|";

    private TransportKpis() {
    }

    /** The cells one accepted trip counts in. */
    public static List<KeyValue<String, Tally>> cells(TransportTripProcessed trip) {
        BigDecimal revenue = trip.getRevenue();
        Tally passengers = Tally.of(trip.getPassengerCount(), revenue);
        return List.of(
                KeyValue.pair(String.join(SEPARATOR, PEAK, Boolean.toString(trip.getIsPeakHour())), passengers),
                KeyValue.pair(String.join(SEPARATOR, DAILY, trip.getDay().toString()), passengers),
                KeyValue.pair(String.join(SEPARATOR, BOARDING, trip.getBoardingArea().name()), passengers),
                KeyValue.pair(String.join(SEPARATOR, ROUTE, trip.getRouteType().name()), Tally.of(trip.getTripDurationMinutes(), revenue)),
                KeyValue.pair(String.join(SEPARATOR, FARE, trip.getFareType().name(), trip.getPaymentMethod().name()), passengers));
    }

    /**
     * {@code transport_kpi_summary.csv}: header only while no trip was accepted, else one row: total
     * revenue, trips, passengers, peak-hour trips and peak_hour_share = peak-hour trips / trips.
     */
    public static CsvDocument summaryDocument(Map<String, Tally> table) {
        Tally all = null;
        long peakTrips = 0;
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(PEAK)) {
                all = all == null ? cell.getValue() : all.plus(cell.getValue());
                if (Boolean.parseBoolean(key[1])) {
                    peakTrips += cell.getValue().count();
                }
            }
        }
        if (all == null) {
            return new CsvDocument(TransportKpiFiles.Summary.HEADER, List.of(), 0);
        }
        return new CsvDocument(TransportKpiFiles.Summary.HEADER, List.of(List.of(money(all.amount()), Long.toString(all.count()),
                Long.toString(all.units()), Long.toString(peakTrips), decimal(Tally.ratio(peakTrips, all.count())))), all.count());
    }

    /** {@code transport_kpi_daily.csv}: one row per UTC day with a trip, by day. */
    public static CsvDocument dailyDocument(Map<String, Tally> table) {
        Map<LocalDate, Tally> byDay = new TreeMap<>();
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(DAILY)) {
                byDay.merge(LocalDate.parse(key[1]), cell.getValue(), Tally::plus);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        long trips = 0;
        for (var day : byDay.entrySet()) {
            Tally tally = day.getValue();
            trips += tally.count();
            rows.add(List.of(day.getKey().toString(), Long.toString(tally.count()), Long.toString(tally.units()), money(tally.amount())));
        }
        return new CsvDocument(TransportKpiFiles.Daily.HEADER, rows, trips);
    }

    /** {@code transport_kpi_boarding_areas.csv}: ranked by trips (most first), ties by area name; rank 1, 2, ... */
    public static CsvDocument boardingAreasDocument(Map<String, Tally> table) {
        Map<String, Tally> byArea = new TreeMap<>();
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(BOARDING)) {
                byArea.merge(TransportDisplayNames.displayName(BoardingArea.valueOf(key[1])), cell.getValue(), Tally::plus);
            }
        }
        List<Map.Entry<String, Tally>> ranked = new ArrayList<>(byArea.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<String, Tally> area) -> area.getValue().count()).reversed()
                .thenComparing(Map.Entry::getKey));
        List<List<String>> rows = new ArrayList<>();
        long trips = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Tally tally = ranked.get(i).getValue();
            trips += tally.count();
            rows.add(List.of(Integer.toString(i + 1), ranked.get(i).getKey(), Long.toString(tally.count()), Long.toString(tally.units())));
        }
        return new CsvDocument(TransportKpiFiles.BoardingAreas.HEADER, rows, trips);
    }

    /** {@code transport_kpi_routes.csv}: per route type (by name) trips, mean duration (exact sum / trips), revenue. */
    public static CsvDocument routesDocument(Map<String, Tally> table) {
        Map<String, Tally> byRoute = new TreeMap<>();
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(ROUTE)) {
                byRoute.merge(TransportDisplayNames.displayName(RouteType.valueOf(key[1])), cell.getValue(), Tally::plus);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        long trips = 0;
        for (var route : byRoute.entrySet()) {
            Tally tally = route.getValue();
            trips += tally.count();
            rows.add(List.of(route.getKey(), Long.toString(tally.count()), decimal(tally.meanUnits()), money(tally.amount())));
        }
        return new CsvDocument(TransportKpiFiles.Routes.HEADER, rows, trips);
    }

    /** {@code transport_kpi_fares.csv}: per fare type × payment method (by names) trips and revenue. */
    public static CsvDocument faresDocument(Map<String, Tally> table) {
        record FareKey(String fareType, String paymentMethod) {
        }
        Map<FareKey, Tally> byFare = new TreeMap<>(Comparator.comparing(FareKey::fareType).thenComparing(FareKey::paymentMethod));
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(FARE)) {
                byFare.merge(new FareKey(TransportDisplayNames.displayName(FareType.valueOf(key[1])),
                        TransportDisplayNames.displayName(FarePaymentMethod.valueOf(key[2]))), cell.getValue(), Tally::plus);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        long trips = 0;
        for (var fare : byFare.entrySet()) {
            Tally tally = fare.getValue();
            trips += tally.count();
            rows.add(List.of(fare.getKey().fareType(), fare.getKey().paymentMethod(), Long.toString(tally.count()), money(tally.amount())));
        }
        return new CsvDocument(TransportKpiFiles.Fares.HEADER, rows, trips);
    }
}
