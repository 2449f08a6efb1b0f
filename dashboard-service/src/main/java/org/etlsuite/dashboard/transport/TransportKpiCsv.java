package org.etlsuite.dashboard.transport;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.csv.CsvRecord;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.model.kpi.TransportKpiFiles.BoardingAreas;
import org.etlsuite.model.kpi.TransportKpiFiles.Daily;
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
}
