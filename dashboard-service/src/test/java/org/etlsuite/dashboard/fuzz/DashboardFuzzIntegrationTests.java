package org.etlsuite.dashboard.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.etlsuite.dashboard.page.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every page and chart of the dashboard over a real port (the error page is the servlet
 * container's error dispatch, which only a real server runs): known and unknown paths, broken escapes,
 * every method, odd query strings, Accept and Content-Type headers and bodies. The run controls are the only
 * writes, and they reach no transformer here (nothing listens at its address), so there is no state to change;
 * every answer must be below 500, every 4xx must say something, and one
 * that a browser asked for ({@code Accept: text/html...}) must be the dashboard's error page.
 *
 * <p>{@code -Detl.fuzz.tries} (default 300) and {@code -Detl.fuzz.seed} (default random, printed) size and
 * replay a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardFuzzIntegrationTests {

    private static final int TRIES = Integer.getInteger("etl.fuzz.tries", 300);
    private static final long SEED = Long.getLong("etl.fuzz.seed", System.nanoTime());
    private static final String ERROR_PAGE = "Back to the overview";

    /**
     * Every page, chart, form target and endpoint, as mapped ({@link #shouldFuzzEveryPathTheApplicationMaps} checks
     * them against the mappings); a variable is requested as its value in {@link #SAMPLES}.
     */
    static final List<String> PATHS = List.of("/", "/urban", "/dashboard", "/products", "/runs", "/runs/{id}", "/quality", "/login",
            "/urban/version", "/dashboard/version", "/products/version",
            "/runs/{id}/cancel", "/runs/pipelines/{pipeline}/paused",
            "/charts/urban/noise-by-zone.png", "/charts/urban/traffic-vs-pollution.png", "/charts/urban/pollution-over-time.png",
            "/charts/transport/daily-passengers.png", "/charts/transport/top-boarding-areas.png",
            "/charts/transport/trips-by-route-type.png", "/charts/transport/trips-by-fare.png",
            "/charts/products/revenue-by-category.png", "/charts/products/funnel.png",
            "/charts/products/revenue-by-hour.png", "/charts/products/revenue-by-platform.png",
            "/charts/urban/noise-by-zone.svg", "/charts/urban/traffic-vs-pollution.svg", "/charts/urban/pollution-over-time.svg",
            "/charts/transport/daily-passengers.svg", "/charts/transport/top-boarding-areas.svg",
            "/charts/transport/trips-by-route-type.svg", "/charts/transport/trips-by-fare.svg",
            "/charts/products/revenue-by-category.svg", "/charts/products/funnel.svg",
            "/charts/products/revenue-by-hour.svg", "/charts/products/revenue-by-platform.svg",
            "/api/kpis", "/api/kpis/{dataset}");
    /** What the fuzzer puts in for each variable of a path (Tomcat refuses a '{' before any mapping sees it). */
    private static final Map<String, String> SAMPLES = Map.of("{id}", "1", "{pipeline}", "urban-sensors",
            // the dataset of the file the test writes
            "{dataset}", "urban-sensors-aggregated");

    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
            "OPTIONS", "TRACE", "PROPFIND", "FOO");
    private static final List<String> ODD_PATHS = List.of("/nope", "/urban/", "/URBAN", "/urban.json", "/urban;jsessionid=1",
            "/charts/urban/", "/charts/urban/nothing.png", "/charts/../urban", "/%2e%2e/%2e%2e/etc/passwd", "/urban%00",
            "/urban%ZZ", "/%E2%82%AC", "/static/../../x", "//urban", "/error", "/actuator", "/actuator/nothing",
            "/" + "x".repeat(3_000), "/api/streams", "/runs/x", "/runs/99999999999999999999", "/runs/1/cancel/",
            "/runs/pipelines/", "/charts/products/funnel.png/");
    /**
     * Targets that Tomcat refuses with its own 400 page before any application sees them (encoded or escaping dot
     * segments, a NUL, a broken escape or a raw {@code <} in the path or query): no error page of the dashboard can
     * answer those, so for them only the status is checked.
     */
    private static final List<String> REFUSED_BY_THE_CONTAINER = List.of("/%2e%2e/", "/urban%00", "/urban%ZZ", "/static/../../",
            "?<script>");
    private static final List<String> QUERIES = List.of("", "", "", "?v=1", "?v=", "?%ZZ", "?a=1&a=2", "?page=-1",
            "?size=999999999999", "?q=" + "y".repeat(2_000), "?<script>=1",
            "?range=bogus", "?range=24h", "?range=7d&zone=Centro", "?zone=Nowhere", "?zone=", "?range=");
    private static final List<String> ACCEPTS = Arrays.asList(null, "text/html", "*/*", "text/html,application/xhtml+xml;q=0.9",
            "application/json", "image/png", "application/xml", "garbage", "text/*", "image/*;q=0.1");
    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "application/json", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "garbage");
    private static final List<String> BODIES = Arrays.asList(null, null, "", "{}", "{\"a\":", "a=1&b=2", "NaN",
            "\u0000\u0001", "[".repeat(2_000));

    @TempDir
    static Path dataDir;

    // nothing listens there: the runs page answers with its banner
    private static final String TRANSFORMER_URL = "http://localhost:" + closedPort();
    // nor there: the data-quality page answers with its banner, and keeps it a few seconds
    private static final String BOOTSTRAP_SERVERS = "localhost:" + closedPort();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("etl.data-dir", () -> dataDir.toString());
        registry.add("etl.dashboard.transformer-url", () -> TRANSFORMER_URL);
        registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP_SERVERS);
    }

    @BeforeAll
    static void writeAggregateFile() throws IOException {
        TestFiles.write(dataDir.resolve("processed/urban_sensors_processed_aggregated.csv"), """
                location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db
                Centro,2025-03-13,7,3,120.0,35.0,40.0,60.0,48.0,62.0
                Caucel,2025-03-13,7,1,80.0,40.0,20.0,30.0,24.0,74.0
                """, Instant.parse("2025-03-13T08:05:00Z"));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void shouldFuzzEveryPathTheApplicationMaps() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> mapped.addAll(info.getPatternValues()));
        // the servlet container's error page: fuzzed through the 4xx answers, not as a page of its own
        mapped.remove("/error");

        assertThat(mapped).isEqualTo(new TreeSet<>(PATHS));
        assertThat(PATHS).extracting(DashboardFuzzIntegrationTests::literal).allSatisfy(path -> assertThat(path).doesNotContain("{", "}"));
    }

    @Test
    void shouldAnswerEveryRandomRequestBelow500AndARefusedPageWithTheErrorPage() throws IOException {
        Random random = new Random(SEED);
        RawHttp http = new RawHttp(port);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int trial = 0; trial < TRIES; trial++) {
            String method = oneOf(random, METHODS);
            String target = (random.nextDouble() < 0.7 ? literal(oneOf(random, PATHS)) : oneOf(random, ODD_PATHS)) + oneOf(random, QUERIES);
            String accept = oneOf(random, ACCEPTS);
            String body = random.nextDouble() < 0.3 ? oneOf(random, BODIES) : null;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", accept);
            headers.put("Content-Type", body == null ? null : oneOf(random, CONTENT_TYPES));
            String described = "trial " + trial + " of seed " + SEED + " (-Detl.fuzz.seed=" + SEED + "): " + method + " "
                    + abbreviate(target) + " " + headers + " body: " + abbreviate(body);

            RawHttp.Response response = http.send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));

            statuses.merge(response.status(), 1, Integer::sum);
            assertThat(response.status()).as("%s answered %s", described, abbreviate(response.body())).isLessThan(500);
            if (REFUSED_BY_THE_CONTAINER.stream().anyMatch(target::contains)) {
                assertThat(response.status()).as("%s answered %s", described, abbreviate(response.body())).isEqualTo(400);
                continue;
            }
            if (response.status() >= 400 && !method.equals("HEAD")) {
                assertThat(response.body()).as("%s answered %d", described, response.status()).isNotBlank();
                // what a browser asks for gets the dashboard's page; other clients get Boot's JSON error
                if (accept != null && accept.startsWith("text/html")) {
                    assertThat(response.contentType()).as("%s answered %d", described, response.status()).startsWith("text/html");
                    assertThat(response.body()).as("%s answered %d", described, response.status()).contains(ERROR_PAGE);
                }
            }
        }
        System.out.printf("dashboard fuzz: %d requests (seed %d), answers by status %s%n", TRIES, SEED, statuses);
    }

    @Test
    void shouldRefuseAQueryStringThatCannotBeDecodedWithTheErrorPage() throws IOException {
        RawHttp http = new RawHttp(port);
        // the sign-in page reads its parameters, which Tomcat decodes only then
        RawHttp.Response page = http.send("GET", "/login?%ZZ", Map.of("Accept", "text/html"), null);
        RawHttp.Response plain = http.send("GET", "/login?%ZZ", Map.of("Accept", "image/png"), null);
        RawHttp.Response form = http.send("POST", "/runs", Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
                "pipeline=%ZZ".getBytes(StandardCharsets.UTF_8));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("<title>Error · ETL Suite</title>").contains("The dashboard cannot");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).isEqualTo("400 Bad Request: The query string or form of this request is not properly encoded.\n");
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body()).contains(ERROR_PAGE);
    }

    /** The path with each variable replaced by its sample value, e.g. "/runs/1" for "/runs/{id}". */
    private static String literal(String path) {
        String literal = path;
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            literal = literal.replace(sample.getKey(), sample.getValue());
        }
        return literal;
    }

    private static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " chars)";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
