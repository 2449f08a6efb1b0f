package org.etlsuite.dashboard.transport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.springframework.stereotype.Service;

/** Reads the three transportation KPI files (each cached per file version) and prepares page and charts. */
@Service
class TransportDashboardService {

    // files stay in UTC (see the shared volume contract), so the page says so explicitly
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CachedCsvFile<Optional<TransportSummary>> summaryFile;
    private final CachedCsvFile<List<TransportDay>> dailyFile;
    private final CachedCsvFile<List<BoardingAreaTrips>> boardingAreasFile;
    private final List<String> dataFiles;
    private Complete complete;

    TransportDashboardService(EtlProperties properties) {
        this.summaryFile = new CachedCsvFile<>(properties.resolve(TransportKpiFiles.Summary.RELATIVE_PATH), TransportKpiCsv::summary);
        this.dailyFile = new CachedCsvFile<>(properties.resolve(TransportKpiFiles.Daily.RELATIVE_PATH), TransportKpiCsv::daily);
        this.boardingAreasFile = new CachedCsvFile<>(properties.resolve(TransportKpiFiles.BoardingAreas.RELATIVE_PATH),
                TransportKpiCsv::boardingAreas);
        this.dataFiles = Stream.of(summaryFile, dailyFile, boardingAreasFile).map(file -> file.file().toString()).toList();
    }

    TransportPage page() {
        return switch (current()) {
            case Broken broken -> new TransportPage(TransportPage.State.UNREADABLE, dataFiles, broken.errors(), null);
            case Incomplete incomplete -> new TransportPage(TransportPage.State.NO_FILE, dataFiles, List.of(), null);
            case Complete loaded when !loaded.kpis().hasTrips() ->
                    new TransportPage(TransportPage.State.NO_ROWS, dataFiles, List.of(), null);
            case Complete loaded ->
                    new TransportPage(TransportPage.State.READY, dataFiles, List.of(), summary(loaded.kpis(), loaded.lastModified()));
        };
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(TransportChart chart) {
        if (!(current() instanceof Complete loaded) || !loaded.kpis().hasTrips()) {
            return Optional.empty();
        }
        synchronized (this) {
            return Optional.of(loaded.images().computeIfAbsent(chart, which -> which.png(loaded.kpis())));
        }
    }

    /**
     * The files as they are now. The KPIs (and the charts drawn from them) are kept until one of
     * the files changes: an unchanged file comes back as the very same snapshot.
     */
    private synchronized FileSet current() {
        CsvFileSnapshot<Optional<TransportSummary>> summary = summaryFile.current();
        CsvFileSnapshot<List<TransportDay>> daily = dailyFile.current();
        CsvFileSnapshot<List<BoardingAreaTrips>> boardingAreas = boardingAreasFile.current();
        // a broken file is reported even while another is missing: it will not fix itself
        List<String> errors = Stream.of(summary, daily, boardingAreas)
                .<String>mapMulti((snapshot, out) -> {
                    if (snapshot instanceof CsvFileSnapshot.Unreadable<?> unreadable) {
                        out.accept(unreadable.error());
                    }
                })
                .toList();
        if (!errors.isEmpty()) {
            return new Broken(errors);
        }
        if (!(summary instanceof CsvFileSnapshot.Loaded<Optional<TransportSummary>> loadedSummary
                && daily instanceof CsvFileSnapshot.Loaded<List<TransportDay>> loadedDaily
                && boardingAreas instanceof CsvFileSnapshot.Loaded<List<BoardingAreaTrips>> loadedAreas)) {
            return new Incomplete();
        }
        if (complete == null || complete.summary() != loadedSummary || complete.daily() != loadedDaily
                || complete.boardingAreas() != loadedAreas) {
            Instant lastModified = Stream.of(loadedSummary.lastModified(), loadedDaily.lastModified(), loadedAreas.lastModified())
                    .max(Instant::compareTo).orElseThrow();
            complete = new Complete(loadedSummary, loadedDaily, loadedAreas,
                    TransportKpis.of(loadedSummary.value(), loadedDaily.value(), loadedAreas.value()),
                    lastModified, new EnumMap<>(TransportChart.class));
        }
        return complete;
    }

    static TransportPage.Summary summary(TransportKpis kpis, Instant lastModified) {
        TransportSummary totals = kpis.summary().orElseThrow();
        List<TransportPage.AreaRow> areas = kpis.topBoardingAreas().stream()
                .map(area -> new TransportPage.AreaRow(
                        Integer.toString(area.rank()),
                        area.boardingArea(),
                        String.format(Locale.US, "%,d", area.trips()),
                        percent(kpis.shareOfTrips(area)),
                        String.format(Locale.US, "%,d", area.passengers())))
                .toList();
        return new TransportPage.Summary(
                String.format(Locale.US, "%,.2f", totals.totalRevenue()),
                String.format(Locale.US, "%,d", totals.totalTrips()),
                String.format(Locale.US, "%,d", totals.totalPassengers()),
                percent(totals.peakHourShare()),
                String.format(Locale.US, "%,d", totals.peakHourTrips()),
                String.format(Locale.ROOT, "%.1f", kpis.passengersPerTrip().orElseThrow()),
                period(kpis.firstDay(), kpis.lastDay()),
                TIMESTAMP.format(lastModified),
                areas,
                Long.toString(lastModified.toEpochMilli()));
    }

    private static String percent(OptionalDouble share) {
        // a share the writer left empty is shown as such rather than as a misleading 0 %
        return share.isPresent() ? String.format(Locale.ROOT, "%.1f%%", share.getAsDouble() * 100) : "n/a";
    }

    private static String period(Optional<LocalDate> first, Optional<LocalDate> last) {
        if (first.isEmpty() || last.isEmpty()) {
            return "no days yet";
        }
        return first.get().equals(last.get()) ? first.get().toString() : first.get() + " to " + last.get();
    }

    /** What the three files add up to. */
    private sealed interface FileSet permits Broken, Incomplete, Complete {
    }

    /** At least one file exists but cannot be used. */
    private record Broken(List<String> errors) implements FileSet {
    }

    /** At least one file has not been written yet. */
    private record Incomplete() implements FileSet {
    }

    /** Every file read, with the PNGs already drawn for this version of them. */
    private record Complete(
            CsvFileSnapshot.Loaded<Optional<TransportSummary>> summary,
            CsvFileSnapshot.Loaded<List<TransportDay>> daily,
            CsvFileSnapshot.Loaded<List<BoardingAreaTrips>> boardingAreas,
            TransportKpis kpis,
            Instant lastModified,
            Map<TransportChart, byte[]> images) implements FileSet {
    }
}
