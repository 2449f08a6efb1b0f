package org.etlsuite.dashboard.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.etlsuite.dashboard.page.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The KPI API over MVC, with the dashboard's real pages (their services) deciding which files there are, reading
 * fixed files in a temporary data directory. Every test writes its files with its own last-modified time, so the
 * per-version caches never serve one test's file to another.
 */
@WebMvcTest(controllers = KpiController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = KpiFilePage.class))
@Import(KpiDatasets.class)
class KpiControllerTests extends DashboardMvcTestSupport {

    private static final String URBAN = "processed/urban_sensors_processed_aggregated.csv";
    private static final String DAILY = "processed_transport/transport_kpi_daily.csv";
    private static final String CATEGORIES = "processed_product/product_events_clean_kpi_category.csv";
    private static final String FUNNEL = "processed_product/product_events_clean_kpi_funnel.csv";
    private static final String QUALITY = "processed/data_quality.csv";
    private static final String FARES = "processed_transport/transport_kpi_fares.csv";
    private static final String REVENUE_HOURLY = "processed_product/product_events_clean_kpi_revenue_hourly.csv";

    private static final String URBAN_ROWS = """
            location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db
            Centro,2025-03-13,7,3000,120.5,35.25,40.0,60.0,48.0,62.5
            "Emiliano Zapata",2025-03-14,18,2000,90.0,30.0,10.0,25.0,16.0,70.0
            """;

    /** 91 bytes (0x5b); one revenue with one decimal, which the API writes with two. */
    private static final String DAILY_ROWS = """
            day,trips,passengers,revenue
            2025-03-13,6000,122345,72000.25
            2025-03-14,4000,90000,48000.5
            """;

    private static final String CATEGORY_ROWS = """
            category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart
            home,2140,169,8595,645,328
            """;

    private static final String FUNNEL_HEADER_ONLY = "stage,count,conversion_rate\n";

    /** The rule is empty where the metric has none (accepted, duplicate). */
    private static final String QUALITY_ROWS = """
            stream,metric,rule,count
            product-events,accepted,,1204
            product-events,rejected,price-positive,3
            product-events,duplicate,,0
            urban-sensors,undecodable,bad-magic-byte,2
            """;

    @Override
    protected List<String> dataFiles() {
        return List.of(URBAN, DAILY, CATEGORIES, FUNNEL, REVENUE_HOURLY, QUALITY, "processed_transport/transport_kpi_summary.csv",
                "processed_transport/transport_kpi_boarding_areas.csv", FARES);
    }

    private static Path write(String relativePath, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(relativePath), content, lastModified);
    }

    @Test
    void shouldListEveryFileOfThePagesWithItsColumnsAndRowsAlsoWhileItIsMissing() throws IOException {
        write(URBAN, URBAN_ROWS, Instant.parse("2025-03-14T09:30:00Z"));
        write(DAILY, DAILY_ROWS, Instant.parse("2025-03-14T09:31:00Z"));
        write(CATEGORIES, CATEGORY_ROWS, Instant.parse("2025-03-14T09:32:00Z"));
        write(FUNNEL, FUNNEL_HEADER_ONLY, Instant.parse("2025-03-14T09:33:00Z"));
        write(QUALITY, QUALITY_ROWS, Instant.parse("2025-03-14T09:34:00Z"));

        assertThat(mvc.get().uri("/api/kpis")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        [
                          {"name": "data-quality", "path": "processed/data_quality.csv",
                           "columns": ["stream", "metric", "rule", "count"],
                           "rows": 4, "lastModified": "2025-03-14T09:34:00Z", "present": true, "error": null},
                          {"name": "product-events-category", "path": "processed_product/product_events_clean_kpi_category.csv",
                           "columns": ["category", "total_views", "total_purchases", "total_revenue", "total_add_to_cart", "total_remove_from_cart"],
                           "rows": 1, "lastModified": "2025-03-14T09:32:00Z", "present": true, "error": null},
                          {"name": "product-events-funnel", "path": "processed_product/product_events_clean_kpi_funnel.csv",
                           "columns": ["stage", "count", "conversion_rate"],
                           "rows": 0, "lastModified": "2025-03-14T09:33:00Z", "present": true, "error": null},
                          {"name": "product-events-platform", "path": "processed_product/product_events_clean_kpi_platform.csv",
                           "columns": [], "rows": 0, "lastModified": null, "present": false, "error": null},
                          {"name": "product-events-revenue-hourly", "path": "processed_product/product_events_clean_kpi_revenue_hourly.csv",
                           "columns": [], "rows": 0, "lastModified": null, "present": false, "error": null},
                          {"name": "transport-boarding-areas", "path": "processed_transport/transport_kpi_boarding_areas.csv",
                           "columns": [], "rows": 0, "lastModified": null, "present": false, "error": null},
                          {"name": "transport-daily", "path": "processed_transport/transport_kpi_daily.csv",
                           "columns": ["day", "trips", "passengers", "revenue"],
                           "rows": 2, "lastModified": "2025-03-14T09:31:00Z", "present": true, "error": null},
                          {"name": "transport-fares", "path": "processed_transport/transport_kpi_fares.csv",
                           "columns": [], "rows": 0, "lastModified": null, "present": false, "error": null},
                          {"name": "transport-routes", "path": "processed_transport/transport_kpi_routes.csv",
                           "columns": [], "rows": 0, "lastModified": null, "present": false, "error": null},
                          {"name": "transport-summary", "path": "processed_transport/transport_kpi_summary.csv",
                           "columns": [], "rows": 0, "lastModified": null, "present": false, "error": null},
                          {"name": "urban-sensors-aggregated", "path": "processed/urban_sensors_processed_aggregated.csv",
                           "columns": ["location", "day", "hour", "readings", "vehicle_count", "avg_speed_kmh", "pm25", "pm10", "pollution_idx", "noise_db"],
                           "rows": 2, "lastModified": "2025-03-14T09:30:00Z", "present": true, "error": null}
                        ]""");
    }

    @Test
    void shouldAnswerTheRowsWithNumbersAsNumbersAndMoneyAsStringsWithTwoDecimals() throws IOException {
        write(DAILY, DAILY_ROWS, Instant.parse("2025-03-14T10:00:00Z"));

        assertThat(mvc.get().uri("/api/kpis/transport-daily")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                // 0x5b bytes, 2025-03-14T10:00:00Z in nanoseconds since the epoch
                .hasHeader("ETag", "\"5b-182ca30585c54000-json\"")
                .hasHeader("Last-Modified", "Fri, 14 Mar 2025 10:00:00 GMT")
                .hasHeader("Cache-Control", "no-cache")
                .hasHeader("Vary", "Accept")
                .bodyText().isEqualTo("{\"dataset\":\"transport-daily\",\"path\":\"processed_transport/transport_kpi_daily.csv\","
                        + "\"lastModified\":\"2025-03-14T10:00:00Z\",\"rows\":["
                        + "{\"day\":\"2025-03-13\",\"trips\":6000,\"passengers\":122345,\"revenue\":\"72000.25\"},"
                        + "{\"day\":\"2025-03-14\",\"trips\":4000,\"passengers\":90000,\"revenue\":\"48000.50\"}]}");
    }

    @Test
    void shouldWriteNumbersAsTheFileWritesThemAndMoneyOfAnyColumnWithTwoDecimals() throws IOException {
        write(URBAN, URBAN_ROWS, Instant.parse("2025-03-14T10:10:00Z"));
        write(CATEGORIES, CATEGORY_ROWS, Instant.parse("2025-03-14T10:10:00Z"));

        assertThat(mvc.get().uri("/api/kpis/urban-sensors-aggregated")).hasStatusOk().bodyText()
                .contains("\"rows\":[{\"location\":\"Centro\",\"day\":\"2025-03-13\",\"hour\":7,\"readings\":3000,\"vehicle_count\":120.5,"
                        + "\"avg_speed_kmh\":35.25,\"pm25\":40.0,\"pm10\":60.0,\"pollution_idx\":48.0,\"noise_db\":62.5},"
                        + "{\"location\":\"Emiliano Zapata\",\"day\":\"2025-03-14\",\"hour\":18,\"readings\":2000,\"vehicle_count\":90.0,"
                        + "\"avg_speed_kmh\":30.0,\"pm25\":10.0,\"pm10\":25.0,\"pollution_idx\":16.0,\"noise_db\":70.0}]");
        assertThat(mvc.get().uri("/api/kpis/product-events-category")).bodyText()
                .contains("[{\"category\":\"home\",\"total_views\":2140,\"total_purchases\":169,\"total_revenue\":\"8595.00\","
                        + "\"total_add_to_cart\":645,\"total_remove_from_cart\":328}]");
    }

    @Test
    void shouldAnswerTheDataQualityCountsAsNumbersAndTheirRulesAsTextOrNullWhereThereIsNone() throws IOException {
        write(QUALITY, QUALITY_ROWS, Instant.parse("2025-03-14T10:12:00Z"));

        assertThat(mvc.get().uri("/api/kpis/data-quality")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyText().isEqualTo("{\"dataset\":\"data-quality\",\"path\":\"processed/data_quality.csv\","
                        + "\"lastModified\":\"2025-03-14T10:12:00Z\",\"rows\":["
                        + "{\"stream\":\"product-events\",\"metric\":\"accepted\",\"rule\":null,\"count\":1204},"
                        + "{\"stream\":\"product-events\",\"metric\":\"rejected\",\"rule\":\"price-positive\",\"count\":3},"
                        + "{\"stream\":\"product-events\",\"metric\":\"duplicate\",\"rule\":null,\"count\":0},"
                        + "{\"stream\":\"urban-sensors\",\"metric\":\"undecodable\",\"rule\":\"bad-magic-byte\",\"count\":2}]}");
    }

    @Test
    void shouldAnswer422ProblemForADataQualityFileWithAMetricItsPageDoesNotKnow() throws IOException {
        write(QUALITY, QUALITY_ROWS.replace("duplicate", "lost"), Instant.parse("2025-03-14T10:13:00Z"));

        assertThat(mvc.get().uri("/api/kpis/data-quality")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("processed/data_quality.csv line 4: column 'metric': 'lost' is none of accepted, rejected, duplicate, undecodable");
    }

    @Test
    void shouldOfferTheTransportFaresWithTheirRevenueAsMoney() throws IOException {
        write(FARES, """
                fare_type,payment_method,trips,revenue
                Regular,Card,4100,61500
                Student/Senior/Disability,QR,3000,15000.50
                """, Instant.parse("2025-03-14T10:12:00Z"));

        assertThat(mvc.get().uri("/api/kpis/transport-fares")).hasStatusOk().bodyText()
                .contains("\"rows\":[{\"fare_type\":\"Regular\",\"payment_method\":\"Card\",\"trips\":4100,\"revenue\":\"61500.00\"},"
                        + "{\"fare_type\":\"Student/Senior/Disability\",\"payment_method\":\"QR\",\"trips\":3000,\"revenue\":\"15000.50\"}]");
    }

    @Test
    void shouldAnswerTheRevenuePerHourOfTheProductsWithMoneyWithTwoDecimals() throws IOException {
        write(REVENUE_HOURLY, """
                day,hour,purchases,revenue
                2025-03-13,8,100,19000
                2025-03-13,9,50,9500.35
                """, Instant.parse("2025-03-14T10:12:00Z"));

        assertThat(mvc.get().uri("/api/kpis/product-events-revenue-hourly")).hasStatusOk().bodyText()
                .contains("\"rows\":[{\"day\":\"2025-03-13\",\"hour\":8,\"purchases\":100,\"revenue\":\"19000.00\"},"
                        + "{\"day\":\"2025-03-13\",\"hour\":9,\"purchases\":50,\"revenue\":\"9500.35\"}]");
    }

    @Test
    void shouldAnswerAnEmptyFieldAsNull() throws IOException {
        write(FUNNEL, """
                stage,count,conversion_rate
                product_view,6500,
                view_to_cart,,0.25
                """, Instant.parse("2025-03-14T10:15:00Z"));

        assertThat(mvc.get().uri("/api/kpis/product-events-funnel")).hasStatusOk().bodyText()
                .contains("\"rows\":[{\"stage\":\"product_view\",\"count\":6500,\"conversion_rate\":null},"
                        + "{\"stage\":\"view_to_cart\",\"count\":null,\"conversion_rate\":0.25}]");
    }

    @Test
    void shouldAnswerTheFileItselfToAClientAskingForCsv() throws IOException {
        Path file = write(DAILY, DAILY_ROWS, Instant.parse("2025-03-14T10:20:00Z"));

        MvcTestResult csv = mvc.get().uri("/api/kpis/transport-daily").accept("text/csv").exchange();

        assertThat(csv).hasStatusOk()
                .hasContentType("text/csv;charset=UTF-8")
                .hasHeader("ETag", "\"5b-182ca41ceb582000-csv\"")
                .hasHeader("Last-Modified", "Fri, 14 Mar 2025 10:20:00 GMT");
        assertThat(csv.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void shouldAnswerTheRowsToAnAcceptHeaderThatIsNoListOfMediaTypes() throws IOException {
        // read as no Accept header at all (common-model's LenientAcceptAutoConfiguration), not refused with a bare 406
        write(DAILY, DAILY_ROWS, Instant.parse("2025-03-14T10:25:00Z"));

        assertThat(mvc.get().uri("/api/kpis/transport-daily").header("Accept", "garbage")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyText().contains("\"dataset\":\"transport-daily\"");
    }

    @Test
    void shouldAnswer304WhileTheClientsCopyIsCurrent() throws IOException {
        write(DAILY, DAILY_ROWS, Instant.parse("2025-03-14T10:30:00Z"));
        String json = mvc.get().uri("/api/kpis/transport-daily").exchange().getResponse().getHeader("ETag");
        String csv = mvc.get().uri("/api/kpis/transport-daily").accept("text/csv").exchange().getResponse().getHeader("ETag");

        MvcTestResult unchanged = mvc.get().uri("/api/kpis/transport-daily").header("If-None-Match", json).exchange();
        assertThat(unchanged).hasStatus(HttpStatus.NOT_MODIFIED).hasHeader("ETag", json).body().isEmpty();
        assertThat(mvc.get().uri("/api/kpis/transport-daily").accept("text/csv").header("If-None-Match", csv))
                .hasStatus(HttpStatus.NOT_MODIFIED);
        assertThat(mvc.get().uri("/api/kpis/transport-daily").header("If-Modified-Since", "Fri, 14 Mar 2025 10:30:00 GMT"))
                .hasStatus(HttpStatus.NOT_MODIFIED);
        // the other representation, and the same one before the file was written, are not the client's copy
        assertThat(mvc.get().uri("/api/kpis/transport-daily").accept("text/csv").header("If-None-Match", json)).hasStatusOk();
        assertThat(mvc.get().uri("/api/kpis/transport-daily").header("If-Modified-Since", "Fri, 14 Mar 2025 10:29:59 GMT"))
                .hasStatusOk();

        write(DAILY, DAILY_ROWS.replace("48000.5", "48000.75"), Instant.parse("2025-03-14T10:31:00Z"));

        assertThat(mvc.get().uri("/api/kpis/transport-daily").header("If-None-Match", json)).hasStatusOk()
                .bodyText().contains("\"revenue\":\"48000.75\"");
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownDataset() {
        assertThat(mvc.get().uri("/api/kpis/nowhere").accept("text/csv")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"title": "Unknown dataset", "status": 404, "instance": "/api/kpis/nowhere",
                         "detail": "There is no dataset 'nowhere'; the datasets are data-quality, product-events-category, product-events-funnel, product-events-platform, product-events-revenue-hourly, transport-boarding-areas, transport-daily, transport-fares, transport-routes, transport-summary, urban-sensors-aggregated.",
                         "datasets": ["data-quality",
                                      "product-events-category",
                                      "product-events-funnel",
                                      "product-events-platform",
                                      "product-events-revenue-hourly",
                                      "transport-boarding-areas",
                                      "transport-daily",
                                      "transport-fares",
                                      "transport-routes",
                                      "transport-summary",
                                      "urban-sensors-aggregated"]}""");
    }

    @Test
    void shouldAnswer404ProblemWhileTheTransformerHasNotWrittenTheFile() {
        assertThat(mvc.get().uri("/api/kpis/transport-summary")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"title": "No data yet", "status": 404, "instance": "/api/kpis/transport-summary",
                         "detail": "The transformer has not written processed_transport/transport_kpi_summary.csv yet.",
                         "dataset": "transport-summary", "path": "processed_transport/transport_kpi_summary.csv"}""");
    }

    @Test
    void shouldAnswer422ProblemForAFileItsPageCannotReadInEitherForm() throws IOException {
        write(URBAN, URBAN_ROWS.replace("10.0,25.0", "abc,25.0"), Instant.parse("2025-03-14T11:00:00Z"));
        String problem = """
                {"title": "Unreadable dataset", "status": 422, "instance": "/api/kpis/urban-sensors-aggregated",
                 "detail": "processed/urban_sensors_processed_aggregated.csv line 3: column 'pm25': 'abc' is not a number",
                 "dataset": "urban-sensors-aggregated", "path": "processed/urban_sensors_processed_aggregated.csv"}""";

        assertThat(mvc.get().uri("/api/kpis/urban-sensors-aggregated")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo(problem);
        assertThat(mvc.get().uri("/api/kpis/urban-sensors-aggregated").accept("text/csv")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo(problem);
    }

    @Test
    void shouldListAFileThatIsNotCsvWithWhyAndAnswerIt422() throws IOException {
        write(DAILY, DAILY_ROWS.replace("122345", "12\"2345"), Instant.parse("2025-03-14T11:30:00Z"));
        String error = "processed_transport/transport_kpi_daily.csv line 2: quote inside an unquoted field "
                + "(quote the whole field and double inner quotes)";

        MvcTestResult list = mvc.get().uri("/api/kpis").exchange();

        assertThat(list).hasStatusOk().bodyJson().extractingPath("$[6].name").isEqualTo("transport-daily");
        assertThat(list).bodyJson().extractingPath("$[6].present").isEqualTo(true);
        assertThat(list).bodyJson().extractingPath("$[6].rows").isEqualTo(0);
        assertThat(list).bodyJson().extractingPath("$[6].columns").asArray().isEmpty();
        assertThat(list).bodyJson().extractingPath("$[6].lastModified").isNull();
        assertThat(list).bodyJson().extractingPath("$[6].error").isEqualTo(error);
        assertThat(mvc.get().uri("/api/kpis/transport-daily")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.detail").isEqualTo(error);
    }
}
