package org.etlsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.page.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The packaged application on a real port: templates, static files, charts and actuator
 * working together, with the data directory taken from {@code etl.data-dir}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardApplicationIntegrationTests {

    private static final String SAMPLE = """
            location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db
            Centro,2025-03-13,7,3,120.0,35.0,40.0,60.0,48.0,62.0
            Caucel,2025-03-13,7,1,80.0,40.0,20.0,30.0,24.0,74.0
            """;

    // the sample, 193 bytes written at 2025-03-13T08:05:00Z: the SHA-256 of "c1-1741853100.0", to 16 hex digits
    private static final String URBAN_VERSION = "389bb754a7c40138";

    @TempDir
    static Path dataDir;

    // nothing listens there: the runs page must still answer, and never find a transformer left running on 8091
    private static final String TRANSFORMER_URL = "http://localhost:" + closedPort();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("etl.data-dir", () -> dataDir.toString());
        registry.add("etl.dashboard.transformer-url", () -> TRANSFORMER_URL);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void writeAggregateFile() throws IOException {
        TestFiles.write(dataDir.resolve("processed/urban_sensors_processed_aggregated.csv"), SAMPLE,
                Instant.parse("2025-03-13T08:05:00Z"));
    }

    @LocalServerPort
    int port;

    @Autowired
    EtlProperties properties;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldBindDataDirectory() {
        assertThat(properties.dataDir()).isEqualTo(dataDir);
    }

    @Test
    void shouldRenderUrbanPageFromTheDataDirectory() throws Exception {
        HttpResponse<byte[]> response = get("/urban");

        assertThat(response.statusCode()).isEqualTo(200);
        // (48*3 + 24*1) / 4 = 42.00; Caucel (74 dB) is louder than Centro (62 dB)
        assertThat(text(response))
                .contains("id=\"kpi-pollution\">42.00</span>")
                .contains("id=\"kpi-readings\">4</span>")
                .contains("id=\"kpi-zones\">2</span>")
                .contains("id=\"kpi-updated\">2025-03-13 08:05:00 UTC</span>")
                .contains("Caucel is the loudest zone with a mean of 74.0 dB.")
                .contains("<a href=\"/urban\" class=\"active\">Urban sensors</a>")
                // named below the data folder: where the server keeps its data is not the visitor's business
                .contains("<code>processed/urban_sensors_processed_aggregated.csv</code>")
                .doesNotContain(dataDir.toString());
    }

    @Test
    void shouldServeChartsAsDecodablePng() throws Exception {
        for (String chart : new String[] {"noise-by-zone", "traffic-vs-pollution"}) {
            HttpResponse<byte[]> response = get("/charts/urban/" + chart + ".png?v=1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(440);
        }
    }

    @Test
    void shouldServeChartsAsSvgDocuments() throws Exception {
        HttpResponse<byte[]> response = get("/charts/urban/noise-by-zone.svg?v=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/svg+xml;charset=UTF-8");
        // Caucel 74 dB, Centro 62 dB: one tooltip per zone
        assertThat(ChartSvg.parse(response.body()).titles()).containsExactly("Caucel, Mean noise (dB): 74", "Centro, Mean noise (dB): 62");
    }

    @Test
    void shouldAnswerTransportAndProductPagesWhileTheirFilesAreMissing() throws Exception {
        HttpResponse<byte[]> transport = get("/dashboard");
        HttpResponse<byte[]> products = get("/products");

        assertThat(transport.statusCode()).isEqualTo(200);
        assertThat(text(transport)).contains("No transportation data yet").contains("<a href=\"/dashboard\" class=\"active\">");
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(text(products)).contains("No product data yet").contains("<a href=\"/products\" class=\"active\">");
        assertThat(get("/charts/transport/daily-passengers.png").statusCode()).isEqualTo(404);
        assertThat(get("/charts/products/funnel.png").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldCompressAPageForAClientThatAcceptsGzipAndOnlyForIt() throws Exception {
        HttpResponse<byte[]> plain = get("/urban");
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/urban"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void shouldAnswerRunsPageWithABannerWhileTheTransformerIsDown() throws Exception {
        HttpResponse<byte[]> runs = get("/runs");

        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(text(runs))
                .contains("<p class=\"error-detail\">GET " + TRANSFORMER_URL + "/api/pipelines: connection refused</p>")
                .contains("<a href=\"/runs\" class=\"active\">Pipeline runs</a>");
    }

    @Test
    void shouldServeAKpiDatasetAndAnswer304WhileTheClientsCopyIsCurrent() throws Exception {
        HttpResponse<byte[]> rows = get("/api/kpis/urban-sensors-aggregated");
        String etag = rows.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/kpis/urban-sensors-aggregated"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(rows.statusCode()).isEqualTo(200);
        assertThat(rows.headers().firstValue("Last-Modified")).contains("Thu, 13 Mar 2025 08:05:00 GMT");
        assertThat(text(rows)).startsWith("{\"dataset\":\"urban-sensors-aggregated\",\"path\":\"processed/urban_sensors_processed_aggregated.csv\","
                + "\"lastModified\":\"2025-03-13T08:05:00Z\",\"rows\":[{\"location\":\"Centro\",\"day\":\"2025-03-13\",\"hour\":7,\"readings\":3,");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(text(get("/api/kpis"))).doesNotContain(dataDir.toString());
    }

    @Test
    void shouldServeHomePageAndStylesheet() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(text(get("/"))).contains("Event-driven ETL suite");

        HttpResponse<byte[]> css = get("/css/dashboard.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void shouldServeTheLiveScriptAsJavaScriptAndIncludeItOnEveryPage() throws Exception {
        HttpResponse<byte[]> script = get("/js/live.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(text(script)).contains("document.visibilityState").contains("data-version-url");
        for (String page : new String[] {"/", "/urban", "/dashboard", "/products"}) {
            assertThat(text(get(page))).as(page).containsOnlyOnce("<script src=\"/js/live.js\" defer></script>");
        }
    }

    @Test
    void shouldAnswerTheVersionOfAPageAsJsonAndNoneWhileItsFilesAreMissing() throws Exception {
        HttpResponse<byte[]> urban = get("/urban/version");
        HttpResponse<byte[]> products = get("/products/version");

        assertThat(urban.statusCode()).isEqualTo(200);
        assertThat(urban.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(text(urban)).isEqualTo("{\"version\":\"%s\",\"updated\":\"2025-03-13T08:05:00Z\"}".formatted(URBAN_VERSION));
        assertThat(text(get("/urban"))).contains("data-version=\"" + URBAN_VERSION + "\"")
                .contains("There is not enough data yet to relate vehicle count to pollution index");
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(text(products)).isEqualTo("{\"version\":\"none\",\"updated\":null}");
    }

    @Test
    void shouldReportHealthUp() throws Exception {
        HttpResponse<byte[]> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(text(health)).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheus() throws Exception {
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(text(prometheus)).contains("jvm_memory_used_bytes");
        for (String hidden : new String[] {"env", "beans", "metrics", "configprops", "loggers", "heapdump", "threaddump", "mappings"}) {
            assertThat(get("/actuator/" + hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void shouldRefuseAFormPostedWithoutItsCsrfToken() throws Exception {
        // what a page on another site can send through the browser: a plain form post, without the token
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/runs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("pipeline=urban-sensors&events=1000")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response)).contains("This form was refused: it came without the token");
    }

    @Test
    void shouldRefuseATimeRangeThereIsNotWithItsReasonOnTheErrorPageAndInPlainText() throws Exception {
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products?range=bogus"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> chart = getImage("/charts/products/revenue-by-hour.png?range=bogus");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("<title>Error · ETL Suite</title>")
                .contains("The time range &#39;bogus&#39; is not one of 24h, 7d, all.");
        assertThat(chart.statusCode()).isEqualTo(400);
        assertThat(text(chart)).isEqualTo("400 Bad Request: The time range 'bogus' is not one of 24h, 7d, all.\n");
    }

    @Test
    void shouldShowNotFoundPageInTheSharedLayout() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nowhere"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).contains("<title>Error · ETL Suite</title>").contains("There is no page at <code>/nowhere</code>");
    }

    @Test
    void shouldTellAnImageClientWhyItWasRefusedInPlainText() throws Exception {
        HttpResponse<byte[]> noData = getImage("/charts/products/funnel.png");
        HttpResponse<byte[]> noChart = getImage("/charts/urban/nothing.png");
        HttpResponse<byte[]> noSvgData = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/charts/products/funnel.svg"))
                .header("Accept", "image/svg+xml").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(noData.statusCode()).isEqualTo(404);
        assertThat(noData.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(text(noData)).isEqualTo("404 Not Found: There is no data to draw this chart from yet.\n");
        assertThat(noSvgData.statusCode()).isEqualTo(404);
        assertThat(text(noSvgData)).isEqualTo("404 Not Found: There is no data to draw this chart from yet.\n");
        assertThat(noChart.statusCode()).isEqualTo(404);
        assertThat(text(noChart)).startsWith("404 Not Found");
    }

    @Test
    void shouldShowAChartWithoutDataAsTheErrorPageInABrowser() throws Exception {
        for (String chart : new String[] {"/charts/products/funnel.png", "/charts/products/funnel.svg"}) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chart))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).as(chart).isEqualTo(404);
            assertThat(text(response)).as(chart).contains("<title>Error · ETL Suite</title>").contains("There is no data to draw this chart from yet.");
        }
    }

    private HttpResponse<byte[]> getImage(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "image/png").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldAnswerTheErrorPathOpenedByItselfAsAPageThatIsNotThere() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).contains("There is no page at <code>/error</code>");
    }
}
