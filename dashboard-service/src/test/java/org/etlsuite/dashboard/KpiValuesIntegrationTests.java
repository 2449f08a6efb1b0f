package org.etlsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import org.etlsuite.dashboard.SeededKpiFiles.KpiFile;
import org.etlsuite.dashboard.SeededKpiFiles.ProductEvent;
import org.etlsuite.dashboard.SeededKpiFiles.QualityCount;
import org.etlsuite.dashboard.SeededKpiFiles.Trip;
import org.etlsuite.dashboard.SeededKpiFiles.UrbanBucket;
import org.etlsuite.model.kpi.DataQualityKpiFile;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.model.kpi.UrbanHourlyKpiFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance: with KPI files generated from a fixed seed ({@link SeededKpiFiles}), every KPI value the pages and
 * the KPI API show is the files'. The API is checked against the files cell by cell; the pages against values this
 * test recomputes from the records it generated, formatted as the pages print them: a wrong sum, a wrong weight or a
 * wrong format breaks it. Each table is checked on its own (the pages' tables, and the data table of each chart),
 * so that a table a page adds gets a check of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KpiValuesIntegrationTests {

    private static final SeededKpiFiles SEEDED = SeededKpiFiles.generate(20250314L);

    /** The datasets of the pages' files as named today; the API may offer more, each one a seeded file. */
    private static final Map<String, String> DATASETS = Map.of(
            "data-quality", DataQualityKpiFile.RELATIVE_PATH,
            "product-events-category", ProductKpiFiles.Category.RELATIVE_PATH,
            "product-events-funnel", ProductKpiFiles.Funnel.RELATIVE_PATH,
            "transport-boarding-areas", TransportKpiFiles.BoardingAreas.RELATIVE_PATH,
            "transport-daily", TransportKpiFiles.Daily.RELATIVE_PATH,
            "transport-summary", TransportKpiFiles.Summary.RELATIVE_PATH,
            "urban-sensors-aggregated", UrbanHourlyKpiFile.RELATIVE_PATH);

    /** The API's money columns, which it writes as strings with two decimals. */
    private static final Set<String> MONEY = Set.of(ProductKpiFiles.Category.TOTAL_REVENUE, TransportKpiFiles.Daily.REVENUE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern TWO_DECIMALS = Pattern.compile("-?\\d+\\.\\d{2}");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** The values of the charts' tooltips and data tables; money with its cents. */
    private static final DecimalFormat CHART_VALUE = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private static final DecimalFormat CHART_MONEY = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    static Path dataDir;

    // nothing listens there: the data-quality page shows its counts, and a banner where the dead letters would be
    private static final String BOOTSTRAP_SERVERS = "localhost:" + closedPort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("etl.data-dir", () -> dataDir.toString());
        registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP_SERVERS);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void writeSeededFiles() throws IOException {
        SEEDED.write(dataDir);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeEveryDatasetWithEveryRowAndCellOfItsFileAndTheFileItself() throws Exception {
        HttpResponse<byte[]> listing = get("/api/kpis", "application/json");
        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode datasets = JSON.readTree(listing.body());
        Map<String, String> pathByName = new LinkedHashMap<>();
        datasets.forEach(dataset -> pathByName.put(dataset.get("name").stringValue(), dataset.get("path").stringValue()));
        assertThat(pathByName).containsAllEntriesOf(DATASETS);

        for (JsonNode dataset : datasets) {
            String name = dataset.get("name").stringValue();
            KpiFile file = SEEDED.file(dataset.get("path").stringValue());
            List<String> columns = new ArrayList<>();
            dataset.get("columns").forEach(column -> columns.add(column.stringValue()));
            assertThat(columns).as(name).isEqualTo(file.header());
            assertThat(dataset.get("rows").longValue()).as(name).isEqualTo(file.rows().size());
            assertThat(dataset.get("lastModified").stringValue()).as(name).isEqualTo(file.lastModified().toString());
            assertThat(dataset.get("present").booleanValue()).as(name).isTrue();
            assertThat(dataset.get("error").isNull()).as(name).isTrue();
            assertRows(name, file);
            assertFileItself(name, file);
        }
    }

    @Test
    void shouldShowTheUrbanFiguresAsTheSeededHourlyBucketsAddUpWeightedByReadings() throws Exception {
        Document page = page("/urban");
        List<UrbanBucket> buckets = SEEDED.urban();
        long readings = buckets.stream().mapToLong(UrbanBucket::readings).sum();
        double pollution = 0;
        Map<String, double[]> noiseByZone = new TreeMap<>();
        for (UrbanBucket bucket : buckets) {
            pollution += bucket.pollutionIdx() * bucket.readings();
            double[] zone = noiseByZone.computeIfAbsent(bucket.zone(), name -> new double[2]);
            zone[0] += bucket.noiseDb() * bucket.readings();
            zone[1] += bucket.readings();
        }
        Map<String, Double> meanNoise = new LinkedHashMap<>();
        noiseByZone.forEach((zone, sums) -> meanNoise.put(zone, sums[0] / sums[1]));
        String loudest = meanNoise.entrySet().stream().reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
                .orElseThrow().getKey();

        assertText(page, "#kpi-pollution", String.format(Locale.ROOT, "%.2f", pollution / readings));
        assertText(page, "#kpi-readings", count(readings));
        assertText(page, "#kpi-readings + .kpi-hint", buckets.size() + " hourly buckets");
        assertText(page, "#kpi-zones", "5");
        assertText(page, "#kpi-zones + .kpi-hint", "2025-03-13 to 2025-03-14");
        assertText(page, "#kpi-updated", timestamp(UrbanHourlyKpiFile.RELATIVE_PATH));
        assertDataUpdated(page, UrbanHourlyKpiFile.RELATIVE_PATH);
        assertText(page, "#insight", String.format(Locale.ROOT, "%s is the loudest zone with a mean of %.1f dB.", loudest,
                meanNoise.get(loudest)));
        assertText(page, "#insight-correlation", correlationSentence(
                buckets.stream().mapToDouble(UrbanBucket::vehicleCount).toArray(),
                buckets.stream().mapToDouble(UrbanBucket::pollutionIdx).toArray()));

        assertTable(pageTable(page, "/charts/urban/noise-by-zone.svg"), List.of("Zone", "Mean noise", "Level", "Readings"),
                meanNoise.entrySet().stream().map(zone -> List.of(zone.getKey(),
                        String.format(Locale.ROOT, "%.1f dB", zone.getValue()), noiseLevel(zone.getValue()),
                        count((long) noiseByZone.get(zone.getKey())[1]))).toList());
        assertTable(chartTable(page, "/charts/urban/noise-by-zone.svg"), List.of("Zone", "Mean noise (dB)"),
                meanNoise.entrySet().stream().map(zone -> List.of(zone.getKey(), CHART_VALUE.format(zone.getValue()))).toList());
        assertTable(chartTable(page, "/charts/urban/traffic-vs-pollution.svg"),
                List.of("Zone", "Mean vehicle count per hour", "Mean pollution index"),
                // one point per bucket, zone by zone alphabetically, in file order within a zone
                buckets.stream().sorted(Comparator.comparing(UrbanBucket::zone))
                        .map(bucket -> List.of(bucket.zone(), CHART_VALUE.format(bucket.vehicleCount()),
                                CHART_VALUE.format(bucket.pollutionIdx())))
                        .toList());
    }

    @Test
    void shouldShowTheTransportFiguresAsTheSeededTripsAddUp() throws Exception {
        Document page = page("/dashboard");
        List<Trip> trips = SEEDED.trips();
        long passengers = trips.stream().mapToLong(Trip::passengers).sum();
        long peakTrips = trips.stream().filter(trip -> SeededKpiFiles.PEAK_HOURS.contains(trip.hour())).count();
        Map<String, List<Trip>> byArea = group(trips, Trip::boardingArea);
        List<String> ranking = byArea.keySet().stream()
                .sorted(Comparator.comparingInt((String area) -> byArea.get(area).size()).reversed().thenComparing(Function.identity()))
                .limit(5)
                .toList();

        assertText(page, "#kpi-revenue", money(sum(trips, Trip::fare)));
        assertText(page, "#kpi-trips", count(trips.size()));
        assertText(page, "#kpi-trips + .kpi-hint", "2025-03-08 to 2025-03-14");
        assertText(page, "#kpi-passengers", count(passengers));
        assertText(page, "#kpi-passengers + .kpi-hint", String.format(Locale.ROOT, "%.1f", (double) passengers / trips.size()) + " per trip");
        assertText(page, "#kpi-peak-share", percent(peakTrips, trips.size()));
        assertText(page, "#kpi-peak-share + .kpi-hint", count(peakTrips) + " trips in peak hours");
        assertDataUpdated(page, TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiFiles.Daily.RELATIVE_PATH,
                TransportKpiFiles.BoardingAreas.RELATIVE_PATH);

        assertTable(chartTable(page, "/charts/transport/daily-passengers.svg"), List.of("Day (UTC)", "Passengers"),
                group(trips, Trip::day).entrySet().stream().map(day -> List.of(day.getKey().toString(),
                        CHART_VALUE.format(total(day.getValue(), Trip::passengers)))).toList());
        assertTable(chartTable(page, "/charts/transport/top-boarding-areas.svg"), List.of("Boarding area", "Trips"),
                ranking.stream().map(area -> List.of(area, CHART_VALUE.format(byArea.get(area).size()))).toList());
        assertTable(pageTable(page, "/charts/transport/top-boarding-areas.svg"),
                List.of("Rank", "Boarding area", "Trips", "Share of trips", "Passengers"),
                ranking.stream().map(area -> List.of(Integer.toString(ranking.indexOf(area) + 1), area,
                        count(byArea.get(area).size()), percent(byArea.get(area).size(), trips.size()),
                        count(total(byArea.get(area), Trip::passengers)))).toList());
    }

    @Test
    void shouldShowTheProductFiguresAsTheSeededEventsAddUp() throws Exception {
        Document page = page("/products");
        List<ProductEvent> events = SEEDED.events();
        List<ProductEvent> purchases = events.stream().filter(event -> event.stage().equals("purchase")).toList();
        BigDecimal revenue = sum(purchases, ProductEvent::amount);
        long views = SEEDED.count("product_view");
        long carts = SEEDED.count("add_to_cart");
        Map<String, List<ProductEvent>> byCategory = group(events, ProductEvent::category);

        assertText(page, "#kpi-revenue", money(revenue));
        assertText(page, "#kpi-revenue + .kpi-hint",
                money(revenue.divide(BigDecimal.valueOf(purchases.size()), 2, RoundingMode.HALF_UP)) + " per purchase on average");
        assertText(page, "#kpi-purchases", count(purchases.size()));
        assertText(page, "#kpi-purchases + .kpi-hint", "in 3 categories");
        assertText(page, "#kpi-views", count(views));
        assertText(page, "#kpi-conversion", percent(purchases.size(), views));
        assertDataUpdated(page, ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Funnel.RELATIVE_PATH);

        assertTable(chartTable(page, "/charts/products/revenue-by-category.svg"), List.of("Category", "Revenue"),
                byCategory.entrySet().stream().map(category -> List.of(category.getKey(),
                        CHART_MONEY.format(revenueOf(category.getValue())))).toList());
        assertTable(pageTable(page, "/charts/products/revenue-by-category.svg"),
                List.of("Category", "Revenue", "Views", "Add to cart", "Purchases"),
                byCategory.entrySet().stream().map(category -> List.of(category.getKey(), money(revenueOf(category.getValue())),
                        count(stage(category.getValue(), "product_view")), count(stage(category.getValue(), "add_to_cart")),
                        count(stage(category.getValue(), "purchase")))).toList());
        assertTable(chartTable(page, "/charts/products/funnel.svg"), List.of("Stage", "Events"),
                SeededKpiFiles.STAGES.stream().map(stage -> List.of(stage, CHART_VALUE.format(SEEDED.count(stage)))).toList());
        assertTable(pageTable(page, "/charts/products/funnel.svg"), List.of("Conversion", "Computed as", "Rate"), List.of(
                List.of("View → add to cart", "add_to_cart / product_view", percent(carts, views)),
                List.of("Add to cart → purchase", "purchase / add_to_cart", percent(purchases.size(), carts)),
                List.of("View → purchase", "purchase / product_view", percent(purchases.size(), views))));
    }

    @Test
    void shouldShowEveryCountOfEveryStreamWithItsShareOfTheRecordsTheStreamRead() throws Exception {
        Document page = page("/quality");
        Map<String, List<QualityCount>> byStream = group(SEEDED.quality(), QualityCount::stream);

        assertText(page, "#quality-updated", timestamp(DataQualityKpiFile.RELATIVE_PATH));
        assertThat(page.select("section.card[id^=quality-]").eachAttr("id"))
                .containsExactlyElementsOf(byStream.keySet().stream().map(stream -> "quality-" + stream).toList());
        byStream.forEach((stream, counts) -> {
            Element card = page.getElementById("quality-" + stream);
            assertThat(card.selectFirst("h2").text()).isEqualTo(stream);
            long read = counts.stream().mapToLong(QualityCount::count).sum();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("quality-read", "read", count(read), "100.0%"));
            for (String metric : List.of(DataQualityKpiFile.ACCEPTED, DataQualityKpiFile.REJECTED, DataQualityKpiFile.DUPLICATE,
                    DataQualityKpiFile.UNDECODABLE)) {
                List<QualityCount> ofMetric = counts.stream().filter(row -> row.metric().equals(metric)).toList();
                long total = ofMetric.stream().mapToLong(QualityCount::count).sum();
                rows.add(List.of("quality-total", metric, count(total), percent(total, read)));
                ofMetric.stream().filter(row -> !row.rule().isEmpty()).forEach(row ->
                        rows.add(List.of("quality-rule", row.rule(), count(row.count()), percent(row.count(), read))));
            }
            Element table = card.selectFirst("table.data-table");
            assertThat(cells(table.select("thead tr").first())).as(stream).containsExactly("Records", "Count", "Share");
            // the class tells a metric's total from the rules below it
            assertThat(table.select("tbody tr").stream().map(row -> {
                List<String> line = new ArrayList<>(List.of(row.className()));
                line.addAll(cells(row));
                return line;
            }).toList()).as(stream).isEqualTo(rows);
        });
    }

    /** The JSON rows: every cell as the API writes its column's kind, equal to the file's value. */
    private void assertRows(String name, KpiFile file) throws Exception {
        HttpResponse<byte[]> response = get("/api/kpis/" + name, "application/json");
        assertThat(response.statusCode()).as(name).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("dataset").stringValue()).isEqualTo(name);
        assertThat(answer.get("path").stringValue()).as(name).isEqualTo(file.path());
        assertThat(answer.get("lastModified").stringValue()).as(name).isEqualTo(file.lastModified().toString());
        JsonNode rows = answer.get("rows");
        assertThat(rows.size()).as(name).isEqualTo(file.rows().size());
        for (int i = 0; i < file.rows().size(); i++) {
            JsonNode row = rows.get(i);
            assertThat(row.propertyNames()).as(name + " row " + (i + 1)).containsExactlyElementsOf(file.header());
            for (int c = 0; c < file.header().size(); c++) {
                String column = file.header().get(c);
                String value = file.rows().get(i).get(c);
                assertCell(name + " row " + (i + 1) + " column " + column, kind(file, column), value, row.get(column));
            }
        }
    }

    private enum Kind { MONEY, NUMBER, TEXT }

    /** Money by the column's name; a number where every value of the column is one; text otherwise. */
    private static Kind kind(KpiFile file, String column) {
        if (MONEY.contains(column)) {
            return Kind.MONEY;
        }
        List<String> present = file.column(column).stream().filter(value -> !value.isEmpty()).toList();
        return !present.isEmpty() && present.stream().allMatch(value -> NUMBER.matcher(value).matches()) ? Kind.NUMBER : Kind.TEXT;
    }

    private static void assertCell(String where, Kind kind, String value, JsonNode cell) {
        if (value.isEmpty()) {
            assertThat(cell.isNull()).as(where + " is null: " + cell).isTrue();
            return;
        }
        switch (kind) {
            case MONEY -> {
                // the seeded files hold money with two decimals already, as the transformer writes it
                assertThat(value).as(where).matches(TWO_DECIMALS);
                assertThat(cell.isString()).as(where + " is a string: " + cell).isTrue();
                assertThat(cell.stringValue()).as(where).isEqualTo(value);
            }
            case NUMBER -> {
                assertThat(cell.isNumber()).as(where + " is a number: " + cell).isTrue();
                assertThat(cell.decimalValue()).as(where).isEqualByComparingTo(new BigDecimal(value));
            }
            case TEXT -> {
                assertThat(cell.isString()).as(where + " is a string: " + cell).isTrue();
                assertThat(cell.stringValue()).as(where).isEqualTo(value);
            }
        }
    }

    /** Asked for as CSV, the dataset is the file, byte for byte. */
    private void assertFileItself(String name, KpiFile file) throws Exception {
        HttpResponse<byte[]> csv = get("/api/kpis/" + name, "text/csv");

        assertThat(csv.statusCode()).as(name).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).as(name).contains("text/csv;charset=UTF-8");
        assertThat(csv.body()).as(name).isEqualTo(Files.readAllBytes(dataDir.resolve(file.path())))
                .isEqualTo(file.csv().getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Document page(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path, "text/html");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), "http://localhost:" + port + path);
    }

    private static void assertText(Document page, String selector, String expected) {
        Element element = page.selectFirst(selector);
        assertThat(element).as(selector).isNotNull();
        assertThat(element.text()).as(selector).isEqualTo(expected);
    }

    /**
     * "Data updated" is the newest of the files the page names; among them those given, which the page reads today.
     */
    private static void assertDataUpdated(Document page, String... files) {
        List<String> named = page.select("p.source-line code").eachText();
        assertThat(named).contains(files);
        Instant newest = named.stream().map(path -> SEEDED.file(path).lastModified()).max(Comparator.naturalOrder()).orElseThrow();
        assertText(page, "#data-updated time", TIMESTAMP.format(newest));
        assertThat(page.selectFirst("#data-updated time").attr("datetime")).isEqualTo(newest.toString());
    }

    /** The figure of the chart whose SVG is at the path, as the page offers it for download. */
    private static Element figure(Document page, String svgPath) {
        Element download = page.selectFirst("figure.chart-figure a[href^=\"" + svgPath + "?\"]");
        assertThat(download).as("the chart of " + svgPath).isNotNull();
        return download.closest("figure.chart-figure");
    }

    /** The data table of a chart. */
    private static Element chartTable(Document page, String svgPath) {
        return figure(page, svgPath).selectFirst("details.chart-data table");
    }

    /** The page's own table beside a chart, in the chart's card. */
    private static Element pageTable(Document page, String svgPath) {
        return figure(page, svgPath).parent().children().stream().filter(child -> child.is("table.data-table")).findFirst()
                .orElseThrow(() -> new AssertionError("no table beside the chart of " + svgPath));
    }

    private static void assertTable(Element table, List<String> headers, List<List<String>> rows) {
        // named by the heading of its card, for the message of a failure
        Element card = table.closest("section");
        String what = (card == null || card.selectFirst("h2") == null ? "table" : card.selectFirst("h2").text())
                + (table.closest("details.chart-data") == null ? "" : " (data of the chart)");
        assertThat(cells(table.select("thead tr").first())).as(what).isEqualTo(headers);
        assertThat(table.select("tbody tr").stream().map(KpiValuesIntegrationTests::cells).toList()).as(what).isEqualTo(rows);
    }

    private static List<String> cells(Element row) {
        return row.children().eachText();
    }

    /** As the urban page words Pearson's r of the buckets' vehicle counts and pollution indices. */
    private static String correlationSentence(double[] x, double[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.length;
        meanY /= y.length;
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += (x[i] - meanX) * (y[i] - meanY);
            xx += (x[i] - meanX) * (x[i] - meanX);
            yy += (y[i] - meanY) * (y[i] - meanY);
        }
        BigDecimal r = BigDecimal.valueOf(xy / Math.sqrt(xx * yy)).setScale(2, RoundingMode.HALF_UP);
        double size = r.abs().doubleValue();
        String over = " (r = " + r.toPlainString() + ") over " + x.length + " hourly buckets.";
        if (size < 0.2) {
            return "Vehicle count and pollution index show no clear link" + over;
        }
        return "Vehicle count and pollution index show " + (size < 0.5 ? "a weak" : size < 0.8 ? "a moderate" : "a strong")
                + (r.signum() > 0 ? " positive" : " negative") + " correlation" + over;
    }

    /** Low up to 40 dB, Moderate up to 70 dB, High above. */
    private static String noiseLevel(double noiseDb) {
        return noiseDb <= 40 ? "Low" : noiseDb <= 70 ? "Moderate" : "High";
    }

    private static String timestamp(String path) {
        return TIMESTAMP.format(SEEDED.file(path).lastModified());
    }

    private static String count(long count) {
        return String.format(Locale.US, "%,d", count);
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }

    private static String percent(long count, long of) {
        return String.format(Locale.ROOT, "%.1f%%", (double) count / of * 100);
    }

    private static BigDecimal revenueOf(List<ProductEvent> events) {
        return sum(events.stream().filter(event -> event.amount() != null).toList(), ProductEvent::amount);
    }

    private static long stage(List<ProductEvent> events, String stage) {
        return events.stream().filter(event -> event.stage().equals(stage)).count();
    }

    private static <T, K extends Comparable<K>> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        Map<K, List<T>> groups = new TreeMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> long total(List<T> items, ToLongFunction<T> count) {
        return items.stream().mapToLong(count).sum();
    }
}
