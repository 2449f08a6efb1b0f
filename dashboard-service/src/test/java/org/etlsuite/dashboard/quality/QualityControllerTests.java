package org.etlsuite.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.model.kpi.DataQualityKpiFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The data-quality page over MVC, reading a real file in a temporary data directory, while nothing listens where
 * the broker should be. Every test writes the file with its own last-modified time.
 */
@WebMvcTest(QualityController.class)
@Import({QualityDashboardService.class, DeadLetterService.class, DeadLetterReader.class})
class QualityControllerTests extends DashboardMvcTestSupport {

    static final String BOOTSTRAP_SERVERS = "localhost:" + closedPort();

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP_SERVERS);
    }

    /** A port nothing listens on: taken from the system, then freed. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected List<String> dataFiles() {
        return List.of(DataQualityKpiFile.RELATIVE_PATH);
    }

    @Test
    void shouldShowEveryCountWithItsShareOfTheRecordsOfItsStream() throws IOException {
        QualitySamples.write(dataDir, QualitySamples.SAMPLE, Instant.parse("2025-03-14T09:30:00Z"));

        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("<title>Data quality · ETL Suite</title>")
                .contains("<a href=\"/quality\" class=\"active\">Data quality</a>")
                .contains("id=\"quality-updated\">2025-03-14 09:30:00 UTC</span>")
                .containsSubsequence("<section class=\"card\" id=\"quality-product-events\">",
                        "<tr class=\"quality-read\"><td>read</td><td class=\"num\">8</td>",
                        row("quality-total", "accepted", "6", "75.0%"),
                        row("quality-total", "rejected", "1", "12.5%"),
                        row("quality-rule", "value-present", "0", "0.0%"),
                        row("quality-rule", "price-positive", "1", "12.5%"),
                        row("quality-total", "duplicate", "1", "12.5%"),
                        row("quality-total", "undecodable", "0", "0.0%"),
                        row("quality-rule", "bad-magic-byte", "0", "0.0%"),
                        row("quality-rule", "truncated", "0", "0.0%"),
                        "<section class=\"card\" id=\"quality-transportation-stats\">",
                        "<td class=\"num\">0</td>",
                        row("quality-total", "accepted", "0", "n/a"),
                        "<section class=\"card\" id=\"quality-urban-sensors\">",
                        "<td class=\"num\">20</td>",
                        row("quality-total", "accepted", "15", "75.0%"),
                        row("quality-total", "rejected", "4", "20.0%"),
                        row("quality-rule", "value-present", "1", "5.0%"),
                        row("quality-rule", "pm25-range", "3", "15.0%"),
                        row("quality-total", "duplicate", "0", "0.0%"),
                        row("quality-total", "undecodable", "1", "5.0%"),
                        row("quality-rule", "bad-magic-byte", "1", "5.0%"),
                        row("quality-rule", "corrupt-payload", "0", "0.0%"))
                .contains("Data file:")
                .contains("<code>processed/data_quality.csv</code>")
                .doesNotContain(dataDir.toString())
                .doesNotContain("No data-quality data yet")
                .doesNotContain("The data-quality data could not be read.");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenTheFileIsMissing() {
        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .bodyText()
                .contains("No data-quality data yet")
                .contains("<code>processed/data_quality.csv</code> in the data folder.")
                .contains("curl -u \"$ETL_AUTH\" -X POST localhost:8090/api/streams/urban-sensors/bursts")
                .doesNotContain("quality-updated");
    }

    @Test
    void shouldExplainHowToGenerateDataWhileNoStreamHasReadARecord() throws IOException {
        QualitySamples.write(dataDir, QualitySamples.NOTHING_READ, Instant.parse("2025-03-14T10:00:00Z"));

        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .bodyText()
                .contains("The data-quality file counts no records yet")
                .doesNotContain("quality-updated");
    }

    @Test
    void shouldExplainHowToGenerateDataWhenTheFileIsEmpty() throws IOException {
        QualitySamples.write(dataDir, "", Instant.parse("2025-03-14T10:15:00Z"));

        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .bodyText()
                .contains("The data-quality file counts no records yet")
                .doesNotContain("quality-updated");
    }

    @Test
    void shouldShowErrorBannerWithFileAndLineWhenTheFileIsMalformed() throws IOException {
        QualitySamples.write(dataDir, QualitySamples.UNKNOWN_METRIC, Instant.parse("2025-03-14T10:30:00Z"));

        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .bodyText()
                .contains("The data-quality data could not be read.")
                .contains(HtmlUtils.htmlEscape("processed/data_quality.csv line 3: column 'metric': 'lost' is none of accepted, rejected, duplicate, undecodable"))
                .doesNotContain(dataDir.toString())
                .doesNotContain("quality-updated");
    }

    @Test
    void shouldAnswerQuicklyWithABannerWhenTheBrokerCannotBeReached() {
        long start = System.nanoTime();

        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .bodyText()
                .contains("role=\"alert\"")
                .contains("The dead letters could not be read from Kafka at " + BOOTSTRAP_SERVERS + ".")
                .contains("Check that the broker is running and reachable at this address (spring.kafka.bootstrap-servers).")
                .doesNotContain("id=\"dlt-");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    private static String row(String kind, String label, String count, String share) {
        return "<tr class=\"" + kind + "\">\n            <td>" + label + "</td>\n            <td class=\"num\">" + count
                + "</td>\n            <td class=\"num\">" + share + "</td>";
    }
}
