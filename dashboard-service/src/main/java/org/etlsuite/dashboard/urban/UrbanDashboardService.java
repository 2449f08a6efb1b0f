package org.etlsuite.dashboard.urban;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.DashboardFiles;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.etlsuite.dashboard.page.PageFormat;
import org.etlsuite.model.urban.NoiseLevel;
import org.springframework.stereotype.Service;

/** Reads the urban aggregate file (cached per file version) and prepares page and charts. */
@Service
class UrbanDashboardService implements KpiFilePage {

    private final DashboardFiles<UrbanKpis, UrbanChart> files;

    UrbanDashboardService(EtlProperties properties) {
        // a single file: its KPIs are computed as it is read, and so cached with it
        CachedCsvFile<UrbanKpis> aggregates = new CachedCsvFile<>(properties.dataDir(), UrbanAggregateCsv.FILE,
                table -> UrbanKpis.of(UrbanAggregateCsv.rows(table)));
        this.files = new DashboardFiles<>(List.of(aggregates), contents -> contents.get(aggregates),
                UrbanKpis::hasReadings, UrbanChart.class);
    }

    @Override
    public List<CachedCsvFile<?>> kpiFiles() {
        return files.files();
    }

    @Override
    public String path() {
        return "/urban";
    }

    DashboardPage<UrbanPage.Summary> page() {
        return files.page(UrbanDashboardService::summary);
    }

    /** The version of the page's files as they are now. */
    DataVersion version() {
        return files.version();
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(UrbanChart chart) {
        return files.chart(chart);
    }

    /** The chart as SVG with its data, or empty while there is nothing to draw. */
    Optional<ChartFigure> figure(UrbanChart chart) {
        return files.figure(chart);
    }

    /** Every chart as SVG with its data, by constant name; empty while there is nothing to draw. */
    Map<String, ChartFigure> figures() {
        return files.figures();
    }

    static UrbanPage.Summary summary(UrbanKpis kpis, Instant lastModified) {
        List<UrbanPage.ZoneRow> zones = kpis.meanNoiseByZone().stream()
                .map(zone -> new UrbanPage.ZoneRow(
                        zone.zone(),
                        ChartPalette.hex(ChartPalette.zoneColor(zone.zone())),
                        String.format(Locale.ROOT, "%.1f dB", zone.meanNoiseDb()),
                        NoiseLevel.of(zone.meanNoiseDb()).label(),
                        String.format(Locale.US, "%,d", zone.readings())))
                .toList();
        return new UrbanPage.Summary(
                String.format(Locale.ROOT, "%.2f", kpis.averagePollutionIndex().orElseThrow()),
                String.format(Locale.US, "%,d", kpis.totalReadings()),
                Integer.toString(kpis.zones().size()),
                PageFormat.timestamp(lastModified),
                kpis.insight().orElseThrow(),
                kpis.trafficPollutionInsight(),
                PageFormat.period(kpis.firstDay(), kpis.lastDay()),
                kpis.rows().size(),
                zones);
    }
}
