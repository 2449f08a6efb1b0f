package org.etlsuite.dashboard.transport;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import org.etlsuite.dashboard.csv.CsvRecord;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.model.kpi.TransportKpiFiles.BoardingAreas;
import org.etlsuite.model.kpi.TransportKpiFiles.Daily;
import org.etlsuite.model.kpi.TransportKpiFiles.Fares;
import org.etlsuite.model.kpi.TransportKpiFiles.Routes;
import org.etlsuite.model.kpi.TransportKpiFiles.Summary;

/**
 * Maps the transformer's transportation KPI files onto rows. A file without even a header counts
 * as "no rows yet"; anything else that breaks the contract throws a
 * {@link org.etlsuite.dashboard.csv.CsvFormatException} naming file and line.
 */
final class TransportKpiCsv {

    private TransportKpiCsv() {
    }

    /** The totals, or empty while no trip has been counted: until then the writer leaves only the header. */
    static Optional<TransportSummary> summary(CsvTable table) {
        if (!table.hasHeader()) {
            return Optional.empty();
        }
        table.requireColumns(Summary.HEADER.toArray(String[]::new));
        List<CsvRecord> records = table.records();
        if (records.isEmpty()) {
            return Optional.empty();
        }
        if (records.size() > 1) {
            throw records.get(1).error("the summary has a single row, found " + records.size());
        }
        CsvRecord record = records.getFirst();
        OptionalDouble share = record.getOptionalDouble(Summary.PEAK_HOUR_SHARE);
        if (share.isPresent() && (share.getAsDouble() < 0 || share.getAsDouble() > 1)) {
            throw record.error("column '" + Summary.PEAK_HOUR_SHARE + "': " + record.get(Summary.PEAK_HOUR_SHARE)
                    + " is not a share between 0 and 1");
        }
        return Optional.of(new TransportSummary(
                record.getDecimal(Summary.TOTAL_REVENUE),
                record.getCount(Summary.TOTAL_TRIPS),
                record.getCount(Summary.TOTAL_PASSENGERS),
                record.getCount(Summary.PEAK_HOUR_TRIPS),
                share));
    }

    /** The days in file order. */
    static List<TransportDay> daily(CsvTable table) {
        return table.rows(Daily.HEADER, record -> new TransportDay(
                record.getDate(Daily.DAY),
                record.getCount(Daily.TRIPS),
                record.getCount(Daily.PASSENGERS),
                record.getDecimal(Daily.REVENUE)));
    }

    /** The areas in file order. */
    static List<BoardingAreaTrips> boardingAreas(CsvTable table) {
        return table.rows(BoardingAreas.HEADER, TransportKpiCsv::boardingArea);
    }

    private static BoardingAreaTrips boardingArea(CsvRecord record) {
        long rank = record.getLong(BoardingAreas.RANK);
        if (rank < 1 || rank > Integer.MAX_VALUE) {
            throw record.error("column '" + BoardingAreas.RANK + "': " + rank + " is not a rank (1 or more)");
        }
        return new BoardingAreaTrips(
                (int) rank,
                record.getNonBlank(BoardingAreas.BOARDING_AREA),
                record.getCount(BoardingAreas.TRIPS),
                record.getCount(BoardingAreas.PASSENGERS));
    }

    /** The route types in file order. */
    static List<RouteTypeTrips> routes(CsvTable table) {
        return uniqueRows(table, Routes.HEADER, record -> new RouteTypeTrips(
                        record.getNonBlank(Routes.ROUTE_TYPE),
                        record.getCount(Routes.TRIPS),
                        nonNegativeDouble(record, Routes.MEAN_DURATION_MINUTES),
                        money(record, Routes.REVENUE)),
                route -> route.routeType(),
                route -> "route type '" + route.routeType() + "'");
    }

    /** The fare types × payment methods in file order. */
    static List<FareTrips> fares(CsvTable table) {
        return uniqueRows(table, Fares.HEADER, record -> new FareTrips(
                        record.getNonBlank(Fares.FARE_TYPE),
                        record.getNonBlank(Fares.PAYMENT_METHOD),
                        record.getCount(Fares.TRIPS),
                        money(record, Fares.REVENUE)),
                fare -> List.of(fare.fareType(), fare.paymentMethod()),
                fare -> "fare type '" + fare.fareType() + "' paid by '" + fare.paymentMethod() + "'");
    }

    /**
     * The rows of a file that has one row per key: a second row of a key would be counted twice on the page (its
     * trips added to the first in a chart), so it is refused rather than shown.
     *
     * @param named what the key of a row is, in words, for the error
     */
    private static <T> List<T> uniqueRows(CsvTable table, List<String> header, Function<CsvRecord, T> row, Function<T, Object> key,
            Function<T, String> named) {
        Set<Object> keys = new HashSet<>();
        // rows() maps the records one after another, in file order: the first row of a key is the one kept
        return table.rows(header, record -> {
            T value = row.apply(record);
            if (!keys.add(key.apply(value))) {
                throw record.error("a second row for " + named.apply(value));
            }
            return value;
        });
    }

    /** Revenue: a sum of fares, which are never negative. */
    private static BigDecimal money(CsvRecord record, String column) {
        BigDecimal amount = record.getDecimal(column);
        if (amount.signum() < 0) {
            throw record.error("column '" + column + "': " + record.get(column) + " is negative");
        }
        return amount;
    }

    private static double nonNegativeDouble(CsvRecord record, String column) {
        double value = record.getDouble(column);
        if (value < 0) {
            throw record.error("column '" + column + "': " + record.get(column) + " is negative");
        }
        return value;
    }
}
