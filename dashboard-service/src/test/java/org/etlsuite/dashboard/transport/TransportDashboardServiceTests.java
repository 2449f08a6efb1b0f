package org.etlsuite.dashboard.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.TimeRange;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DashboardPage.State;
import org.etlsuite.dashboard.transport.TransportPage.AreaRow;
import org.etlsuite.dashboard.transport.TransportPage.RouteRow;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportDashboardServiceTests {

    private static final Instant WRITTEN = Instant.parse("2025-03-14T09:30:00Z");

    @TempDir
    Path dataDir;

    private TransportDashboardService service;

    @BeforeEach
    void setUp() {
        service = new TransportDashboardService(new EtlProperties(dataDir, null));
    }

    @Test
    void shouldFormatSummaryForTheTemplate() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);

        DashboardPage<TransportPage.Summary> page = service.page(ChartView.WHOLE);

        assertThat(page.state()).isEqualTo(State.READY);
        assertThat(page.summary()).isEqualTo(new TransportPage.Summary(
                "120,000.50", "10,000", "212,345", "38.2%", "3,820", "21.2",
                "2025-03-13 to 2025-03-14", "2025-03-14 09:30:00 UTC",
                List.of(new AreaRow("1", "Centro (Downtown)", "3,500", "35.0%", "74,000"),
                        new AreaRow("2", "East Zone (Vergel/Kanasín)", "1,500", "15.0%", "32,000"),
                        new AreaRow("3", "North Zone (Altabrisa/Montejo)", "1,490", "14.9%", "31,000"),
                        new AreaRow("4", "West Zone (Caucel/Juan Pablo II)", "1,480", "14.8%", "30,000"),
                        new AreaRow("5", "Circuito Route Stop", "1,030", "10.3%", "21,345")),
                "2025-03-13 to 2025-03-14",
                List.of(new RouteRow("Ie-Tram Corridor", "1,500", "28.2", "18,000.00"),
                        new RouteRow("Suburban/Connecting Route", "1,000", "47.5", "12,000.25"),
                        new RouteRow("Urban/Feeder Route", "3,000", "35.0", "36,000.00"),
                        new RouteRow("Urban/Metropolitan Circuito", "4,500", "32.5", "54,000.25"))));
    }

    @Test
    void shouldNameTheDaysTheDailyChartShowsInTheRangeButKeepTheTilesOverTheWholeFile() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY_OVER_TWO_WEEKS, WRITTEN);

        TransportPage.Summary lastDay = service.page(ChartView.of(TimeRange.LAST_24_HOURS)).summary();
        TransportPage.Summary lastWeek = service.page(ChartView.of(TimeRange.LAST_7_DAYS)).summary();
        TransportPage.Summary all = service.page(ChartView.of(TimeRange.ALL)).summary();

        assertThat(lastDay.shownDays()).isEqualTo("2025-03-14");
        assertThat(lastWeek.shownDays()).isEqualTo("2025-03-08 to 2025-03-14");
        assertThat(all.shownDays()).isEqualTo("2025-03-01 to 2025-03-14");
        assertThat(List.of(lastDay, lastWeek, all)).extracting(TransportPage.Summary::period, TransportPage.Summary::totalTrips)
                .containsOnly(tuple("2025-03-01 to 2025-03-14", "10,000"));
    }

    @Test
    void shouldDrawTheDailyChartOncePerRangeAndTheOtherChartsOnceForEveryRange() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY_OVER_TWO_WEEKS, WRITTEN);

        ChartFigure lastDay = service.figure(TransportChart.DAILY_PASSENGERS, ChartView.of(TimeRange.LAST_24_HOURS)).orElseThrow();
        ChartFigure all = service.figure(TransportChart.DAILY_PASSENGERS, ChartView.WHOLE).orElseThrow();

        assertThat(lastDay.table().rows()).containsExactly(List.of("2025-03-14", "18,000"));
        assertThat(all.table().rows()).hasSize(5);
        assertThat(service.figure(TransportChart.DAILY_PASSENGERS, ChartView.of(TimeRange.LAST_24_HOURS))).containsSame(lastDay);
        assertThat(service.figure(TransportChart.TRIPS_BY_FARE, ChartView.of(TimeRange.LAST_7_DAYS)))
                .containsSame(service.figure(TransportChart.TRIPS_BY_FARE, ChartView.WHOLE).orElseThrow());
    }

    @Test
    void shouldDateThePageByItsNewestFile() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, WRITTEN.plusSeconds(90));

        TransportPage.Summary summary = service.page(ChartView.WHOLE).summary();

        assertThat(summary.lastUpdated()).isEqualTo("2025-03-14 09:31:30 UTC");
    }

    @Test
    void shouldReportMissingFilesAndListWhereThePageLooks() {
        DashboardPage<TransportPage.Summary> page = service.page(ChartView.WHOLE);

        assertThat(page.state()).isEqualTo(State.NO_FILE);
        assertThat(page.dataFiles()).containsExactly(
                "processed_transport/transport_kpi_summary.csv",
                "processed_transport/transport_kpi_daily.csv",
                "processed_transport/transport_kpi_boarding_areas.csv",
                "processed_transport/transport_kpi_routes.csv",
                "processed_transport/transport_kpi_fares.csv");
        assertThat(service.chart(TransportChart.DAILY_PASSENGERS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldWaitUntilEveryFileIsWritten() throws IOException {
        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY, WRITTEN);
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, WRITTEN);

        assertThat(service.page(ChartView.WHOLE).state()).isEqualTo(State.NO_FILE);
        assertThat(service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldWaitForTheRouteAndFareFilesToo() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        Files.delete(dataDir.resolve(TransportKpiFiles.Fares.RELATIVE_PATH));

        assertThat(service.page(ChartView.WHOLE).state()).isEqualTo(State.NO_FILE);
        assertThat(service.figure(TransportChart.TRIPS_BY_ROUTE_TYPE, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportAMalformedRouteFileWithFileAndLine() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        TransportSamples.writeRoutes(dataDir, TransportSamples.ROUTES + "Urban/Feeder Route,1,3.5,12.00\n", WRITTEN);

        DashboardPage<TransportPage.Summary> page = service.page(ChartView.WHOLE);

        assertThat(page.state()).isEqualTo(State.UNREADABLE);
        assertThat(page.errors()).containsExactly(
                "processed_transport/transport_kpi_routes.csv line 6: a second row for route type 'Urban/Feeder Route'");
        assertThat(service.figure(TransportChart.TRIPS_BY_FARE, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportFilesWithoutTrips() throws IOException {
        TransportSamples.writeHeadersOnly(dataDir, WRITTEN);

        assertThat(service.page(ChartView.WHOLE).state()).isEqualTo(State.NO_ROWS);
        assertThat(service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportMalformedFileWithFileAndLineEvenWhileAnotherIsMissing() throws IOException {
        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY_MALFORMED, WRITTEN);

        DashboardPage<TransportPage.Summary> page = service.page(ChartView.WHOLE);

        assertThat(page.state()).isEqualTo(State.UNREADABLE);
        assertThat(page.errors()).containsExactly("processed_transport/transport_kpi_summary.csv line 2: column 'total_trips': 'many' is not a whole number");
        assertThat(service.chart(TransportChart.DAILY_PASSENGERS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldDrawEachChartOncePerVersionOfTheFiles() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);

        byte[] first = service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE).orElseThrow();
        assertThat(service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE)).containsSame(first);

        TransportSamples.writeBoardingAreas(dataDir, TransportSamples.BOARDING_AREAS.replace("3500", "3600"), WRITTEN.plusSeconds(60));
        assertThat(service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE).orElseThrow()).isNotSameAs(first);
    }

    @Test
    void shouldShowFreshTotalsAfterTheSummaryIsReplaced() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        assertThat(service.page(ChartView.WHOLE).summary().totalTrips()).isEqualTo("10,000");

        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY.replace(",10000,", ",10001,"), WRITTEN.plusSeconds(60));

        assertThat(service.page(ChartView.WHOLE).summary().totalTrips()).isEqualTo("10,001");
    }
}
