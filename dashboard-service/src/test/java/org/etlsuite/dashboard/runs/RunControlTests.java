package org.etlsuite.dashboard.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.security.DashboardSecurityConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The run controls of the runs page (start a run, cancel one, pause or resume a schedule): signed in, with the form's
 * CSRF token, or refused before the transformer (a WireMock stand-in) hears of them; what the transformer did or why
 * it refused comes back as a flash message.
 */
@WebMvcTest({RunsController.class, RunControlController.class})
@Import({RunsService.class, TransformerClient.class, DashboardSecurityConfiguration.class})
@EnableConfigurationProperties(EtlProperties.class)
class RunControlTests {

    private static final String PASSWORD = "form-secret";
    /** "etl:form-secret" in Base64. */
    private static final String BASIC = "Basic ZXRsOmZvcm0tc2VjcmV0";
    private static final String CSRF_INPUT = "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/>";

    @RegisterExtension
    static final WireMockExtension transformer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void transformerAndCredentials(DynamicPropertyRegistry registry) {
        registry.add("etl.dashboard.transformer-url", transformer::baseUrl);
        registry.add("etl.api.user", () -> "etl");
        registry.add("etl.api.password", () -> PASSWORD);
    }

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void pipelines() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson(TransformerSamples.PIPELINES)));
        transformer.stubFor(get("/api/pipelines/urban-sensors/runs?size=10").willReturn(okJson(TransformerSamples.URBAN_RUNS)));
        transformer.stubFor(get("/api/pipelines/transportation/runs?size=10").willReturn(okJson(TransformerSamples.NO_RUNS)));
    }

    private static MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, boolean signedIn, boolean withToken) {
        if (signedIn) {
            request = request.with(user("etl"));
        }
        if (withToken) {
            request = request.with(csrf());
        }
        return request.exchange();
    }

    private MvcTestResult startUrbanRun(boolean signedIn, boolean withToken, String events) {
        return send(mvc.post().uri("/runs").param("pipeline", "urban-sensors").param("events", events)
                .param("ratePerSecond", "").param("dirtyFraction", "0.1"), signedIn, withToken);
    }

    private MvcTestResult setPaused(String pipeline, String paused, boolean signedIn, boolean withToken) {
        return send(mvc.post().uri("/runs/pipelines/{pipeline}/paused", pipeline).param("paused", paused), signedIn, withToken);
    }

    private MvcTestResult cancel(long run, boolean signedIn, boolean withToken) {
        return send(mvc.post().uri("/runs/{id}/cancel", run), signedIn, withToken);
    }

    private static void assertNothingChanged() {
        transformer.verify(0, postRequestedFor(anyUrl()));
        transformer.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void shouldOfferTheFormWithItsCsrfTokenAndEveryPipeline() {
        assertThat(mvc.get().uri("/runs")).hasStatusOk().bodyText()
                .containsPattern("<form method=\"post\" action=\"/runs\" class=\"run-form\">" + CSRF_INPUT)
                .contains("<option value=\"urban-sensors\">urban-sensors</option>")
                .contains("<option value=\"transportation\">transportation</option>")
                .contains("the form asks you to\n            <a href=\"/login\">sign in</a> first.");
    }

    @Test
    void shouldOfferTheSignedInUserToResumePauseAndCancelWithTheirCsrfTokens() {
        assertThat(mvc.get().uri("/runs").with(user("etl"))).hasStatusOk().bodyText()
                // urban-sensors is paused, transportation is not and has run 21 going
                .containsPattern("<form method=\"post\" action=\"/runs/pipelines/urban-sensors/paused\" class=\"inline-form control-form\">"
                        + CSRF_INPUT + "\\s*<input type=\"hidden\" name=\"paused\" value=\"false\">"
                        + "\\s*<button type=\"submit\" class=\"control-button\">Resume schedule</button>")
                .containsPattern("<form method=\"post\" action=\"/runs/pipelines/transportation/paused\" class=\"inline-form control-form\">"
                        + CSRF_INPUT + "\\s*<input type=\"hidden\" name=\"paused\" value=\"true\">"
                        + "\\s*<button type=\"submit\" class=\"control-button\">Pause schedule</button>")
                .containsPattern("<form method=\"post\" action=\"/runs/21/cancel\" class=\"inline-form control-form\">"
                        + CSRF_INPUT + "\\s*<button type=\"submit\" class=\"control-button\">Cancel run 21</button>")
                .doesNotContain("Sign in to control runs");
    }

    @Test
    void shouldOfferAVisitorWhoIsNotSignedInTheSignInInsteadOfTheControls() {
        assertThat(mvc.get().uri("/runs")).hasStatusOk().bodyText()
                .contains("<a class=\"small sign-in-link\" href=\"/login\">Sign in to control runs</a>")
                .contains("Now: <a href=\"/runs/21\">run 21</a> is queued or running.")
                .doesNotContain("/paused\"")
                .doesNotContain("/cancel\"");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfTokenEvenWhenSignedIn() {
        assertThat(startUrbanRun(true, false, "5000")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(setPaused("urban-sensors", "false", true, false)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(cancel(21, true, false)).hasStatus(HttpStatus.FORBIDDEN);
        assertNothingChanged();
    }

    @Test
    void shouldSendAVisitorWhoIsNotSignedInToTheSignInPage() {
        assertThat(startUrbanRun(false, true, "5000")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(setPaused("urban-sensors", "false", false, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(cancel(21, false, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertNothingChanged();
    }

    @Test
    void shouldStartTheRunThroughTheTransformerAsTheSuitesUserAndShowItsPage() {
        // the Location names the run, not the body: a run the page could not find would be no use
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/api/runs/23").withHeader("Content-Type", "application/json")
                .withBody(TransformerSamples.QUEUED_RUN)));

        assertThat(startUrbanRun(true, true, "5000")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs/23")
                .flash().containsEntry(RunControlController.NOTICE, "Run 23 of urban-sensors is queued.");
        transformer.verify(1, postRequestedFor(urlEqualTo("/api/pipelines/urban-sensors/runs"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"events\":5000,\"dirtyFraction\":0.1,\"trigger\":\"manual\"}")));
    }

    @Test
    void shouldShowWhyTheTransformerRefusedTheRun() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_400)));

        assertThat(startUrbanRun(true, true, "0")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR,
                        "No run started: the transformer-service answered 400 Bad Request: events must be at least 1, was 0.");
    }

    @Test
    void shouldRefuseANumberFieldThatIsNoNumberWithoutAskingTheTransformer() {
        assertThat(startUrbanRun(true, true, "lots")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR, "No run started: events must be a number, was 'lots'.");
        assertNothingChanged();
    }

    @Test
    void shouldResumeTheScheduleThroughTheTransformerAsTheSuitesUser() {
        transformer.stubFor(put("/api/pipelines/urban-sensors/paused").willReturn(okJson(TransformerSamples.RESUMED_PIPELINE)));

        assertThat(setPaused("urban-sensors", "false", true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.NOTICE,
                        "The schedule of urban-sensors is resumed: it starts the next run at 2026-11-26 04:00:00 UTC.");
        transformer.verify(1, putRequestedFor(urlEqualTo("/api/pipelines/urban-sensors/paused"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"paused\":false}")));
        transformer.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void shouldPauseTheScheduleThroughTheTransformerAsTheSuitesUser() {
        transformer.stubFor(put("/api/pipelines/transportation/paused").willReturn(okJson(TransformerSamples.PAUSED_PIPELINE)));

        assertThat(setPaused("transportation", "true", true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.NOTICE,
                        "The schedule of transportation is paused: it starts no run until it is resumed.");
        transformer.verify(1, putRequestedFor(urlEqualTo("/api/pipelines/transportation/paused"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"paused\":true}")));
    }

    @Test
    void shouldShowWhyTheTransformerRefusedToChangeASchedule() {
        transformer.stubFor(put("/api/pipelines/weather/paused").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_404_PIPELINE)));

        assertThat(setPaused("weather", "false", true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR, "The schedule of weather was not changed: the transformer-service "
                        + "answered 404 Not Found: Unknown pipeline 'weather'; known: urban-sensors (VMI_URBAN_SENSORS_ELT), "
                        + "product-events (VMI_PRODUCT_EVENTS_ETL), transportation (VMI_001).");
    }

    @Test
    void shouldCancelAQueuedRunAtOnceThroughTheTransformerAsTheSuitesUser() {
        transformer.stubFor(post("/api/runs/23/cancel").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(TransformerSamples.CANCELLED_RUN)));

        assertThat(cancel(23, true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.NOTICE, "Run 23 of urban-sensors is cancelled.");
        transformer.verify(1, postRequestedFor(urlEqualTo("/api/runs/23/cancel"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json")));
        // the cancel takes no body
        assertThat(transformer.findAll(postRequestedFor(urlEqualTo("/api/runs/23/cancel")))).singleElement()
                .satisfies(request -> assertThat(request.getBody()).isEmpty());
    }

    @Test
    void shouldSayThatARunningRunStopsAtItsNextCheck() {
        transformer.stubFor(post("/api/runs/21/cancel").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(TransformerSamples.CANCEL_REQUESTED_RUN)));

        assertThat(cancel(21, true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.NOTICE, "Run 21 of transportation is being cancelled: it stops at its next check.");
    }

    @Test
    void shouldShowWhyTheTransformerRefusedToCancelARunThatHasEnded() {
        transformer.stubFor(post("/api/runs/17/cancel").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_409_ENDED)));

        assertThat(cancel(17, true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR,
                        "Run 17 was not cancelled: the transformer-service answered 409 Conflict: Run 17 has already ended (SUCCESS).");
    }

    @Test
    void shouldShowWhyTheTransformerRefusedToCancelARunItDoesNotKnow() {
        transformer.stubFor(post("/api/runs/99/cancel").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_404_RUN)));

        assertThat(cancel(99, true, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR,
                        "Run 99 was not cancelled: the transformer-service answered 404 Not Found: Unknown run 99.");
    }

    @Test
    void shouldShowTheMessagesAtTheTopOfThePageAfterTheRedirect() {
        assertThat(mvc.get().uri("/runs").with(user("etl"))
                .flashAttr(RunControlController.NOTICE, "The schedule of transportation is paused: it starts no run until it is resumed.")
                .flashAttr(RunControlController.ERROR, "Run 17 was not cancelled: the transformer-service answered 409 Conflict."))
                .hasStatusOk().bodyText()
                .containsSubsequence("<h1>Pipeline runs</h1>", "<div class=\"run-messages\">",
                        "<p class=\"form-notice\" role=\"status\">The schedule of transportation is paused: it starts no run until it is resumed.</p>",
                        "<p class=\"form-error\" role=\"alert\">Run 17 was not cancelled: the transformer-service answered 409 Conflict.</p>",
                        "<h2>urban-sensors</h2>")
                .contains("Signed in as <strong>etl</strong>.")
                .doesNotContain("sign in</a> first.");
    }

    @Test
    void shouldSignInTheSuitesUserAndRefuseAWrongPassword() {
        assertThat(mvc.post().uri("/login").param("username", "etl").param("password", PASSWORD).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs");
        assertThat(mvc.post().uri("/login").param("username", "etl").param("password", "guess").with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(mvc.post().uri("/login").param("username", "etl").param("password", PASSWORD))
                .hasStatus(HttpStatus.FORBIDDEN);
        transformer.verify(0, anyRequestedFor(urlEqualTo("/login")));
    }
}
