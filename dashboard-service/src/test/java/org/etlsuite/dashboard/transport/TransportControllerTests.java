package org.etlsuite.dashboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The transportation page and its charts over MVC, reading real files in a temporary data
 * directory. Every test writes its files with its own last-modified time, so the service's
 * per-version cache never serves one test's files to another.
 */
@WebMvcTest({TransportController.class, TransportChartController.class})
@Import(TransportDashboardService.class)
class TransportControllerTests extends DashboardMvcTestSupport {

    @Override
    protected List<String> dataFiles() {
        return List.of(TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiFiles.Daily.RELATIVE_PATH,
                TransportKpiFiles.BoardingAreas.RELATIVE_PATH);
    }

    @Test
    void shouldShowKpiTilesAndChartsWhenFilesHaveTrips() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T09:30:00Z"));

        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .hasViewName("transport/dashboard")
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("<title>Transportation · ETL Suite</title>")
                .contains("<a href=\"/dashboard\" class=\"active\">Transportation</a>")
                .contains("<span class=\"kpi-value\" id=\"kpi-revenue\">120,000.50</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-trips\">10,000</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-passengers\">212,345</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-peak-share\">38.2%</span>")
                .contains("<span class=\"kpi-hint\">3,820 trips in peak hours</span>")
                .contains("<span class=\"kpi-hint\">2025-03-13 to 2025-03-14</span>")
                .contains("<main class=\"container\" data-version=\"65e9313de2ef594e\" data-version-url=\"/dashboard/version\">")
                .contains("<time datetime=\"2025-03-14T09:30:00Z\">2025-03-14 09:30:00 UTC</time>")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .contains("href=\"/charts/transport/daily-passengers.png?v=65e9313de2ef594e\"")
                .contains("href=\"/charts/transport/daily-passengers.svg?v=65e9313de2ef594e\"")
                .contains("href=\"/charts/transport/top-boarding-areas.png?v=65e9313de2ef594e\"")
                .contains("href=\"/charts/transport/top-boarding-areas.svg?v=65e9313de2ef594e\"")
                .doesNotContain("No transportation data yet")
                .doesNotContain("could not be read");
    }

    @Test
    void shouldShowTopFiveBoardingAreasByTrips() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T09:45:00Z"));

        assertThat(mvc.get().uri("/dashboard")).bodyText()
                .contains("<td>Centro (Downtown)</td>")
                .contains("<td class=\"num\">3,500</td>")
                .contains("<td class=\"num\">35.0%</td>")
                .contains("<td>Circuito Route Stop</td>")
                .contains("<td class=\"num\">10.3%</td>")
                // ranked sixth
                .doesNotContain("South Zone");
    }

    @Test
    void shouldServeDailyPassengersChartAsPng() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T10:00:00Z"));

        assertPng(mvc.get().uri("/charts/transport/daily-passengers.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeTopBoardingAreasChartAsPng() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T10:30:00Z"));

        assertPng(mvc.get().uri("/charts/transport/top-boarding-areas.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeDailyPassengersChartAsSvgWithOneTooltipPerDay() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T12:00:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/transport/daily-passengers.svg").exchange(), 640, 440);

        // in date order, although the file is not
        assertThat(svg.titles()).containsExactly("2025-03-13, Passengers: 122,345", "2025-03-14, Passengers: 90,000");
        assertThat(svg.fills()).containsOnly(ChartPalette.color(0));
    }

    @Test
    void shouldServeTopBoardingAreasChartAsSvgWithOneTooltipPerBarOfTheTopFive() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T12:30:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/transport/top-boarding-areas.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactly("Centro (Downtown), Trips: 3,500", "East Zone (Vergel/Kanasín), Trips: 1,500",
                "North Zone (Altabrisa/Montejo), Trips: 1,490", "West Zone (Caucel/Juan Pablo II), Trips: 1,480",
                "Circuito Route Stop, Trips: 1,030");
        assertThat(svg.fills()).containsOnly(ChartPalette.color(0));
    }

    @Test
    void shouldDrawTheChartsIntoThePageWithAltTextAndTheirDataAsTables() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T13:00:00Z"));

        assertThat(compactHtml("/dashboard"))
                .contains("<div class=\"chart\" role=\"img\" aria-label=\"Line chart of the number of passengers per UTC day\"><svg ")
                .contains("<title>2025-03-13, Passengers: 122,345</title>")
                .contains("<tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\" class=\"num\">Passengers</th></tr>")
                .contains("<tr><th scope=\"row\">2025-03-13</th><td class=\"num\">122,345</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-14</th><td class=\"num\">90,000</td></tr></tbody>")
                .contains("aria-label=\"Horizontal bar chart of the five boarding areas with the most trips, most trips at the top\"><svg ")
                .contains("<tr><th scope=\"col\">Boarding area</th><th scope=\"col\" class=\"num\">Trips</th></tr>")
                .contains("<tr><th scope=\"row\">Centro (Downtown)</th><td class=\"num\">3,500</td></tr>"
                        + "<tr><th scope=\"row\">East Zone (Vergel/Kanasín)</th><td class=\"num\">1,500</td></tr>"
                        + "<tr><th scope=\"row\">North Zone (Altabrisa/Montejo)</th><td class=\"num\">1,490</td></tr>"
                        + "<tr><th scope=\"row\">West Zone (Caucel/Juan Pablo II)</th><td class=\"num\">1,480</td></tr>"
                        + "<tr><th scope=\"row\">Circuito Route Stop</th><td class=\"num\">1,030</td></tr></tbody>");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFilesAreMissing() {
        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("No transportation data yet")
                .contains("curl -X POST localhost:8090/api/streams/transportation-stats/bursts")
                .contains("-d '{\"events\":10000}'")
                .contains("<code>processed_transport/transport_kpi_summary.csv</code>")
                .contains("<code>processed_transport/transport_kpi_boarding_areas.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFilesHaveOnlyHeaders() throws IOException {
        TransportSamples.writeHeadersOnly(dataDir, Instant.parse("2025-03-14T11:00:00Z"));

        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("The transportation files count no trips yet")
                .contains("curl -X POST localhost:8090/api/streams/transportation-stats/bursts")
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldShowErrorBannerWithFileAndLineWhenAFileIsMalformed() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T11:30:00Z"));
        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY_MALFORMED, Instant.parse("2025-03-14T11:30:00Z"));

        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The transportation data could not be read.")
                .contains(HtmlUtils.htmlEscape("processed_transport/transport_kpi_summary.csv line 2: column 'total_trips': 'many' is not a whole number"))
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldAnswerNotFoundForChartsWithoutData() {
        assertThat(mvc.get().uri("/charts/transport/daily-passengers.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/transport/top-boarding-areas.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/transport/daily-passengers.svg")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/transport/top-boarding-areas.svg")).hasStatus(404);
    }

    @Test
    void shouldAnswerANewVersionOnceAnyOfTheFilesChanges() throws IOException {
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .hasHeader("Cache-Control", "no-store")
                .bodyText().isEqualTo("{\"version\":\"none\",\"updated\":null}");

        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, Instant.parse("2025-03-14T09:30:00Z"));
        TransportSamples.writeBoardingAreas(dataDir, TransportSamples.BOARDING_AREAS, Instant.parse("2025-03-14T09:30:00Z"));
        // two files of three: still no numbers to show, but a version of its own
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"61bc69997f7f469f\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY, Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"65e9313de2ef594e\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, Instant.parse("2025-03-14T09:31:30Z"));
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"03cb7edb67c68b65\",\"updated\":\"2025-03-14T09:31:30Z\"}");
        assertThat(mvc.get().uri("/dashboard")).bodyText()
                .contains("data-version=\"03cb7edb67c68b65\"")
                .contains("href=\"/charts/transport/daily-passengers.png?v=03cb7edb67c68b65\"")
                .contains("href=\"/charts/transport/daily-passengers.svg?v=03cb7edb67c68b65\"")
                .contains("<time datetime=\"2025-03-14T09:31:30Z\">2025-03-14 09:31:30 UTC</time>");
    }
}
