package org.etlsuite.dashboard.urban;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.etlsuite.model.urban.NoiseLevel;
import org.springframework.stereotype.Service;

/** Reads the urban aggregate file (cached per file version) and prepares page and charts. */
@Service
class UrbanDashboardService {

    // files stay in UTC (see the shared volume contract), so the page says so explicitly
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CachedCsvFile<UrbanKpis> file;
    private ChartMemo charts = new ChartMemo(null, new EnumMap<>(UrbanChart.class));

    UrbanDashboardService(EtlProperties properties) {
        this.file = new CachedCsvFile<>(properties.resolve(UrbanAggregateCsv.FILE),
                table -> UrbanKpis.of(UrbanAggregateCsv.rows(table)));
    }

    UrbanPage page() {
        CsvFileSnapshot<UrbanKpis> snapshot = file.current();
        String dataFile = snapshot.file().toString();
        return switch (snapshot) {
            case CsvFileSnapshot.Missing<UrbanKpis> missing -> new UrbanPage(UrbanPage.State.NO_FILE, dataFile, null, null);
            case CsvFileSnapshot.Unreadable<UrbanKpis> unreadable ->
                    new UrbanPage(UrbanPage.State.UNREADABLE, dataFile, unreadable.error(), null);
            case CsvFileSnapshot.Loaded<UrbanKpis> loaded when !loaded.value().hasReadings() ->
                    new UrbanPage(UrbanPage.State.NO_ROWS, dataFile, null, null);
            case CsvFileSnapshot.Loaded<UrbanKpis> loaded ->
                    new UrbanPage(UrbanPage.State.READY, dataFile, null, summary(loaded.value(), loaded.lastModified()));
        };
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(UrbanChart chart) {
        if (!(file.current() instanceof CsvFileSnapshot.Loaded<UrbanKpis> loaded) || !loaded.value().hasReadings()) {
            return Optional.empty();
        }
        UrbanKpis kpis = loaded.value();
        synchronized (this) {
            if (charts.kpis() != kpis) {
                charts = new ChartMemo(kpis, new EnumMap<>(UrbanChart.class));
            }
            return Optional.of(charts.images().computeIfAbsent(chart, which -> which.png(kpis)));
        }
    }

    static UrbanPage.Summary summary(UrbanKpis kpis, Instant lastModified) {
        List<UrbanPage.ZoneRow> zones = kpis.meanNoiseByZone().stream()
                .map(zone -> new UrbanPage.ZoneRow(
                        zone.zone(),
                        ChartPalette.hex(kpis.zones().indexOf(zone.zone())),
                        String.format(Locale.ROOT, "%.1f dB", zone.meanNoiseDb()),
                        NoiseLevel.of(zone.meanNoiseDb()).label(),
                        String.format(Locale.US, "%,d", zone.readings())))
                .toList();
        LocalDate first = kpis.firstDay().orElseThrow();
        LocalDate last = kpis.lastDay().orElseThrow();
        return new UrbanPage.Summary(
                String.format(Locale.ROOT, "%.2f", kpis.averagePollutionIndex().orElseThrow()),
                String.format(Locale.US, "%,d", kpis.totalReadings()),
                Integer.toString(kpis.zones().size()),
                TIMESTAMP.format(lastModified),
                kpis.insight().orElseThrow(),
                first.equals(last) ? first.toString() : first + " to " + last,
                kpis.rows().size(),
                zones,
                Long.toString(lastModified.toEpochMilli()));
    }

    /** PNGs already drawn for one version of the file. */
    private record ChartMemo(UrbanKpis kpis, Map<UrbanChart, byte[]> images) {
    }
}
