package org.etlsuite.dashboard.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.server.ResponseStatusException;

/** The page of one run over MVC, reading a WireMock stand-in for {@code GET /api/runs/{id}}. */
@WebMvcTest(RunsController.class)
@Import({RunsService.class, TransformerClient.class, DashboardSecurityConfiguration.class})
@EnableConfigurationProperties(EtlProperties.class)
class RunPageTests {

    private static final String REFRESH = "<meta http-equiv=\"refresh\" content=\"2\">";

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

    private String page(long id, String run) throws Exception {
        transformer.stubFor(get("/api/runs/" + id).willReturn(okJson(run)));
        MvcTestResult result = mvc.get().uri("/runs/{id}", id).exchange();
        assertThat(result).hasStatusOk().hasViewName("runs/run").hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldShowEveryValueOfASuccessfulRunWithItsTasksAndAttempts() throws Exception {
        String body = page(17, TransformerSamples.SUCCESSFUL_RUN);

        assertThat(body).contains("<title>Run 17 · ETL Suite</title>")
                .contains("<a href=\"/runs\" class=\"active\">Pipeline runs</a>")
                .contains("<h1>Run 17</h1>")
                .contains("Of <a href=\"/runs#pipeline-urban-sensors\">urban-sensors</a>:")
                .doesNotContain("role=\"alert\"")
                .doesNotContain("id=\"run-error\"");
        assertThat(section(body, "run-summary")).containsSubsequence(
                "<dt>Pipeline</dt><dd>urban-sensors</dd>", "<dt>Trigger</dt><dd>api</dd>",
                "<dt>State</dt><dd><span class=\"badge badge-success\">success</span></dd>",
                "<dt>Queued (UTC)</dt><dd>2026-11-26 01:04:59</dd>", "<dt>Started (UTC)</dt><dd>2026-11-26 01:05:00</dd>",
                "<dt>Ended (UTC)</dt><dd>2026-11-26 01:05:42</dd>", "<dt>Duration</dt><dd>42.3 s</dd>");
        assertThat(section(body, "run-parameters")).containsSubsequence(
                "<dt>Source</dt><dd>a new burst from the producer</dd>", "<dt>Events</dt><dd>5,000</dd>",
                "<dt>Rate</dt><dd>1,000 per second</dd>", "<dt>Duration</dt><dd>–</dd>", "<dt>Seed</dt><dd>42</dd>",
                "<dt>Dirty fraction</dt><dd>0.05</dd>");
        assertThat(section(body, "run-counts")).containsSubsequence(
                "<dt>Generated</dt><dd>5,000</dd>", "<dt>Processed</dt><dd>4,754</dd>",
                "<dt>Rejected</dt><dd>246</dd>", "<dt>Duplicates</dt><dd>0</dd>");
        assertThat(section(body, "run-files")).containsSubsequence(
                "<dt>Raw</dt><dd><code>raw/urban_sensors_raw_20261126_0105.csv</code>",
                "<dt>Processed</dt><dd><code>processed/urban_sensors_processed_20261126_0105_17.csv</code>")
                .doesNotContain("not written");
        assertThat(task(body, "await")).containsSubsequence(
                "<h3>await</h3>", "<span class=\"badge badge-success\">success</span>", "<span class=\"small muted\">2 attempts</span>",
                "Started <span>2026-11-26 01:05:05</span>, ended", "<span>2026-11-26 01:05:40</span> (UTC).",
                "<td>1</td>", "<span class=\"badge badge-failed\">failed</span>", "<td>2026-11-26 01:05:05</td>",
                "<td>2026-11-26 01:05:07</td>", "<td>2.0 s</td>",
                "<td class=\"run-error\">Kafka Streams did not process the range within PT2S</td>",
                "<td>2</td>", "<span class=\"badge badge-success\">success</span>", "<td>2026-11-26 01:05:37</td>",
                "<td>2026-11-26 01:05:40</td>", "<td>2.5 s</td>", "<td class=\"run-error\"></td>");
        assertThat(body).containsSubsequence("id=\"task-extract\"", "id=\"task-await\"", "id=\"task-load-raw\"", "id=\"task-transform\"");
        assertThat(task(body, "transform")).containsSubsequence("<td>1</td>", "<td>2026-11-26 01:05:41</td>",
                "<td>2026-11-26 01:05:42</td>", "<td>1.3 s</td>");
    }

    @Test
    void shouldShowTheErrorOfAFailedRunInFullAndEveryFailedAttempt() throws Exception {
        String body = page(18, TransformerSamples.FAILED_RUN);

        assertThat(section(body, "run-summary")).contains("<span class=\"badge badge-failed\">failed</span>")
                .contains("<dt>Trigger</dt><dd>schedule</dd>").contains("<dt>Duration</dt><dd>7 min 10 s</dd>");
        assertThat(section(body, "run-error")).contains("<pre class=\"run-error-text\">await: Kafka Streams did not process the range "
                + "within PT2S\nlast committed offsets: 0=120</pre>");
        assertThat(section(body, "run-parameters")).containsSubsequence("<dt>Events</dt><dd>500</dd>",
                "<dt>Rate</dt><dd>as fast as possible</dd>", "<dt>Seed</dt><dd>–</dd>", "<dt>Dirty fraction</dt><dd>–</dd>");
        assertThat(section(body, "run-counts")).containsSubsequence("<dt>Generated</dt><dd>500</dd>",
                "<dt>Processed</dt><dd>–</dd>", "<dt>Rejected</dt><dd>–</dd>", "<dt>Duplicates</dt><dd>–</dd>");
        assertThat(section(body, "run-files")).containsSubsequence("<dt>Raw</dt>", "not written", "<dt>Processed</dt>", "not written")
                .doesNotContain("<code>");
        assertThat(task(body, "await")).containsSubsequence(
                "<span class=\"badge badge-failed\">failed</span>", "<span class=\"small muted\">3 attempts</span>",
                "<p class=\"small run-error\">Kafka Streams did not process the range within PT2S</p>",
                "<td>1</td>", "<td>2026-11-26 02:00:01</td>", "<td>2026-11-26 02:00:03</td>", "<td>2.0 s</td>",
                "<td class=\"run-error\">the consumer group lags 480 records behind</td>",
                "<td>2</td>", "<td>2026-11-26 02:02:03</td>", "<td>2026-11-26 02:02:05</td>", "<td>2.0 s</td>",
                "<td class=\"run-error\">the consumer group lags 200 records behind</td>",
                "<td>3</td>", "<td>2026-11-26 02:06:05</td>", "<td>2026-11-26 02:07:10</td>", "<td>1 min 05 s</td>",
                "<td class=\"run-error\">Kafka Streams did not process the range within PT2S</td>");
        assertThat(task(body, "load-raw")).contains("<span class=\"badge badge-skipped\">skipped</span>")
                .contains("Started <span>–</span>, ended")
                .doesNotContain("attempts-table")
                .doesNotContain("attempt<");
        assertThat(body).doesNotContain("http-equiv=\"refresh\"").doesNotContain("reloads itself");
    }

    @Test
    void shouldReloadThePageEveryTwoSecondsWhileTheRunIsGoing() throws Exception {
        String body = page(21, TransformerSamples.RUNNING_RUN);

        assertThat(body).containsSubsequence("<head>", REFRESH, "</head>")
                .contains("The run is still going: this page reloads itself every 2 s.")
                // the layout's live.js keeps only KPI pages current (their <main> carries a data version): not this one
                .doesNotContain("data-version");
        assertThat(section(body, "run-summary")).contains("<span class=\"badge badge-running\">running</span>")
                .contains("<dt>Ended (UTC)</dt><dd>–</dd>");
        // a run that generates nothing has no burst to describe
        assertThat(section(body, "run-parameters"))
                .contains("<dt>Source</dt><dd>the events that arrived since the pipeline&#39;s previous such run</dd>")
                .doesNotContain("<dt>Events</dt>");
        assertThat(task(body, "await")).contains("<span class=\"badge badge-up-for-retry\">up for retry</span>");
    }

    @Test
    void shouldStopReloadingOnceTheRunHasEnded() throws Exception {
        assertThat(page(21, TransformerSamples.RUNNING_RUN)).contains(REFRESH);

        assertThat(page(21, TransformerSamples.CANCELLED_RUN.replace("\"id\":23", "\"id\":21"))).doesNotContain("http-equiv=\"refresh\"")
                .contains("<span class=\"badge badge-cancelled\">cancelled</span>");
    }

    @Test
    void shouldShowTheNoticeOfTheRunJustStarted() throws Exception {
        transformer.stubFor(get("/api/runs/23").willReturn(okJson(TransformerSamples.QUEUED_RUN)));

        assertThat(mvc.get().uri("/runs/23").flashAttr(RunControlController.NOTICE, "Run 23 of urban-sensors is queued."))
                .hasStatusOk().bodyText()
                .containsSubsequence("<h1>Run 23</h1>", "<p class=\"form-notice\" role=\"status\">Run 23 of urban-sensors is queued.</p>",
                        "id=\"run-summary\"")
                .contains(REFRESH);
    }

    @Test
    void shouldAnswer404WithAReasonForARunTheTransformerDoesNotKnow() {
        transformer.stubFor(get("/api/runs/99").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_404_RUN)));

        MvcTestResult result = mvc.get().uri("/runs/99").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(ResponseStatusException.class);
        assertThat(result.getResponse().getErrorMessage()).isEqualTo("The transformer-service knows no run 99.");
    }

    @Test
    void shouldAnswer400ForARunIdThatIsNoNumberWithoutAskingTheTransformer() {
        assertThat(mvc.get().uri("/runs/latest")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(transformer.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldAnswerOkWithABannerNamingTheUrlWhenTheTransformerAnswersAnError() {
        transformer.stubFor(get("/api/runs/17").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_500)));

        assertThat(mvc.get().uri("/runs/17")).hasStatusOk().bodyText()
                .contains("<h1>Run 17</h1>")
                .contains("Run 17 could not be loaded from the transformer-service at " + transformer.baseUrl() + ".")
                .contains("<p class=\"error-detail\">GET " + transformer.baseUrl()
                        + "/api/runs/17: answered 500 Internal Server Error: could not open a connection to PostgreSQL</p>")
                .contains("The page asks again on every reload.")
                .doesNotContain("id=\"run-summary\"")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    /** The card with the given id. */
    private static String section(String body, String id) {
        return between(body, "<section class=\"card run-card\" id=\"" + id + "\">", "</section>");
    }

    /** The block of the given task, its attempts included. */
    private static String task(String body, String name) {
        String start = "<div class=\"task-detail\" id=\"task-" + name + "\">";
        int from = body.indexOf(start);
        assertThat(from).as("position of %s", start).isNotNegative();
        int next = body.indexOf("<div class=\"task-detail\"", from + start.length());
        return body.substring(from, next < 0 ? body.indexOf("</section>", from) : next);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("position of %s", start).isNotNegative();
        return text.substring(from, text.indexOf(end, from));
    }
}
