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
 * The runs page's "start a run" form: signed in, with its CSRF token, or refused before the transformer (a
 * WireMock stand-in) hears of it.
 */
@WebMvcTest(RunsController.class)
@Import({RunsService.class, TransformerClient.class, DashboardSecurityConfiguration.class})
@EnableConfigurationProperties(EtlProperties.class)
class RunControlTests {

    private static final String PASSWORD = "form-secret";
    /** "etl:form-secret" in Base64. */
    private static final String BASIC = "Basic ZXRsOmZvcm0tc2VjcmV0";

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

    private MvcTestResult startUrbanRun(boolean signedIn, boolean withToken, String events) {
        var request = mvc.post().uri("/runs").param("pipeline", "urban-sensors").param("events", events)
                .param("ratePerSecond", "").param("dirtyFraction", "0.1");
        if (signedIn) {
            request = request.with(user("etl"));
        }
        if (withToken) {
            request = request.with(csrf());
        }
        return request.exchange();
    }

    private static void assertNothingPosted() {
        transformer.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void shouldOfferTheFormWithItsCsrfTokenAndEveryPipeline() {
        assertThat(mvc.get().uri("/runs")).hasStatusOk().bodyText()
                .containsPattern("<form method=\"post\" action=\"/runs\" class=\"run-form\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/>")
                .contains("<option value=\"urban-sensors\">urban-sensors</option>")
                .contains("<option value=\"transportation\">transportation</option>")
                .contains("the form asks you to\n            <a href=\"/login\">sign in</a> first.");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfTokenEvenWhenSignedIn() {
        assertThat(startUrbanRun(true, false, "5000")).hasStatus(HttpStatus.FORBIDDEN);
        assertNothingPosted();
    }

    @Test
    void shouldSendAVisitorWhoIsNotSignedInToTheSignInPage() {
        assertThat(startUrbanRun(false, true, "5000")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertNothingPosted();
    }

    @Test
    void shouldStartTheRunThroughTheTransformerAsTheSuitesUser() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/api/runs/23").withHeader("Content-Type", "application/json")
                .withBody(TransformerSamples.QUEUED_RUN)));

        assertThat(startUrbanRun(true, true, "5000")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunsController.NOTICE, "Run 23 of urban-sensors is queued.");
        transformer.verify(1, postRequestedFor(urlEqualTo("/api/pipelines/urban-sensors/runs"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"events\":5000,\"dirtyFraction\":0.1,\"trigger\":\"manual\"}")));
    }

    @Test
    void shouldShowWhyTheTransformerRefusedTheRun() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_400)));

        assertThat(startUrbanRun(true, true, "0")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunsController.ERROR,
                        "No run started: the transformer-service answered 400 Bad Request: events must be at least 1, was 0.");
    }

    @Test
    void shouldRefuseANumberFieldThatIsNoNumberWithoutAskingTheTransformer() {
        assertThat(startUrbanRun(true, true, "lots")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunsController.ERROR, "No run started: events must be a number, was 'lots'.");
        assertNothingPosted();
    }

    @Test
    void shouldShowTheNoticeOnThePageAfterTheRedirect() {
        assertThat(mvc.get().uri("/runs").with(user("etl")).flashAttr(RunsController.NOTICE, "Run 23 of urban-sensors is queued."))
                .hasStatusOk().bodyText()
                .contains("<p class=\"form-notice\" role=\"status\">Run 23 of urban-sensors is queued.</p>")
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
