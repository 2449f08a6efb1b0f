package org.etlsuite.dashboard.urban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The urban page and its charts over MVC, reading a real file in a temporary data directory.
 * Every test writes the file with its own last-modified time, so the service's per-version cache
 * never serves one test's file to another.
 */
@WebMvcTest({UrbanController.class, UrbanChartController.class})
@Import(UrbanDashboardService.class)
class UrbanControllerTests extends DashboardMvcTestSupport {

    @Override
    protected List<String> dataFiles() {
        return List.of(UrbanAggregateCsv.FILE);
    }

    @Test
    void shouldShowKpiTilesInsightAndChartsWhenFileHasRows() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T09:30:00Z"));

        assertThat(mvc.get().uri("/urban")).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("<span class=\"kpi-value\" id=\"kpi-pollution\">37.75</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-readings\">16,000</span>")
                .contains("<span class=\"kpi-value\" id=\"kpi-zones\">3</span>")
                .contains("id=\"kpi-updated\">2025-03-14 09:30:00 UTC</span>")
                .contains("<p class=\"insight\" id=\"insight\">Emiliano Zapata is the loudest zone with a mean of 71.3 dB.</p>")
                .contains("<p class=\"insight\" id=\"insight-correlation\">Vehicle count and pollution index show a moderate positive"
                        + " correlation (r = 0.74) over 5 hourly buckets.</p>")
                .contains("<main class=\"container\" data-version=\"cacca3c5a5bda170\" data-version-url=\"/urban/version\">")
                .contains("<time datetime=\"2025-03-14T09:30:00Z\">2025-03-14 09:30:00 UTC</time>")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .contains("href=\"/charts/urban/noise-by-zone.png?v=cacca3c5a5bda170\"")
                .contains("href=\"/charts/urban/noise-by-zone.svg?v=cacca3c5a5bda170\"")
                .contains("href=\"/charts/urban/traffic-vs-pollution.png?v=cacca3c5a5bda170\"")
                .contains("href=\"/charts/urban/traffic-vs-pollution.svg?v=cacca3c5a5bda170\"")
                .contains("<td>64.5 dB</td>")
                .contains("Data file:")
                .contains("<code>processed/urban_sensors_processed_aggregated.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("No urban sensor data yet")
                .doesNotContain("could not be read");
    }

    @Test
    void shouldServeNoiseChartAsPng() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T10:00:00Z"));

        assertPng(mvc.get().uri("/charts/urban/noise-by-zone.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeScatterChartAsPng() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T10:30:00Z"));

        assertPng(mvc.get().uri("/charts/urban/traffic-vs-pollution.png").exchange(), 640, 440);
    }

    @Test
    void shouldServeNoiseChartAsSvgWithOneTooltipPerZoneGivingItsExactMean() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T12:00:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/urban/noise-by-zone.svg").exchange(), 640, 440);

        // the bars' labels say 71.3; the tooltips give the means unrounded
        assertThat(svg.titles()).containsExactly("Centro, Mean noise (dB): 64.5", "Emiliano Zapata, Mean noise (dB): 71.25",
                "Kanasin, Mean noise (dB): 55.25");
        assertThat(svg.fills()).containsExactly(ChartPalette.zoneColor("Centro"), ChartPalette.zoneColor("Emiliano Zapata"),
                ChartPalette.zoneColor("Kanasin"));
    }

    @Test
    void shouldServeScatterChartAsSvgWithOneSeriesPerZoneAndOneTooltipPerRow() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T12:30:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/urban/traffic-vs-pollution.svg").exchange(), 640, 440);

        // the last zone is drawn first, so that the first lies on top
        assertThat(svg.titles()).containsExactly(
                "Kanasin, Mean vehicle count per hour: 60, Mean pollution index: 36",
                "Emiliano Zapata, Mean vehicle count per hour: 150, Mean pollution index: 58",
                "Emiliano Zapata, Mean vehicle count per hour: 90, Mean pollution index: 16",
                "Centro, Mean vehicle count per hour: 120.5, Mean pollution index: 48",
                "Centro, Mean vehicle count per hour: 80, Mean pollution index: 24");
        assertThat(svg.distinctFills()).containsExactly(ChartPalette.zoneColor("Kanasin"), ChartPalette.zoneColor("Emiliano Zapata"),
                ChartPalette.zoneColor("Centro"));
    }

    @Test
    void shouldDrawEachZoneInItsOneColourOnBothChartsAndInTheTable() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T13:00:00Z"));

        ChartSvg noise = assertSvg(mvc.get().uri("/charts/urban/noise-by-zone.svg").exchange(), 640, 440);
        ChartSvg scatter = assertSvg(mvc.get().uri("/charts/urban/traffic-vs-pollution.svg").exchange(), 640, 440);

        assertThat(scatter.fillsByName()).containsExactlyInAnyOrderEntriesOf(noise.fillsByName())
                .containsEntry("Centro", Set.of(ChartPalette.zoneColor("Centro")));
        assertThat(noise.fills()).doesNotHaveDuplicates().isSubsetOf(ChartPalette.colors());
        assertThat(mvc.get().uri("/urban")).bodyText()
                .contains("style=\"background:#0072b2\"></span><span>Centro</span>")
                .contains("style=\"background:#cc79a7\"></span><span>Emiliano Zapata</span>")
                .contains("style=\"background:#d55e00\"></span><span>Kanasin</span>");
    }

    @Test
    void shouldDrawTheChartsIntoThePageWithAltTextAndTheirDataAsTables() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T13:30:00Z"));

        assertThat(compactHtml("/urban"))
                .contains("<div class=\"chart\" role=\"img\" aria-label=\"Bar chart of the mean noise level per zone, weighted by readings\"><svg ")
                .contains("<title>Emiliano Zapata, Mean noise (dB): 71.25</title>")
                .contains("<details class=\"chart-data\"><summary>Data of this chart</summary>")
                .contains("<tr><th scope=\"col\">Zone</th><th scope=\"col\" class=\"num\">Mean noise (dB)</th></tr>")
                .contains("<tr><th scope=\"row\">Centro</th><td class=\"num\">64.5</td></tr>"
                        + "<tr><th scope=\"row\">Emiliano Zapata</th><td class=\"num\">71.25</td></tr>"
                        + "<tr><th scope=\"row\">Kanasin</th><td class=\"num\">55.25</td></tr>")
                .contains("aria-label=\"Scatter chart of mean vehicle count against mean pollution index, one point per zone and hour or day, coloured by zone\"><svg ")
                .contains("<tr><th scope=\"col\">Zone</th><th scope=\"col\" class=\"num\">Mean vehicle count per hour</th>"
                        + "<th scope=\"col\" class=\"num\">Mean pollution index</th></tr>")
                .contains("<tr><th scope=\"row\">Centro</th><td class=\"num\">120.5</td><td class=\"num\">48</td></tr>"
                        + "<tr><th scope=\"row\">Centro</th><td class=\"num\">80</td><td class=\"num\">24</td></tr>"
                        + "<tr><th scope=\"row\">Emiliano Zapata</th><td class=\"num\">150</td><td class=\"num\">58</td></tr>"
                        + "<tr><th scope=\"row\">Emiliano Zapata</th><td class=\"num\">90</td><td class=\"num\">16</td></tr>"
                        + "<tr><th scope=\"row\">Kanasin</th><td class=\"num\">60</td><td class=\"num\">36</td></tr></tbody>");
    }

    @Test
    void shouldDrawTheChartsOfTheFreshPageFromTheDataOfItsNewVersion() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T14:00:00Z"));

        assertThat(compactHtml("/urban"))
                .contains("<main class=\"container\" data-version=\"1ff19ac84c32806e\" data-version-url=\"/urban/version\">")
                .contains("<title>Kanasin, Mean noise (dB): 55.25</title>")
                .contains("<tr><th scope=\"row\">Kanasin</th><td class=\"num\">55.25</td></tr>");

        // live.js swaps in the whole <main> of the page fetched again, inline SVG included: it must be drawn anew
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE.replace("36.0,55.25", "36.0,60.5"), Instant.parse("2025-03-14T14:00:01Z"));

        assertThat(mvc.get().uri("/urban/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"ed7012494227bf04\",\"updated\":\"2025-03-14T14:00:01Z\"}");
        assertThat(compactHtml("/urban"))
                .contains("<main class=\"container\" data-version=\"ed7012494227bf04\" data-version-url=\"/urban/version\">")
                .contains("<title>Kanasin, Mean noise (dB): 60.5</title>")
                .contains("<tr><th scope=\"row\">Kanasin</th><td class=\"num\">60.5</td></tr>")
                .contains("href=\"/charts/urban/noise-by-zone.svg?v=ed7012494227bf04\"")
                .contains("href=\"/charts/urban/noise-by-zone.png?v=ed7012494227bf04\"")
                .doesNotContain("<title>Kanasin, Mean noise (dB): 55.25</title>")
                .doesNotContain("1ff19ac84c32806e");
    }

    @Test
    void shouldDrawThePollutionOfEachZoneOverItsHoursWithOneTooltipPerHour() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T15:00:00Z"));

        ChartSvg svg = assertSvg(mvc.get().uri("/charts/urban/pollution-over-time.svg").exchange(), 640, 440);

        assertThat(svg.titles()).containsExactlyInAnyOrder(
                "Centro, 2025-03-13 07:00, Mean pollution index: 48",
                "Centro, 2025-03-13 08:00, Mean pollution index: 24",
                "Emiliano Zapata, 2025-03-13 07:00, Mean pollution index: 58",
                "Emiliano Zapata, 2025-03-14 17:00, Mean pollution index: 16",
                "Kanasin, 2025-03-14 18:00, Mean pollution index: 36");
        assertThat(svg.fillsByName()).containsEntry("Kanasin", Set.of(ChartPalette.zoneColor("Kanasin")));
        assertThat(compactHtml("/urban"))
                // zone and hour name a row, only the index is aligned as a number
                .contains("<tr><th scope=\"col\">Zone</th><th scope=\"col\">Hour (UTC)</th>"
                        + "<th scope=\"col\" class=\"num\">Mean pollution index</th></tr>")
                .contains("<tr><th scope=\"row\">Centro</th><th scope=\"row\">2025-03-13 07:00</th><td class=\"num\">48</td></tr>")
                .contains("The traffic and pollution charts show 2025-03-13 07:00 to 2025-03-14 19:00 UTC, one point per zone and hour.");
    }

    @Test
    void shouldShowOneZoneAloneWhenItsLegendEntryIsChosen() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T15:30:00Z"));

        ChartSvg scatter = assertSvg(mvc.get().uri("/charts/urban/traffic-vs-pollution.svg?zone=Emiliano Zapata").exchange(), 640, 440);
        ChartSvg overTime = assertSvg(mvc.get().uri("/charts/urban/pollution-over-time.svg?zone=Emiliano Zapata").exchange(), 640, 440);

        assertThat(scatter.titles()).containsExactly(
                "Emiliano Zapata, Mean vehicle count per hour: 150, Mean pollution index: 58",
                "Emiliano Zapata, Mean vehicle count per hour: 90, Mean pollution index: 16");
        assertThat(overTime.titles()).containsExactly("Emiliano Zapata, 2025-03-13 07:00, Mean pollution index: 58",
                "Emiliano Zapata, 2025-03-14 17:00, Mean pollution index: 16");
        String page = compactHtml("/urban?zone=Emiliano Zapata");
        // the legend: every zone a link that keeps the time range, the chosen one marked
        assertThat(page)
                .contains("<a href=\"/urban\"><span>All zones</span></a>")
                .contains("<a href=\"/urban?zone=Centro\"><span class=\"swatch\" style=\"background:#0072b2\"></span><span>Centro</span></a>")
                .contains("<a href=\"/urban?zone=Emiliano%20Zapata\" class=\"current\" aria-current=\"page\"><span class=\"swatch\""
                        + " style=\"background:#cc79a7\"></span><span>Emiliano Zapata</span></a>")
                .contains("<a href=\"/urban?range=24h&amp;zone=Emiliano%20Zapata\"><span>24 hours</span></a>")
                .contains("href=\"/charts/urban/traffic-vs-pollution.svg?zone=Emiliano%20Zapata&amp;v=")
                .contains("<tr><th scope=\"row\">Emiliano Zapata</th><td class=\"num\">150</td><td class=\"num\">58</td></tr>")
                .doesNotContain("<td class=\"num\">120.5</td>")
                // the noise chart and the tiles stay over every zone
                .contains("<title>Centro, Mean noise (dB): 64.5</title>")
                .contains("id=\"kpi-readings\">16,000</span>");
    }

    @Test
    void shouldShowTheLast24HoursOfDataWhenThatRangeIsChosen() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T16:00:00Z"));

        ChartSvg scatter = assertSvg(mvc.get().uri("/charts/urban/traffic-vs-pollution.svg?range=24h").exchange(), 640, 440);

        assertThat(scatter.titles()).containsExactly("Kanasin, Mean vehicle count per hour: 60, Mean pollution index: 36",
                "Emiliano Zapata, Mean vehicle count per hour: 90, Mean pollution index: 16");
        assertThat(compactHtml("/urban?range=24h"))
                .contains("<a href=\"/urban?range=24h\" class=\"current\" aria-current=\"page\"><span>24 hours</span></a>")
                .contains("<a href=\"/urban?range=7d\"><span>7 days</span></a>")
                .contains("<a href=\"/urban\"><span>All</span></a>")
                .contains("The traffic and pollution charts show 2025-03-14 17:00 to 2025-03-14 19:00 UTC, one point per zone and hour.");
    }

    @Test
    void shouldDrawOnePointPerZoneAndDayOnceTheDataSpansMoreThanAWeek() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.HEADER_ONLY
                + "Centro,2025-03-01,7,3,100.0,35.0,40.0,40.0,40.0,60.0\n"
                + "Centro,2025-03-01,8,1,60.0,35.0,20.0,20.0,20.0,60.0\n"
                + "Centro,2025-03-09,7,2,50.0,35.0,10.0,10.0,10.0,60.0\n", Instant.parse("2025-03-14T16:30:00Z"));

        ChartSvg overTime = assertSvg(mvc.get().uri("/charts/urban/pollution-over-time.svg").exchange(), 640, 440);

        // (40*3 + 20*1) / 4 = 35
        assertThat(overTime.titles()).containsExactly("Centro, 2025-03-01, Mean pollution index: 35", "Centro, 2025-03-09, Mean pollution index: 10");
        assertThat(compactHtml("/urban"))
                .contains("<th scope=\"col\" class=\"num\">Daily mean vehicle count</th>")
                .contains("<tr><th scope=\"row\">Centro</th><td class=\"num\">90</td><td class=\"num\">35</td></tr>")
                .contains("The traffic and pollution charts show 2025-03-01 07:00 to 2025-03-09 08:00 UTC, one point per zone and day.");
    }

    @Test
    void shouldRefuseATimeRangeOrZoneThatDoesNotExistAndSayWhich() throws Exception {
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T17:00:00Z"));

        var range = mvc.get().uri("/urban?range=1y").exchange();
        var zone = mvc.get().uri("/charts/urban/traffic-vs-pollution.svg?zone=Atlantis").exchange();

        assertThat(range).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(range.getResponse().getErrorMessage()).isEqualTo("The time range '1y' is not one of 24h, 7d, all.");
        assertThat(zone).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(zone.getResponse().getErrorMessage())
                .isEqualTo("There is no zone 'Atlantis' in the data; the zones are Centro, Emiliano Zapata, Kanasin.");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFileIsMissing() {
        assertThat(mvc.get().uri("/urban")).hasStatusOk()
                .bodyText()
                .contains("No urban sensor data yet")
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/urban-sensors/bursts")
                .contains("-d '{\"events\":10000}'")
                .contains("<code>processed/urban_sensors_processed_aggregated.csv</code> in the data folder.")
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-pollution");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenFileHasOnlyHeader() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.HEADER_ONLY, Instant.parse("2025-03-14T11:00:00Z"));

        assertThat(mvc.get().uri("/urban")).hasStatusOk()
                .bodyText()
                .contains("The urban sensor file has no readings yet")
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/urban-sensors/bursts");
    }

    @Test
    void shouldShowErrorBannerWithFileAndLineWhenFileIsMalformed() throws IOException {
        UrbanSamples.write(dataDir, UrbanSamples.MALFORMED, Instant.parse("2025-03-14T11:30:00Z"));

        assertThat(mvc.get().uri("/urban")).hasStatusOk()
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The urban sensor data could not be read.")
                .contains(HtmlUtils.htmlEscape("processed/urban_sensors_processed_aggregated.csv line 3: column 'pm25': 'abc' is not a number"))
                .contains("<code>processed/urban_sensors_processed_aggregated.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("kpi-pollution");
    }

    @Test
    void shouldAnswerNotFoundForChartsWithoutData() {
        assertThat(mvc.get().uri("/charts/urban/noise-by-zone.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/urban/traffic-vs-pollution.png")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/urban/noise-by-zone.svg")).hasStatus(404);
        assertThat(mvc.get().uri("/charts/urban/traffic-vs-pollution.svg")).hasStatus(404);
    }

    @Test
    void shouldAnswerANewVersionOnceTheFileChanges() throws IOException {
        assertThat(mvc.get().uri("/urban/version")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .hasHeader("Cache-Control", "no-store")
                .bodyText().isEqualTo("{\"version\":\"none\",\"updated\":null}");

        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(mvc.get().uri("/urban/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"cacca3c5a5bda170\",\"updated\":\"2025-03-14T09:30:00Z\"}");

        // the same content written again a second later, then other content at that time
        UrbanSamples.write(dataDir, UrbanSamples.SAMPLE, Instant.parse("2025-03-14T09:30:01Z"));
        assertThat(mvc.get().uri("/urban/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"74460cbdca7a98c5\",\"updated\":\"2025-03-14T09:30:01Z\"}");
        UrbanSamples.write(dataDir, UrbanSamples.HEADER_ONLY, Instant.parse("2025-03-14T09:30:01Z"));
        assertThat(mvc.get().uri("/urban/version")).hasStatusOk()
                .bodyText().isEqualTo("{\"version\":\"4f2558676fa5b67b\",\"updated\":\"2025-03-14T09:30:01Z\"}");
        assertThat(mvc.get().uri("/urban")).bodyText()
                .contains("<main class=\"container\" data-version=\"4f2558676fa5b67b\" data-version-url=\"/urban/version\">")
                .contains("Data updated <time datetime=\"2025-03-14T09:30:01Z\">2025-03-14 09:30:01 UTC</time>");
    }

    @Test
    void shouldCarryTheNoneVersionAndNoDateWhileTheFileIsMissing() {
        assertThat(mvc.get().uri("/urban")).hasStatusOk()
                .bodyText()
                .contains("<main class=\"container\" data-version=\"none\" data-version-url=\"/urban/version\">")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .doesNotContain("Data updated");
    }
}
