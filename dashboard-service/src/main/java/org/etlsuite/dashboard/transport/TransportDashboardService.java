package org.etlsuite.dashboard.transport;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.TimeRange;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.DashboardFiles;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.etlsuite.dashboard.page.PageFormat;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.springframework.stereotype.Service;

/** Reads the five transportation KPI files (each cached per file version) and prepares page and charts. */
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
        CachedCsvFile<List<RouteTypeTrips>> routes =
                new CachedCsvFile<>(properties.dataDir(), TransportKpiFiles.Routes.RELATIVE_PATH, TransportKpiCsv::routes);
        CachedCsvFile<List<FareTrips>> fares =
                new CachedCsvFile<>(properties.dataDir(), TransportKpiFiles.Fares.RELATIVE_PATH, TransportKpiCsv::fares);
        this.files = new DashboardFiles<>(List.of(summary, daily, boardingAreas, routes, fares),
                contents -> TransportKpis.of(contents.get(summary), contents.get(daily), contents.get(boardingAreas),
                        contents.get(routes), contents.get(fares)),
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

    /** The page as the files are now, its daily chart's days as the view shows them. */
    DashboardPage<TransportPage.Summary> page(ChartView view) {
        return files.page((kpis, lastModified) -> summary(kpis, lastModified, view.range()));
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

    static TransportPage.Summary summary(TransportKpis kpis, Instant lastModified, TimeRange range) {
        TransportSummary totals = kpis.summary().orElseThrow();
        List<TransportPage.AreaRow> areas = kpis.topBoardingAreas().stream()
                .map(area -> new TransportPage.AreaRow(
                        Integer.toString(area.rank()),
                        area.boardingArea(),
                        String.format(Locale.US, "%,d", area.trips()),
                        PageFormat.percent(kpis.shareOfTrips(area)),
                        String.format(Locale.US, "%,d", area.passengers())))
                .toList();
        List<TransportDay> shownDays = kpis.days(range);
        List<TransportPage.RouteRow> routes = kpis.routes().stream()
                .map(route -> new TransportPage.RouteRow(
                        route.routeType(),
                        String.format(Locale.US, "%,d", route.trips()),
                        String.format(Locale.ROOT, "%.1f", route.meanDurationMinutes()),
                        String.format(Locale.US, "%,.2f", route.revenue())))
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
                areas,
                PageFormat.period(shownDays.stream().map(TransportDay::day).findFirst(),
                        shownDays.isEmpty() ? Optional.empty() : Optional.of(shownDays.getLast().day())),
                routes);
    }
}
