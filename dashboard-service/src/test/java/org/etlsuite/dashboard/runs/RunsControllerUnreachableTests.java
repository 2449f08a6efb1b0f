package org.etlsuite.dashboard.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.security.DashboardSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The runs pages and controls while nothing listens at the transformer's address. */
@WebMvcTest({RunsController.class, RunControlController.class})
@Import({RunsService.class, TransformerClient.class, DashboardSecurityConfiguration.class})
@EnableConfigurationProperties(EtlProperties.class)
class RunsControllerUnreachableTests {

    private static final String TRANSFORMER_URL = "http://localhost:" + closedPort();

    @DynamicPropertySource
    static void transformerUrl(DynamicPropertyRegistry registry) {
        registry.add("etl.dashboard.transformer-url", () -> TRANSFORMER_URL);
    }

    private static int closedPort() {
        try {
            return TransformerClientTests.closedPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void shouldAnswerOkWithABannerNamingTheUrlWhenTheTransformerIsDown() {
        assertThat(mvc.get().uri("/runs")).hasStatusOk()
                .hasViewName("runs/dashboard")
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The pipeline runs could not be loaded from the transformer-service at " + TRANSFORMER_URL + ".")
                .contains("<p class=\"error-detail\">GET " + TRANSFORMER_URL + "/api/pipelines: connection refused</p>")
                .contains("Check that the transformer-service is running and reachable at this address (etl.dashboard.transformer-url).")
                .contains("-X POST localhost:8091/api/pipelines/urban-sensors/runs")
                .doesNotContain("pipeline-card");
    }

    @Test
    void shouldAnswerThePageOfARunWithABannerNamingTheUrlWhenTheTransformerIsDown() {
        assertThat(mvc.get().uri("/runs/1")).hasStatusOk()
                .hasViewName("runs/run")
                .bodyText()
                .contains("<h1>Run 1</h1>")
                .contains("Run 1 could not be loaded from the transformer-service at " + TRANSFORMER_URL + ".")
                .contains("<p class=\"error-detail\">GET " + TRANSFORMER_URL + "/api/runs/1: connection refused</p>")
                .doesNotContain("id=\"run-summary\"")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void shouldSayThatTheTransformerCouldNotBeReachedWhenAControlIsSent() {
        assertThat(mvc.post().uri("/runs/17/cancel").with(user("etl")).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR,
                        "Run 17 was not cancelled: the transformer-service could not be reached (connection refused).");
        assertThat(mvc.post().uri("/runs/pipelines/urban-sensors/paused").param("paused", "false").with(user("etl")).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR,
                        "The schedule of urban-sensors was not changed: the transformer-service could not be reached (connection refused).");
        assertThat(mvc.post().uri("/runs").param("pipeline", "urban-sensors").with(user("etl")).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs")
                .flash().containsEntry(RunControlController.ERROR,
                        "No run started: the transformer-service could not be reached (connection refused).");
    }
}
