package org.etlsuite.dashboard.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.security.DashboardSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The runs page while nothing listens at the transformer's address. */
@WebMvcTest(RunsController.class)
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
}
