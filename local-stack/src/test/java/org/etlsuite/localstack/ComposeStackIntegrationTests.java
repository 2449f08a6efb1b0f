package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Docker variant of the quick start: the repository's {@code docker-compose.yml} as {@code docker compose up --build}
 * starts it (images built from the working tree, fresh volumes under a project name of its own), a pipeline run
 * through the transformer's API, and its readings in the dashboard's KPI API and on {@code /urban}.
 *
 * <p>Skipped without a Docker engine. Needs the {@code docker} command with Compose v2, and the host ports the
 * compose file publishes (9092, 8081, 8090, 8091, 5200) free: a running {@code ./run-local} takes them.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIntegrationTests {

    private static final int EVENTS = 2_000;
    private static final String PASSWORD = generatePassword();
    /** The compose health checks give up after start_period plus 12 probes, about three minutes. */
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(5);

    // Without an image name it runs the local docker command, as a developer would: its Compose v2 builds with
    // BuildKit, which the Dockerfile's cache mount needs.
    @Container
    static final ComposeContainer compose = new ComposeContainer(composeFile())
            .withBuild(true)
            // compose up pulls what the started services need; Testcontainers' own pre-pull would also fetch the
            // images of the optional profiles (Kafka Connect, Kafka UI)
            .withPull(false)
            // given to compose as variables, so they win over a developer's .env
            .withEnv(StackCredentials.USER_VARIABLE, StackCredentials.DEFAULT_USER)
            .withEnv(StackCredentials.PASSWORD_VARIABLE, PASSWORD)
            .withExposedService("producer-service", 8090, healthy())
            .withExposedService("transformer-service", 8091, healthy())
            .withExposedService("dashboard-service", 5200, healthy());

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldShowTheReadingsOfAPipelineRunInTheKpiFileAndOnTheUrbanPage() throws Exception {
        URI transformer = url("transformer-service", 8091);
        URI dashboard = url("dashboard-service", 5200);

        HttpResponse<String> accepted = post(transformer.resolve("/api/pipelines/urban-sensors/runs"),
                "{\"events\": " + EVENTS + ", \"dirtyFraction\": 0.05, \"seed\": 42}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode run = awaitEnd(transformer.resolve(accepted.headers().firstValue("Location").orElseThrow()));
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("SUCCESS");
        JsonNode counts = run.path("counts");
        long processed = counts.path("processed").asLong();
        assertThat(counts.path("generated").asLong()).isEqualTo(EVENTS);
        assertThat(processed + counts.path("rejected").asLong() + counts.path("duplicates").asLong()).isEqualTo(EVENTS);
        assertThat(processed).isPositive();

        // The volumes are new, so the cumulative file holds this run's readings and nothing else. The run exports it
        // from the partition totals, which reach the export up to a commit interval later: wait for the last of them.
        URI kpis = dashboard.resolve("/api/kpis/urban-sensors-aggregated");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> file = get(kpis);
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            long readings = 0;
            for (JsonNode row : json.readTree(file.body()).path("rows")) {
                readings += row.path("readings").asLong();
            }
            assertThat(readings).isEqualTo(processed);
        });

        HttpResponse<String> page = get(dashboard.resolve("/urban"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"kpi-readings\">" + String.format(Locale.US, "%,d", processed) + "</span>");
    }

    /** The health check of the service's definition in the compose file, not a second one. */
    private static WaitStrategy healthy() {
        return Wait.forHealthcheck().withStartupTimeout(HEALTHY_WITHIN);
    }

    private static File composeFile() {
        // failsafe passes the repository root; an IDE runs the test in the module folder, one level below it
        String root = System.getProperty(LocalStackOptions.PROPERTY_PREFIX + "services-dir", "..");
        return Path.of(root, "docker-compose.yml").toAbsolutePath().normalize().toFile();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static URI url(String service, int port) {
        return URI.create("http://" + compose.getServiceHost(service, port) + ":" + compose.getServicePort(service, port));
    }

    private static JsonNode awaitEnd(URI run) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = json.readTree(get(run).body());
            String state = last[0].path("state").asText();
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return last[0];
    }

    /** Reads are open, as the API documents them. */
    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", BasicAuth.of(new StackCredentials(StackCredentials.DEFAULT_USER, PASSWORD, null)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
