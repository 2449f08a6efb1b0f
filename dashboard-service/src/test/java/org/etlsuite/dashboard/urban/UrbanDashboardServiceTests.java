package org.etlsuite.dashboard.urban;

import org.etlsuite.dashboard.chart.ChartView;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DashboardPage.State;
import org.etlsuite.dashboard.urban.UrbanPage.ZoneRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrbanDashboardServiceTests {

    private static final Instant WRITTEN = Instant.parse("2025-03-14T09:30:00Z");

    @TempDir
    Path dataDir;

    private UrbanDashboardService service;

    @BeforeEach
    void setUp() {
        service = new UrbanDashboardService(new EtlProperties(dataDir, null));
    }

    @Test
    void shouldFormatSummaryForTheTemplate() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, WRITTEN);

        DashboardPage<UrbanPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.READY);
        assertThat(page.summary()).isEqualTo(new UrbanPage.Summary(
                "37.75", "16,000", "3", "2025-03-14 09:30:00 UTC",
                "Emiliano Zapata is the loudest zone with a mean of 71.3 dB.",
                "Vehicle count and pollution index show a moderate positive correlation (r = 0.74) over 5 hourly buckets.",
                "2025-03-13 to 2025-03-14", 5,
                List.of(new ZoneRow("Centro", "#0072b2", "64.5 dB", "Moderate", "4,000"),
                        new ZoneRow("Emiliano Zapata", "#cc79a7", "71.3 dB", "High", "4,000"),
                        new ZoneRow("Kanasin", "#d55e00", "55.3 dB", "Moderate", "8,000"))));
    }

    @Test
    void shouldReportMissingFile() {
        DashboardPage<UrbanPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.NO_FILE);
        assertThat(page.dataFiles()).containsExactly("processed/urban_sensors_processed_aggregated.csv");
        assertThat(service.chart(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportFileWithoutRows() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.HEADER_ONLY, WRITTEN);

        assertThat(service.page().state()).isEqualTo(State.NO_ROWS);
        assertThat(service.chart(UrbanChart.TRAFFIC_VS_POLLUTION, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportMalformedFileWithFileAndLine() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.MALFORMED, WRITTEN);

        DashboardPage<UrbanPage.Summary> page = service.page();

        assertThat(page.state()).isEqualTo(State.UNREADABLE);
        assertThat(page.errors()).containsExactly("processed/urban_sensors_processed_aggregated.csv line 3: column 'pm25': 'abc' is not a number");
        assertThat(service.chart(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldDrawEachChartOncePerFileVersion() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, WRITTEN);

        byte[] first = service.chart(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE).orElseThrow();
        assertThat(service.chart(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE)).containsSame(first);

        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE.replace("Kanasin,8000", "Kanasin,9000"), WRITTEN.plusSeconds(60));
        assertThat(service.chart(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE).orElseThrow()).isNotSameAs(first);
    }

    @Test
    void shouldShowFreshDataAfterFileIsReplaced() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, WRITTEN);
        assertThat(service.page().summary().totalReadings()).isEqualTo("16,000");

        Files.delete(dataDir.resolve(UrbanAggregateCsv.FILE));
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE.replace("Kanasin,8000", "Kanasin,9000"), WRITTEN.plusSeconds(60));

        assertThat(service.page().summary().totalReadings()).isEqualTo("17,000");
        assertThat(service.page().summary().lastUpdated()).isEqualTo("2025-03-14 09:31:00 UTC");
    }
}
