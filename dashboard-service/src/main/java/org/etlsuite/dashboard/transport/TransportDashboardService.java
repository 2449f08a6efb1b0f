package org.etlsuite.dashboard.transport;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.DashboardFiles;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.etlsuite.dashboard.page.PageFormat;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.springframework.stereotype.Service;

/** Reads the three transportation KPI files (each cached per file version) and prepares page and charts. */
@Service
class TransportDashboardService implements KpiFilePage {

    private final DashboardFiles<TransportKpis, TransportChart> files;

    TransportDashboardService(EtlProperties properties) {
        CachedCsvFile<Optional<TransportSummary>> summary =
                new CachedCsvFile<>(properties.dataDir(), TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiCsv::summary);
        CachedCsvFile<List<TransportDay>> daily =
                new CachedCsvFile<>(properties.dataDir(), TransportKpiFiles.Daily.RELATIVE_PATH, TransportKpiCsv::daily);
        CachedCsvFile<List<BoardingAreaTrips>> boardingAreas = new CachedCsvFile<>(
                properties.dataDir(), TransportKpiFiles.BoardingAreas.RELATIVE_PATH, TransportKpiCsv::boardingAreas);
        this.files = new DashboardFiles<>(List.of(summary, daily, boardingAreas),
                contents -> TransportKpis.of(contents.get(summary), contents.get(daily), contents.get(boardingAreas)),
                TransportKpis::hasTrips, TransportChart.class);
    }

    @Override
    public List<CachedCsvFile<?>> kpiFiles() {
        return files.files();
    }

    @Override
    public String path() {
        return "/dashboard";
    }

    DashboardPage<TransportPage.Summary> page() {
        return files.page(TransportDashboardService::summary);
    }

    /** The version of the page's files as they are now. */
    DataVersion version() {
        return files.version();
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(TransportChart chart, ChartView view) {
        return files.chart(chart, view);
    }

    /** The chart as SVG with its data, or empty while there is nothing to draw. */
    Optional<ChartFigure> figure(TransportChart chart, ChartView view) {
        return files.figure(chart, view);
    }

    /** Every chart as SVG with its data, by constant name; empty while there is nothing to draw. */
    Map<String, ChartFigure> figures(ChartView view) {
        return files.figures(view);
    }

    static TransportPage.Summary summary(TransportKpis kpis, Instant lastModified) {
        TransportSummary totals = kpis.summary().orElseThrow();
        List<TransportPage.AreaRow> areas = kpis.topBoardingAreas().stream()
                .map(area -> new TransportPage.AreaRow(
                        Integer.toString(area.rank()),
                        area.boardingArea(),
                        String.format(Locale.US, "%,d", area.trips()),
                        PageFormat.percent(kpis.shareOfTrips(area)),
                        String.format(Locale.US, "%,d", area.passengers())))
                .toList();
        return new TransportPage.Summary(
                String.format(Locale.US, "%,.2f", totals.totalRevenue()),
                String.format(Locale.US, "%,d", totals.totalTrips()),
                String.format(Locale.US, "%,d", totals.totalPassengers()),
                PageFormat.percent(totals.peakHourShare()),
                String.format(Locale.US, "%,d", totals.peakHourTrips()),
                String.format(Locale.ROOT, "%.1f", kpis.passengersPerTrip().orElseThrow()),
                PageFormat.period(kpis.firstDay(), kpis.lastDay()),
                PageFormat.timestamp(lastModified),
                areas);
    }
}
