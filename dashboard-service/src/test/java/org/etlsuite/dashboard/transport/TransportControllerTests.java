package org.etlsuite.dashboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
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
                TransportKpiFiles.BoardingAreas.RELATIVE_PATH, TransportKpiFiles.Routes.RELATIVE_PATH, TransportKpiFiles.Fares.RELATIVE_PATH);
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
                .contains("<main class=\"container\" data-version=\"2bb496c5a86ecffd\" data-version-url=\"/dashboard/version\">")
                .contains("<time datetime=\"2025-03-14T09:30:00Z\">2025-03-14 09:30:00 UTC</time>")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .contains("href=\"/charts/transport/daily-passengers.png?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/daily-passengers.svg?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/top-boarding-areas.png?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/top-boarding-areas.svg?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/trips-by-route-type.png?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/trips-by-route-type.svg?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/trips-by-fare.png?v=2bb496c5a86ecffd\"")
                .contains("href=\"/charts/transport/trips-by-fare.svg?v=2bb496c5a86ecffd\"")
                .contains("<p class=\"small muted\" id=\"daily-shown\">Days shown: 2025-03-13 to 2025-03-14</p>")
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
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/transportation-stats/bursts")
                .contains("-d '{\"events\":10000}'")
                .contains("<code>processed_transport/transport_kpi_summary.csv</code>")
                .contains("<code>processed_transport/transport_kpi_boarding_areas.csv</code>")
                .contains("<code>processed_transport/transport_kpi_routes.csv</code>")
                .contains("<code>processed_transport/transport_kpi_fares.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFilesHaveOnlyHeaders() throws IOException {
        TransportSamples.writeHeadersOnly(dataDir, Instant.parse("2025-03-14T11:00:00Z"));

        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("The transportation files count no trips yet")
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/transportation-stats/bursts")
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
        assertThat(mvc.get().uri("/charts/transport/trips-by-route-type.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/transport/trips-by-route-type.svg")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/transport/trips-by-fare.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/transport/trips-by-fare.svg")).hasStatus(404);
    }

    @Test
    void shouldAnswerANewVersionOnceAnyOfTheFilesChanges() throws IOException {
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .hasHeader("Cache-Control", "no-store")
                .bodyText().isEqualTo("{\"version\":\"none\",\"updated\":null}");

        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, Instant.parse("2025-03-14T09:30:00Z"));
        TransportSamples.writeBoardingAreas(dataDir, TransportSamples.BOARDING_AREAS, Instant.parse("2025-03-14T09:30:00Z"));
        // two files of five: still no numbers to show, but a version of its own
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"ff9fea3c7dc90e5c\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        TransportSamples.writeSummary(dataDir, TransportSamples.SUMMARY, Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"f1e0f6aaaa20b45e\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        TransportSamples.writeRoutes(dataDir, TransportSamples.ROUTES, Instant.parse("2025-03-14T09:30:00Z"));
        TransportSamples.writeFares(dataDir, TransportSamples.FARES, Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"2bb496c5a86ecffd\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY, Instant.parse("2025-03-14T09:31:30Z"));
        assertThat(mvc.get().uri("/dashboard/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"f7b4804d2ce6202a\",\"updated\":\"2025-03-14T09:31:30Z\"}");
        assertThat(mvc.get().uri("/dashboard")).bodyText()
                .contains("data-version=\"f7b4804d2ce6202a\"")
                .contains("href=\"/charts/transport/daily-passengers.png?v=f7b4804d2ce6202a\"")
                .contains("href=\"/charts/transport/daily-passengers.svg?v=f7b4804d2ce6202a\"")
                .contains("<time datetime=\"2025-03-14T09:31:30Z\">2025-03-14 09:31:30 UTC</time>");
    }

    @Test
    void shouldShowTripsMeanDurationAndRevenueByRouteType() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T14:00:00Z"));

        assertThat(compactHtml("/dashboard"))
                .contains("<h2>Trips by route type</h2>")
                .contains("<thead><tr><th>Route type</th><th class=\"num\">Trips</th><th class=\"num\">Mean duration (min)</th>"
                        + "<th class=\"num\">Revenue (MXN)</th></tr></thead>")
                .contains("<tbody><tr><td>Ie-Tram Corridor</td><td class=\"num\">1,500</td><td class=\"num\">28.2</td><td class=\"num\">18,000.00</td></tr>"
                        + "<tr><td>Suburban/Connecting Route</td><td class=\"num\">1,000</td><td class=\"num\">47.5</td><td class=\"num\">12,000.25</td></tr>"
                        + "<tr><td>Urban/Feeder Route</td><td class=\"num\">3,000</td><td class=\"num\">35.0</td><td class=\"num\">36,000.00</td></tr>"
                        + "<tr><td>Urban/Metropolitan Circuito</td><td class=\"num\">4,500</td><td class=\"num\">32.5</td><td class=\"num\">54,000.25</td></tr>"
                        + "</tbody>")
                // the chart's own data table, read from the drawn chart
                .contains("aria-label=\"Horizontal bar chart of the number of trips per route type\"><svg ")
                .contains("<tr><th scope=\"col\">Route type</th><th scope=\"col\" class=\"num\">Trips</th></tr>")
                .contains("<tr><th scope=\"row\">Ie-Tram Corridor</th><td class=\"num\">1,500</td></tr>"
                        + "<tr><th scope=\"row\">Suburban/Connecting Route</th><td class=\"num\">1,000</td></tr>"
                        + "<tr><th scope=\"row\">Urban/Feeder Route</th><td class=\"num\">3,000</td></tr>"
                        + "<tr><th scope=\"row\">Urban/Metropolitan Circuito</th><td class=\"num\">4,500</td></tr></tbody>");
    }

    @Test
    void shouldShowTripsByFareTypeAndPaymentMethodWithARowPerBar() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T14:30:00Z"));

        assertThat(compactHtml("/dashboard"))
                .contains("<h2>Trips by fare type and payment method</h2>")
                .contains("aria-label=\"Grouped bar chart of the number of trips per fare type, one bar per payment method\"><svg ")
                .contains("<title>Regular, Card, Trips: 4,100</title>")
                .contains("<tr><th scope=\"col\">Fare type</th><th scope=\"col\">Payment method</th>"
                        + "<th scope=\"col\" class=\"num\">Trips</th></tr>")
                // no student fare was paid by QR: no row for it
                .contains("<tbody><tr><th scope=\"row\">Regular</th><th scope=\"row\">Card</th><td class=\"num\">4,100</td></tr>"
                        + "<tr><th scope=\"row\">Regular</th><th scope=\"row\">QR</th><td class=\"num\">2,900</td></tr>"
                        + "<tr><th scope=\"row\">Student/Senior/Disability</th><th scope=\"row\">Card</th>"
                        + "<td class=\"num\">3,000</td></tr></tbody>");
    }

    @Test
    void shouldServeRouteTypeChartAsSvgWithOneTooltipPerRouteTypeAndAsPng() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T15:00:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/transport/trips-by-route-type.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactly("Ie-Tram Corridor, Trips: 1,500", "Suburban/Connecting Route, Trips: 1,000",
                "Urban/Feeder Route, Trips: 3,000", "Urban/Metropolitan Circuito, Trips: 4,500");
        assertThat(svg.fills()).containsOnly(ChartPalette.color(0));
        assertPng(mvc.get().uri("/charts/transport/trips-by-route-type.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeFaresChartAsSvgWithOneBarPerFareTypeAndPaymentMethodInThePaymentMethodsColoursAndAsPng() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T15:30:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/transport/trips-by-fare.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactly("Regular, Card, Trips: 4,100", "Regular, QR, Trips: 2,900",
                "Student/Senior/Disability, Card, Trips: 3,000");
        // Card and QR, by name
        assertThat(svg.fills()).containsExactly(ChartPalette.color(0), ChartPalette.color(1), ChartPalette.color(0));
        assertPng(mvc.get().uri("/charts/transport/trips-by-fare.png").exchange(), 640, 440);
    }

    @Test
    void shouldOfferTheTimeRangesAndDrawTheDailyChartForTheOneChosen() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T16:00:00Z"));
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY_OVER_TWO_WEEKS, Instant.parse("2025-03-14T16:00:00Z"));

        String lastWeek = compactHtml("/dashboard?range=7d");

        assertThat(lastWeek)
                .contains("<nav class=\"view-choices\" aria-label=\"Time range\"><span class=\"view-choices-label\">Time range:</span>")
                .contains("<a href=\"/dashboard?range=24h\"><span>24 hours</span></a>")
                .contains("<a href=\"/dashboard?range=7d\" class=\"current\" aria-current=\"page\"><span>7 days</span></a>")
                .contains("<a href=\"/dashboard\"><span>All</span></a>")
                .contains("<p class=\"small muted\" id=\"daily-shown\">Days shown: 2025-03-08 to 2025-03-14</p>")
                .containsPattern("href=\"/charts/transport/daily-passengers\\.png\\?range=7d&amp;v=[0-9a-f]{16}\"")
                .containsPattern("href=\"/charts/transport/daily-passengers\\.svg\\?range=7d&amp;v=[0-9a-f]{16}\"")
                .contains("<tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\" class=\"num\">Passengers</th></tr>")
                .contains("<tbody><tr><th scope=\"row\">2025-03-08</th><td class=\"num\">14,000</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-10</th><td class=\"num\">16,000</td></tr>"
                        + "<tr><th scope=\"row\">2025-03-14</th><td class=\"num\">18,000</td></tr></tbody>")
                // the tiles stay over the whole file, and so does the period under the trips
                .contains("<span class=\"kpi-value\" id=\"kpi-trips\">10,000</span>")
                .contains("<span class=\"kpi-hint\">2025-03-01 to 2025-03-14</span>")
                // the other charts are the same for every range
                .contains("href=\"/charts/transport/top-boarding-areas.png?v=");
        assertThat(compactHtml("/dashboard?range=24h"))
                .contains("<p class=\"small muted\" id=\"daily-shown\">Days shown: 2025-03-14</p>")
                .contains("<tbody><tr><th scope=\"row\">2025-03-14</th><td class=\"num\">18,000</td></tr></tbody>");
        assertThat(compactHtml("/dashboard"))
                .contains("<a href=\"/dashboard\" class=\"current\" aria-current=\"page\"><span>All</span></a>")
                .contains("<p class=\"small muted\" id=\"daily-shown\">Days shown: 2025-03-01 to 2025-03-14</p>");
    }

    @Test
    void shouldServeTheDailyChartForTheRangeAsked() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T16:30:00Z"));
        TransportSamples.writeDaily(dataDir, TransportSamples.DAILY_OVER_TWO_WEEKS, Instant.parse("2025-03-14T16:30:00Z"));

        assertThat(assertSvg(mvc.get().uri("/charts/transport/daily-passengers.svg?range=24h").exchange(), 640, 440).titles())
                .containsExactly("2025-03-14, Passengers: 18,000");
        assertThat(assertSvg(mvc.get().uri("/charts/transport/daily-passengers.svg?range=7d").exchange(), 640, 440).titles())
                .containsExactly("2025-03-08, Passengers: 14,000", "2025-03-10, Passengers: 16,000", "2025-03-14, Passengers: 18,000");
        assertThat(assertSvg(mvc.get().uri("/charts/transport/daily-passengers.svg?range=all").exchange(), 640, 440).titles()).hasSize(5);
        assertPng(mvc.get().uri("/charts/transport/daily-passengers.png?range=24h").exchange(), 640, 440);
    }

    @Test
    void shouldAnswer400WithTheReasonForARangeThereIsNot() throws Exception {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T17:00:00Z"));

        for (String path : List.of("/dashboard?range=bogus", "/charts/transport/daily-passengers.svg?range=bogus",
                "/charts/transport/daily-passengers.png?range=bogus")) {
            MvcTestResult result = mvc.get().uri(path).exchange();

            assertThat(result).as(path).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponse().getErrorMessage()).as(path).isEqualTo("The time range 'bogus' is not one of 24h, 7d, all.");
        }
    }

    @Test
    void shouldExplainHowToGenerateDataWhileTheRouteOrFareFileIsMissing() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T17:30:00Z"));
        Files.delete(dataDir.resolve(TransportKpiFiles.Routes.RELATIVE_PATH));

        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("No transportation data yet")
                .contains("<code>processed_transport/transport_kpi_routes.csv</code>")
                .doesNotContain("kpi-revenue");
        assertThat(mvc.get().uri("/charts/transport/trips-by-route-type.svg")).hasStatus(404);

        TransportSamples.writeRoutes(dataDir, TransportSamples.ROUTES, Instant.parse("2025-03-14T17:30:00Z"));
        Files.delete(dataDir.resolve(TransportKpiFiles.Fares.RELATIVE_PATH));
        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("No transportation data yet")
                .doesNotContain("kpi-revenue");
    }

    @Test
    void shouldShowErrorBannerWithFileAndLineWhenTheRouteOrFareFileIsMalformed() throws IOException {
        TransportSamples.writeAll(dataDir, Instant.parse("2025-03-14T18:00:00Z"));
        TransportSamples.writeFares(dataDir, TransportSamples.FARES_HEADER_ONLY + "Regular,QR,1,twelve\n", Instant.parse("2025-03-14T18:00:00Z"));
        TransportSamples.writeRoutes(dataDir, "route_type,trips\nIe-Tram Corridor,1\n", Instant.parse("2025-03-14T18:00:00Z"));

        assertThat(mvc.get().uri("/dashboard")).hasStatusOk()
                .bodyText()
                .contains("The transportation data could not be read.")
                .contains(HtmlUtils.htmlEscape("processed_transport/transport_kpi_routes.csv line 1: missing column(s) "
                        + "'mean_duration_minutes', 'revenue' in header [route_type,trips]"))
                .contains(HtmlUtils.htmlEscape("processed_transport/transport_kpi_fares.csv line 2: column 'revenue': 'twelve' is not a number"))
                .doesNotContain("kpi-revenue");
        assertThat(mvc.get().uri("/charts/transport/trips-by-fare.svg")).hasStatus(404);
    }
}
