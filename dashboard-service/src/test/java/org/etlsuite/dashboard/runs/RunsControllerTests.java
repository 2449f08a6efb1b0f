package org.etlsuite.dashboard.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.security.DashboardSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

/** The runs page over MVC, reading a WireMock stand-in for the transformer's run API. */
@WebMvcTest(RunsController.class)
@Import({RunsService.class, TransformerClient.class, DashboardSecurityConfiguration.class})
@EnableConfigurationProperties(EtlProperties.class)
class RunsControllerTests {

    @RegisterExtension
    static final WireMockExtension transformer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void transformerUrl(DynamicPropertyRegistry registry) {
        registry.add("etl.dashboard.transformer-url", transformer::baseUrl);
    }

    @Autowired
    MockMvcTester mvc;

    private static void stubPipelinesAndRuns() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson(TransformerSamples.PIPELINES)));
        transformer.stubFor(get("/api/pipelines/urban-sensors/runs?size=10").willReturn(okJson(TransformerSamples.URBAN_RUNS)));
        transformer.stubFor(get("/api/pipelines/transportation/runs?size=10").willReturn(okJson(TransformerSamples.NO_RUNS)));
    }

    @Test
    void shouldShowEachPipelineWithItsScheduleAndLatestRuns() {
        stubPipelinesAndRuns();

        assertThat(mvc.get().uri("/runs")).hasStatusOk()
                .hasViewName("runs/dashboard")
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("<title>Pipeline runs · ETL Suite</title>")
                .contains("<a href=\"/runs\" class=\"active\">Pipeline runs</a>")
                .contains("<h2>urban-sensors</h2>")
                .contains("<span class=\"badge badge-paused\">paused</span>")
                .contains("<dt>DAG id</dt><dd><code>VMI_URBAN_SENSORS_ELT</code></dd>")
                .contains("<dt>Schedule</dt><dd><code>0 0 * * * * (UTC)</code></dd>")
                .contains("<dt>Next fire time</dt><dd>2026-11-26 02:00:00 UTC</dd>")
                .contains("Runs <span class=\"muted small\">(latest 2 of 12)</span>")
                .contains("<span class=\"badge badge-active\">active</span>")
                .contains("Now: <a href=\"/runs/21\">run 21</a> is queued or running.")
                .contains("Runs <span class=\"muted small\">(none yet)</span>")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void shouldShowEveryColumnOfARunWithExactValues() throws Exception {
        stubPipelinesAndRuns();

        String body = mvc.get().uri("/runs").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(between(body, "<tbody id=\"run-17\">", "</tbody>")).containsSubsequence(
                "<td><a href=\"/runs/17\">17</a></td>", "<td>api</td>", "<span class=\"badge badge-success\">success</span>",
                "<td>2026-11-26 01:05:00</td>", "<td>42.3 s</td>",
                "<td class=\"num\">5,000</td>", "<td class=\"num\">4,754</td>", "<td class=\"num\">246</td>", "<td class=\"num\">0</td>",
                "<span class=\"attempts\">1 attempt</span>", "<span class=\"attempts\">2 attempts</span>",
                "<span class=\"attempts\">1 attempt</span>", "<span class=\"attempts\">1 attempt</span>",
                "Raw: <code>raw/urban_sensors_raw_20261126_0105.csv</code>",
                "Processed: <code>processed/urban_sensors_processed_20261126_0105_17.csv</code>");
        assertThat(between(body, "<tbody id=\"run-18\">", "</tbody>")).containsSubsequence(
                "<td><a href=\"/runs/18\">18</a></td>", "<td>schedule</td>", "<span class=\"badge badge-failed\">failed</span>",
                "<td>2026-11-26 02:00:00</td>", "<td>7 min 10 s</td>",
                "<td class=\"num\">500</td>", "<td class=\"num\">–</td>",
                "<span class=\"badge badge-success\">success</span>",
                "<td class=\"task\" title=\"Kafka Streams did not process the range within PT2S\">",
                "<span class=\"badge badge-failed\">failed</span>", "<span class=\"attempts\">3 attempts</span>",
                "<span class=\"badge badge-skipped\">skipped</span>", "<span class=\"badge badge-skipped\">skipped</span>",
                ">await: Kafka Streams did not process the range within PT2S…</span>")
                .doesNotContain("Raw:");
    }

    @Test
    void shouldExplainHowToStartARunOfTheFirstPipeline() {
        stubPipelinesAndRuns();

        assertThat(mvc.get().uri("/runs")).bodyText()
                .contains("curl -u \"$ETL_API_USER:$ETL_API_PASSWORD\" -X POST localhost:8091/api/pipelines/urban-sensors/runs \\\n"
                        + "  -H 'Content-Type: application/json' -d '{\"events\":5000}'")
                .contains("No runs yet: start one with the form below.");
    }

    @Test
    void shouldAnswerOkWithABannerNamingTheUrlWhenTheTransformerAnswersAnError() {
        transformer.stubFor(get("/api/pipelines").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_500)));

        assertThat(mvc.get().uri("/runs")).hasStatusOk()
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The pipeline runs could not be loaded from the transformer-service at " + transformer.baseUrl() + ".")
                .contains("<p class=\"error-detail\">GET " + transformer.baseUrl()
                        + "/api/pipelines: answered 500 Internal Server Error: could not open a connection to PostgreSQL</p>")
                .contains("The page asks again on every reload.")
                .contains("-X POST localhost:8091/api/pipelines/urban-sensors/runs")
                .doesNotContain("pipeline-card")
                .doesNotContain("No pipelines");
    }

    @Test
    void shouldKeepThePipelinesAndStopAskingWhenTheirRunsCannotBeLoaded() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson(TransformerSamples.PIPELINES)));
        transformer.stubFor(get("/api/pipelines/urban-sensors/runs?size=10").willReturn(aResponse().withStatus(502)));

        assertThat(mvc.get().uri("/runs")).hasStatusOk()
                .bodyText()
                .contains(HtmlUtils.htmlEscape("GET " + transformer.baseUrl() + "/api/pipelines/urban-sensors/runs?size=10: answered 502 Bad Gateway"))
                .contains("<h2>urban-sensors</h2>")
                .contains("<h2>transportation</h2>")
                .contains("Runs not loaded: see the error above.")
                .doesNotContain("runs-table");
        transformer.verify(0, getRequestedFor(urlEqualTo("/api/pipelines/transportation/runs?size=10")));
    }

    @Test
    void shouldSayWhenTheTransformerListsNoPipelines() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson("[]")));

        assertThat(mvc.get().uri("/runs")).hasStatusOk()
                .bodyText()
                .contains("<h2>No pipelines</h2>")
                .doesNotContain("role=\"alert\"");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("position of %s", start).isNotNegative();
        return text.substring(from, text.indexOf(end, from));
    }
}
