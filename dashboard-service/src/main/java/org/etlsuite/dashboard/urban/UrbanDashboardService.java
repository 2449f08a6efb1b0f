package org.etlsuite.dashboard.urban;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartView;
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

    /**
     * The view of the charts that the query asks for.
     *
     * @throws org.springframework.web.server.ResponseStatusException (400) for a range that does not exist, or a zone
     *         that is not in the file; while there is no data, a zone is not checked but left out
     */
    ChartView view(String range, String zone) {
        List<String> zones = zones();
        return ChartView.of(range, zones.isEmpty() ? null : zone, zones);
    }

    /** The zones of the file as it is now, alphabetical; none while there is no data. */
    List<String> zones() {
        return files.kpis().map(UrbanKpis::zones).orElse(List.of());
    }

    /** What the time charts show in the view, in words, e.g. "2025-03-13 07:00 to 2025-03-14 19:00 UTC, per hour". */
    Optional<String> shown(ChartView view) {
        return files.kpis().flatMap(kpis -> kpis.firstShown(view.range()).map(first -> PageFormat.hours(first, kpis.end())
                + (kpis.showsHours(view.range()) ? ", one point per zone and hour" : ", one point per zone and day")));
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(UrbanChart chart, ChartView view) {
        return files.chart(chart, view);
    }

    /** The chart as SVG with its data, or empty while there is nothing to draw. */
    Optional<ChartFigure> figure(UrbanChart chart, ChartView view) {
        return files.figure(chart, view);
    }

    /** Every chart as SVG with its data, by constant name; empty while there is nothing to draw. */
    Map<String, ChartFigure> figures(ChartView view) {
        return files.figures(view);
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
