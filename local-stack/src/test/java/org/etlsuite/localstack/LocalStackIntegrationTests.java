package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack as {@code java -jar local-stack-...-exec.jar} starts it, with the packaged service jars, on
 * free ports and a fresh data folder: a burst sent to the producer ends up, event for event, in the
 * transformer's CSV and on the dashboard.
 */
class LocalStackIntegrationTests {

    private static final int BURST = 2_000;
    private static final String HEADER = "location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db";

    @TempDir
    static Path data;

    static LocalStack stack;
    static HttpClient http = HttpClient.newHttpClient();
    static URI burstLocation;

    @BeforeAll
    static void startStackAndSendABurst() throws Exception {
        LocalStackOptions options = InfrastructureOptions.withServicesOnFreePorts(data);
        stack = LocalStack.start(options, Map.of());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(stack.endpoints().producerUrl() + "/api/streams/urban-sensors/bursts"))
                .header("Authorization", BasicAuth.of(stack.credentials()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":" + BURST + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"requested\":" + BURST);
        burstLocation = stack.endpoints().producerUrl().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldHaveTheBrokerAcknowledgeEveryEventOfTheBurst() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get(burstLocation).body())
                        .contains("\"state\":\"COMPLETED\"")
                        .contains("\"acked\":" + BURST)
                        .contains("\"failed\":0"));
    }

    @Test
    void shouldCountEveryEventOfTheBurstInTheAggregatedCsv() throws Exception {
        List<String[]> rows = awaitCompleteCsv();

        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(rows.stream().mapToLong(row -> Long.parseLong(row[3])).sum()).isEqualTo(BURST);
        assertThat(rows).extracting(row -> row[0])
                .allSatisfy(location -> assertThat(location)
                        .isIn("Centro", "Altabrisa", "Caucel", "Kanasin", "Emiliano Zapata"));
    }

    @Test
    void shouldShowTheCsvKpisOnTheUrbanDashboard() throws Exception {
        List<String[]> rows = awaitCompleteCsv();
        double weightedPollution = 0;
        long readings = 0;
        for (String[] row : rows) {
            weightedPollution += Double.parseDouble(row[8]) * Long.parseLong(row[3]);
            readings += Long.parseLong(row[3]);
        }
        String expectedPollution = String.format(Locale.ROOT, "%.2f", weightedPollution / readings);
        URI urban = URI.create(stack.endpoints().dashboardUrl() + "/urban");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> page = get(urban);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("id=\"kpi-readings\">2,000</span>")
                    .contains("id=\"kpi-pollution\">" + expectedPollution + "</span>");
        });
    }

    @Test
    void shouldRegisterTheValueSchemaOfTheTopicInTheRegistry() {
        URI subjects = URI.create(stack.endpoints().registryUrl() + "/subjects");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> response = get(subjects);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"urban-sensors-value\"");
        });
    }

    @Test
    void shouldKeepTheTransformersFlywayHistoryInPostgres() throws Exception {
        StackEndpoints endpoints = stack.endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select version, success from flyway_schema_history where installed_rank = 1")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("version")).isEqualTo("1");
            assertThat(row.getBoolean("success")).isTrue();
        }
    }

    @Test
    void shouldRunEachServiceAsAChildProcessWithItsOwnLog() throws Exception {
        assertThat(stack.serviceProcesses()).extracting(ServiceProcess::name)
                .containsExactlyInAnyOrder("producer-service", "transformer-service", "dashboard-service");
        for (ServiceProcess process : stack.serviceProcesses()) {
            assertThat(process.isAlive()).isTrue();
            assertThat(process.logFile()).isEqualTo(data.resolve(".stack/logs/" + process.name() + ".log"));
            assertThat(Files.readString(process.logFile())).contains("Started");
        }
    }

    @Test
    void shouldListenOnLoopbackOnlyByDefault() throws Exception {
        LocalStackOptions options = stack.options();
        List<Integer> ports = List.of(options.producerPort(), options.transformerPort(), options.dashboardPort(),
                options.registryPort(), options.kafkaPort(), options.postgresPort());
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(Addresses.LOOPBACK, port), 2000);
            }
        }
        Optional<InetAddress> other = NetworkAddresses.nonLoopbackIpv4();
        if (other.isEmpty()) {
            // nothing to try from outside loopback on this machine: at least each service was told where to bind
            assertThat(EtlServices.definitions(options))
                    .allSatisfy(service -> assertThat(service.arguments()).contains("--server.address=127.0.0.1"));
            return;
        }
        for (int port : ports) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other.get(), port), 2000);
                }
            }).as("port %d on %s", port, other.get()).isInstanceOf(ConnectException.class);
        }
    }

    /** Waits (up to 60 s after the burst) until the file's readings add up to the whole burst; returns its data rows. */
    private static List<String[]> awaitCompleteCsv() {
        Path csv = data.resolve("processed/urban_sensors_processed_aggregated.csv");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> Files.exists(csv) && readings(readRows(csv)) == BURST);
        try {
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.getFirst()).isEqualTo(HEADER);
            return readRows(csv);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String[]> readRows(Path csv) throws IOException {
        // location names hold no comma or quote, so a plain split reads this file exactly
        return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1))
                .toList();
    }

    private static long readings(List<String[]> rows) {
        return rows.stream().mapToLong(row -> Long.parseLong(row[3])).sum();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
