package org.etlsuite.dashboard.transport;

import org.etlsuite.dashboard.chart.ChartView;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DashboardPage.State;
import org.etlsuite.dashboard.transport.TransportPage.AreaRow;
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

        DashboardPage<TransportPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.READY);
        assertThat(page.summary()).isEqualTo(new TransportPage.Summary(
                "120,000.50", "10,000", "212,345", "38.2%", "3,820", "21.2",
                "2025-03-13 to 2025-03-14", "2025-03-14 09:30:00 UTC",
                List.of(new AreaRow("1", "Centro (Downtown)", "3,500", "35.0%", "74,000"),
                        new AreaRow("2", "East Zone (Vergel/Kanasín)", "1,500", "15.0%", "32,000"),
                        new AreaRow("3", "North Zone (Altabrisa/Montejo)", "1,490", "14.9%", "31,000"),
                        new AreaRow("4", "West Zone (Caucel/Juan Pablo II)", "1,480", "14.8%", "30,000"),
                        new AreaRow("5", "Circuito Route Stop", "1,030", "10.3%", "21,345"))));
    }

    @Test
    void shouldDateThePageByItsNewestFile() throws IOException {
        TransportSamples.writeAll(dataDir, WRITTEN);
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, WRITTEN.plusSeconds(90));

        TransportPage.Summary summary = service.page().summary();

        assertThat(summary.lastUpdated()).isEqualTo("2025-03-14 09:31:30 UTC");
    }

    @Test
    void shouldReportMissingFilesAndListWhereThePageLooks() {
        DashboardPage<TransportPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.NO_FILE);
        assertThat(page.dataFiles()).containsExactly(
                "processed_transport/transport_kpi_summary.csv",
                "processed_transport/transport_kpi_daily.csv",
                "processed_transport/transport_kpi_boarding_areas.csv");
        assertThat(service.chart(TransportChart.DAILY_PASSENGERS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldWaitUntilEveryFileIsWritten() throws IOException {
        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY, WRITTEN);
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_FILE);
        assertThat(service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportFilesWithoutTrips() throws IOException {
        TransportSamples.writeHeadersOnly(dataDir, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_ROWS);
        assertThat(service.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportMalformedFileWithFileAndLineEvenWhileAnotherIsMissing() throws IOException {
        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY_MALFORMED, WRITTEN);

        DashboardPage<TransportPage.Summary> page = service.page();

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
        assertThat(service.page().summary().totalTrips()).isEqualTo("10,000");

        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY.replace(",10000,", ",10001,"), WRITTEN.plusSeconds(60));

        assertThat(service.page().summary().totalTrips()).isEqualTo("10,001");
    }
}
