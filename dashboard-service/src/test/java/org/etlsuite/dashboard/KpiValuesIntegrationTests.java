package org.etlsuite.dashboard;

import static java.util.Map.entry;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * so that a table a page adds gets a check of its own; a page with time ranges or zones is checked in its default
 * view and in others, whose rows the test computes for itself, counting the ranges back from the end of the newest
 * hour or day of the files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KpiValuesIntegrationTests {

    private static final SeededKpiFiles SEEDED = SeededKpiFiles.generate(20250314L);

    /** Every dataset the API lists, by name: the files the pages read, each one seeded. */
    private static final Map<String, String> DATASETS = Map.ofEntries(
            entry("data-quality", DataQualityKpiFile.RELATIVE_PATH),
            entry("product-events-category", ProductKpiFiles.Category.RELATIVE_PATH),
            entry("product-events-funnel", ProductKpiFiles.Funnel.RELATIVE_PATH),
            entry("product-events-platform", ProductKpiFiles.Platform.RELATIVE_PATH),
            entry("product-events-revenue-hourly", ProductKpiFiles.RevenueHourly.RELATIVE_PATH),
            entry("transport-boarding-areas", TransportKpiFiles.BoardingAreas.RELATIVE_PATH),
            entry("transport-daily", TransportKpiFiles.Daily.RELATIVE_PATH),
            entry("transport-fares", TransportKpiFiles.Fares.RELATIVE_PATH),
            entry("transport-routes", TransportKpiFiles.Routes.RELATIVE_PATH),
            entry("transport-summary", TransportKpiFiles.Summary.RELATIVE_PATH),
            entry("urban-sensors-aggregated", UrbanHourlyKpiFile.RELATIVE_PATH));

    /**
     * The views of a page with time ranges: the whole file, which the seeded files make more than a week (shown per
     * day), and the last 7 days and 24 hours of it (per hour).
     */
    private static final List<View> RANGE_VIEWS = List.of(new View("", null, null, List.of("All")),
            new View("?range=7d", Duration.ofDays(7), null, List.of("7 days")),
            new View("?range=24h", Duration.ofHours(24), null, List.of("24 hours")));

    /** The API's money columns, which it writes as strings with two decimals: every revenue of the seeded files. */
    private static final Set<String> MONEY = Stream.of(TransportKpiFiles.Summary.TOTAL_REVENUE, TransportKpiFiles.Daily.REVENUE,
            TransportKpiFiles.Routes.REVENUE, TransportKpiFiles.Fares.REVENUE, ProductKpiFiles.Category.TOTAL_REVENUE,
            ProductKpiFiles.RevenueHourly.REVENUE).collect(Collectors.toSet());
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern TWO_DECIMALS = Pattern.compile("-?\\d+\\.\\d{2}");

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Up to this span the time charts show hours, beyond it days. */
    private static final Duration WEEK = Duration.ofDays(7);
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
        // a dataset the API lists and this test does not know is a dataset whose values nobody checks
        assertThat(pathByName).isEqualTo(DATASETS);

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
    void shouldShowTheUrbanFiguresAsTheSeededHourlyBucketsAddUpWeightedByReadingsInEveryTimeRangeAndZone() throws Exception {
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

        // the whole file spans more than a week, so it is shown per day; the last week and 24 hours per hour
        for (View view : List.of(new View("", null, null, List.of("All", "All zones")),
                new View("?range=7d", Duration.ofDays(7), null, List.of("7 days", "All zones")),
                new View("?range=24h&zone=Centro", Duration.ofHours(24), "Centro", List.of("24 hours", "Centro")))) {
            Document page = page("/urban" + view.query());

            // the tiles and the noise by zone are over the whole file whatever the view
            assertText(page, "#kpi-pollution", String.format(Locale.ROOT, "%.2f", pollution / readings));
            assertText(page, "#kpi-readings", count(readings));
            assertText(page, "#kpi-readings + .kpi-hint", buckets.size() + " hourly buckets");
            assertText(page, "#kpi-zones", "5");
            assertText(page, "#kpi-zones + .kpi-hint", period(buckets.stream().map(UrbanBucket::day).toList()));
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

            UrbanShown shown = UrbanShown.of(buckets, view);
            assertThat(shown.hourly()).as("the seeded file shown whole per day, a range of it per hour").isEqualTo(view.range() != null);
            assertCurrentChoices(page, view);
            assertText(page, "#shown", "The traffic and pollution charts show " + HOUR.format(shown.first()) + " to "
                    + HOUR.format(shown.end()) + " UTC, one point per zone and " + (shown.hourly() ? "hour." : "day."));
            // one point per zone and hour or day, zone by zone alphabetically, in time order within a zone
            assertTable(chartTable(page, "/charts/urban/traffic-vs-pollution.svg"),
                    List.of("Zone", shown.hourly() ? "Mean vehicle count per hour" : "Daily mean vehicle count", "Mean pollution index"),
                    shown.points().stream().map(point -> List.of(point.zone(), CHART_VALUE.format(point.vehicleCount()),
                            CHART_VALUE.format(point.pollutionIdx()))).toList());
            assertTable(chartTable(page, "/charts/urban/pollution-over-time.svg"),
                    List.of("Zone", shown.hourly() ? "Hour (UTC)" : "Day (UTC)", "Mean pollution index"),
                    shown.points().stream().map(point -> List.of(point.zone(), time(point.start(), shown.hourly()),
                            CHART_VALUE.format(point.pollutionIdx()))).toList());
        }
    }

    @Test
    void shouldShowTheTransportFiguresAsTheSeededTripsAddUpInEveryTimeRange() throws Exception {
        List<Trip> trips = SEEDED.trips();
        long passengers = trips.stream().mapToLong(Trip::passengers).sum();
        long peakTrips = trips.stream().filter(trip -> SeededKpiFiles.PEAK_HOURS.contains(trip.hour())).count();
        Map<String, List<Trip>> byArea = group(trips, Trip::boardingArea);
        List<String> ranking = byArea.keySet().stream()
                .sorted(Comparator.comparingInt((String area) -> byArea.get(area).size()).reversed().thenComparing(Function.identity()))
                .limit(5)
                .toList();
        Map<String, List<Trip>> byRoute = group(trips, Trip::routeType);
        // a bar per fare type and payment method the trips have, fare type by fare type, payment methods by name
        List<List<String>> fareBars = new ArrayList<>();
        group(trips, Trip::fareType).forEach((fare, ofFare) -> group(ofFare, Trip::paymentMethod)
                .forEach((method, paid) -> fareBars.add(List.of(fare, method, CHART_VALUE.format(paid.size())))));
        // the ranges count back from the end of the newest day
        LocalDateTime end = trips.stream().map(Trip::day).max(Comparator.naturalOrder()).orElseThrow().plusDays(1).atStartOfDay();

        for (View view : RANGE_VIEWS) {
            Document page = page("/dashboard" + view.query());

            assertText(page, "#kpi-revenue", money(sum(trips, Trip::fare)));
            assertText(page, "#kpi-trips", count(trips.size()));
            assertText(page, "#kpi-trips + .kpi-hint", period(trips.stream().map(Trip::day).toList()));
            assertText(page, "#kpi-passengers", count(passengers));
            assertText(page, "#kpi-passengers + .kpi-hint",
                    String.format(Locale.ROOT, "%.1f", (double) passengers / trips.size()) + " per trip");
            assertText(page, "#kpi-peak-share", percent(peakTrips, trips.size()));
            assertText(page, "#kpi-peak-share + .kpi-hint", count(peakTrips) + " trips in peak hours");
            assertDataUpdated(page, TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiFiles.Daily.RELATIVE_PATH,
                    TransportKpiFiles.BoardingAreas.RELATIVE_PATH, TransportKpiFiles.Routes.RELATIVE_PATH,
                    TransportKpiFiles.Fares.RELATIVE_PATH);

            Map<LocalDate, List<Trip>> shownDays = group(
                    trips.stream().filter(trip -> view.includes(trip.day().atStartOfDay(), end)).toList(), Trip::day);
            assertCurrentChoices(page, view);
            assertText(page, "#daily-shown", "Days shown: " + period(List.copyOf(shownDays.keySet())));
            assertTable(chartTable(page, "/charts/transport/daily-passengers.svg"), List.of("Day (UTC)", "Passengers"),
                    shownDays.entrySet().stream().map(day -> List.of(day.getKey().toString(),
                            CHART_VALUE.format(total(day.getValue(), Trip::passengers)))).toList());

            // the other charts and tables are over the whole file whatever the range
            assertTable(chartTable(page, "/charts/transport/top-boarding-areas.svg"), List.of("Boarding area", "Trips"),
                    ranking.stream().map(area -> List.of(area, CHART_VALUE.format(byArea.get(area).size()))).toList());
            assertTable(pageTable(page, "/charts/transport/top-boarding-areas.svg"),
                    List.of("Rank", "Boarding area", "Trips", "Share of trips", "Passengers"),
                    ranking.stream().map(area -> List.of(Integer.toString(ranking.indexOf(area) + 1), area,
                            count(byArea.get(area).size()), percent(byArea.get(area).size(), trips.size()),
                            count(total(byArea.get(area), Trip::passengers)))).toList());
            assertTable(chartTable(page, "/charts/transport/trips-by-route-type.svg"), List.of("Route type", "Trips"),
                    byRoute.entrySet().stream()
                            .map(route -> List.of(route.getKey(), CHART_VALUE.format(route.getValue().size()))).toList());
            assertTable(pageTable(page, "/charts/transport/trips-by-route-type.svg"),
                    List.of("Route type", "Trips", "Mean duration (min)", "Revenue (MXN)"),
                    byRoute.entrySet().stream().map(route -> List.of(route.getKey(), count(route.getValue().size()),
                            String.format(Locale.ROOT, "%.1f",
                                    total(route.getValue(), Trip::durationMinutes) / (double) route.getValue().size()),
                            money(sum(route.getValue(), Trip::fare)))).toList());
            assertTable(chartTable(page, "/charts/transport/trips-by-fare.svg"), List.of("Fare type", "Payment method", "Trips"), fareBars);
        }
    }

    @Test
    void shouldShowTheProductFiguresAsTheSeededEventsAddUpInEveryTimeRange() throws Exception {
        List<ProductEvent> events = SEEDED.events();
        List<ProductEvent> purchases = events.stream().filter(event -> event.stage().equals("purchase")).toList();
        BigDecimal revenue = sum(purchases, ProductEvent::amount);
        long views = SEEDED.count("product_view");
        long carts = SEEDED.count("add_to_cart");
        Map<String, List<ProductEvent>> byCategory = group(events, ProductEvent::category);
        Map<String, List<ProductEvent>> byPlatform = group(events, ProductEvent::platform);

        for (View view : RANGE_VIEWS) {
            Document page = page("/products" + view.query());

            assertText(page, "#kpi-revenue", money(revenue));
            assertText(page, "#kpi-revenue + .kpi-hint",
                    money(revenue.divide(BigDecimal.valueOf(purchases.size()), 2, RoundingMode.HALF_UP)) + " per purchase on average");
            assertText(page, "#kpi-purchases", count(purchases.size()));
            assertText(page, "#kpi-purchases + .kpi-hint", "in 3 categories");
            assertText(page, "#kpi-views", count(views));
            assertText(page, "#kpi-conversion", percent(purchases.size(), views));
            assertDataUpdated(page, ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Funnel.RELATIVE_PATH,
                    ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpiFiles.RevenueHourly.RELATIVE_PATH);

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
            assertTable(chartTable(page, "/charts/products/revenue-by-platform.svg"), List.of("Platform", "Revenue"),
                    byPlatform.entrySet().stream().map(platform -> List.of(platform.getKey(),
                            CHART_MONEY.format(revenueOf(platform.getValue())))).toList());
            assertTable(pageTable(page, "/charts/products/revenue-by-platform.svg"), List.of("Platform", "Revenue", "Views", "Purchases"),
                    byPlatform.entrySet().stream().map(platform -> List.of(platform.getKey(), money(revenueOf(platform.getValue())),
                            count(stage(platform.getValue(), "product_view")), count(stage(platform.getValue(), "purchase")))).toList());

            RevenueShown shown = RevenueShown.of(purchases, view);
            assertThat(shown.hourly()).as("the seeded file shown whole per day, a range of it per hour").isEqualTo(view.range() != null);
            assertCurrentChoices(page, view);
            assertText(page, "#revenue-period", "Revenue of all platforms " + (shown.hourly()
                    ? "per hour from " + HOUR.format(shown.first()) + " to " + HOUR.format(shown.end()) + " UTC."
                    : "per UTC day from " + shown.first().toLocalDate() + " to " + shown.end().minusHours(1).toLocalDate()
                            + ", each the sum of its hours."));
            assertTable(chartTable(page, "/charts/products/revenue-by-hour.svg"),
                    List.of(shown.hourly() ? "Hour (UTC)" : "Day (UTC)", "Revenue"),
                    shown.revenue().entrySet().stream().map(point -> List.of(time(point.getKey(), shown.hourly()),
                            CHART_MONEY.format(point.getValue()))).toList());
        }
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

    /**
     * A view of a page's time charts, as its query asks for it.
     *
     * @param range   how far back from the end of the newest hour or day of the file; null for all of it
     * @param zone    the one zone shown; null for every zone
     * @param current the labels of the choices the page marks as the current ones
     */
    private record View(String query, Duration range, String zone, List<String> current) {

        /** Whether the hour or day that starts at {@code start} is within the range, for data that ends at {@code end}. */
        boolean includes(LocalDateTime start, LocalDateTime end) {
            return range == null || !start.isBefore(end.minus(range));
        }

        boolean shows(String name) {
            return zone == null || zone.equals(name);
        }
    }

    /**
     * What the urban time charts show in a view, recomputed from the buckets: those within the range, per hour while
     * they span at most a week up to the end of the newest hour of the file, else per zone and day, the day's means
     * weighted by readings.
     */
    private record UrbanShown(LocalDateTime first, LocalDateTime end, boolean hourly, List<ZonePoint> points) {

        static UrbanShown of(List<UrbanBucket> buckets, View view) {
            LocalDateTime end = buckets.stream().map(UrbanShown::start).max(Comparator.naturalOrder()).orElseThrow().plusHours(1);
            List<UrbanBucket> within = buckets.stream().filter(bucket -> view.includes(start(bucket), end)).toList();
            // over every zone: choosing one zone does not change whether the charts show hours or days
            LocalDateTime first = within.stream().map(UrbanShown::start).min(Comparator.naturalOrder()).orElseThrow();
            boolean hourly = Duration.between(first, end).compareTo(WEEK) <= 0;
            // per zone and hour or day, the sums of readings, vehicle count × readings and pollution index × readings,
            // added up in file order
            Map<String, Map<LocalDateTime, double[]>> sums = new TreeMap<>();
            within.stream().filter(bucket -> view.shows(bucket.zone())).forEach(bucket -> {
                double[] sum = sums.computeIfAbsent(bucket.zone(), zone -> new TreeMap<>())
                        .computeIfAbsent(hourly ? start(bucket) : bucket.day().atStartOfDay(), start -> new double[3]);
                sum[0] += bucket.readings();
                sum[1] += bucket.vehicleCount() * bucket.readings();
                sum[2] += bucket.pollutionIdx() * bucket.readings();
            });
            List<ZonePoint> points = new ArrayList<>();
            sums.forEach((zone, byStart) -> byStart.forEach((start, sum) ->
                    points.add(new ZonePoint(zone, start, sum[1] / sum[0], sum[2] / sum[0]))));
            return new UrbanShown(first, end, hourly, points);
        }

        private static LocalDateTime start(UrbanBucket bucket) {
            return bucket.day().atTime(bucket.hour(), 0);
        }
    }

    /** The means of one zone over one hour or day that starts at {@code start}. */
    private record ZonePoint(String zone, LocalDateTime start, double vehicleCount, double pollutionIdx) {
    }

    /**
     * What the revenue chart shows in a view, recomputed from the purchases: every hour from the first within the range
     * to the end of the newest hour with a purchase, 0 where nothing was sold; beyond a week, each day the sum of its
     * hours.
     *
     * @param revenue by the start of each hour or day shown, in time order
     */
    private record RevenueShown(LocalDateTime first, LocalDateTime end, boolean hourly, Map<LocalDateTime, BigDecimal> revenue) {

        static RevenueShown of(List<ProductEvent> purchases, View view) {
            TreeMap<LocalDateTime, BigDecimal> byHour = new TreeMap<>();
            purchases.forEach(purchase -> byHour.merge(purchase.day().atTime(purchase.hour(), 0), purchase.amount(), BigDecimal::add));
            LocalDateTime end = byHour.lastKey().plusHours(1);
            LocalDateTime first = view.includes(byHour.firstKey(), end) ? byHour.firstKey() : end.minus(view.range());
            boolean hourly = Duration.between(first, end).compareTo(WEEK) <= 0;
            Map<LocalDateTime, BigDecimal> revenue = new TreeMap<>();
            if (hourly) {
                for (LocalDateTime hour = first; hour.isBefore(end); hour = hour.plusHours(1)) {
                    revenue.put(hour, byHour.getOrDefault(hour, BigDecimal.ZERO));
                }
            } else {
                // up to the day of the newest hour
                for (LocalDate day = first.toLocalDate(); !day.isAfter(byHour.lastKey().toLocalDate()); day = day.plusDays(1)) {
                    revenue.put(day.atStartOfDay(), BigDecimal.ZERO);
                }
                byHour.tailMap(first).forEach((hour, amount) -> revenue.merge(hour.toLocalDate().atStartOfDay(), amount, BigDecimal::add));
            }
            return new RevenueShown(first, end, hourly, revenue);
        }
    }

    /** The page marks the view's choices as the current ones, to the eye and to screen readers. */
    private static void assertCurrentChoices(Document page, View view) {
        assertThat(page.select("nav.view-choices a.current").eachText()).as(page.location()).isEqualTo(view.current());
        assertThat(page.select("nav.view-choices a[aria-current=page]").eachText()).as(page.location()).isEqualTo(view.current());
    }

    /** An hour or a day as the time charts print it. */
    private static String time(LocalDateTime start, boolean hourly) {
        return hourly ? HOUR.format(start) : start.toLocalDate().toString();
    }

    /** The days from the first to the last, as the pages print them: "2025-03-14" or "2025-03-05 to 2025-03-14". */
    private static String period(List<LocalDate> days) {
        LocalDate first = days.stream().min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = days.stream().max(Comparator.naturalOrder()).orElseThrow();
        return first.equals(last) ? first.toString() : first + " to " + last;
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
                + (table.closest("details.chart-data") == null ? "" : " (data of the chart)") + " at " + table.ownerDocument().location();
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

    private static <T, K extends Comparable<? super K>> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
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
