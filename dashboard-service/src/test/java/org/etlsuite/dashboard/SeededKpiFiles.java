package org.etlsuite.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.etlsuite.dashboard.page.TestFiles;
import org.etlsuite.model.Topics;
import org.etlsuite.model.kpi.DataQualityKpiFile;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.model.kpi.UrbanHourlyKpiFile;

/**
 * Every KPI file the transformer writes for the dashboard, generated from a seeded {@link Random}: one seed, one set
 * of files. The transport and product files are aggregated from generated trips and events, and the data-quality
 * counts accept exactly the generated records, so the files agree with each other as the transformer's do; the
 * urban file is generated as the hourly means it holds. The generated records are kept, for a test to recompute
 * from them what the pages must show.
 */
final class SeededKpiFiles {

    static final List<String> ZONES = List.of("Centro", "Altabrisa", "Caucel", "Kanasin", "Emiliano Zapata");
    /** Louder downtown and along the southern ring road, as the sensor network hears it. */
    private static final Map<String, Double> ZONE_NOISE_DB = Map.of("Centro", 64.0, "Altabrisa", 55.0, "Caucel", 58.0,
            "Kanasin", 60.0, "Emiliano Zapata", 66.0);
    /**
     * Ten days: more than the week up to which the time charts show hours, so that the whole span is shown per day and
     * the ranges of 7 days and 24 hours per hour.
     */
    private static final List<LocalDate> URBAN_DAYS =
            LocalDate.parse("2025-03-05").datesUntil(LocalDate.parse("2025-03-15")).toList();
    private static final List<Integer> URBAN_HOURS = List.of(7, 9, 13, 18);

    /** The trips' hours of departure: service hours, the rush hours (7, 8, 17, 18) twice as likely. */
    private static final List<Integer> TRIP_HOURS = List.of(5, 6, 7, 7, 8, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 17, 18, 18,
            19, 20, 21, 22);
    static final Set<Integer> PEAK_HOURS = Set.of(7, 8, 17, 18);
    private static final LocalDate FIRST_TRIP_DAY = LocalDate.parse("2025-03-05");
    /** More than the daily chart's range of 7 days, which then shows fewer days than the whole file. */
    private static final int TRIP_DAYS = 10;
    private static final int TRIPS = 480;
    /** Most trips board downtown; the weights keep the ranking clear of ties. */
    private static final Map<String, Integer> BOARDING_AREA_WEIGHTS = ordered(
            "Centro (Downtown)", 30, "North Zone (Altabrisa/Montejo)", 19, "West Zone (Caucel/Juan Pablo II)", 15,
            "East Zone (Vergel/Kanasín)", 13, "South Zone (Emiliano Zapata Sur/San Haroldo)", 11, "Circuito Route Stop", 7);
    private static final Map<String, BigDecimal> REGULAR_FARE = ordered(
            "Urban/Metropolitan Circuito", new BigDecimal("12.00"), "Ie-Tram Corridor", new BigDecimal("15.50"),
            "Urban/Feeder Route", new BigDecimal("9.75"), "Suburban/Connecting Route", new BigDecimal("18.25"));
    private static final Map<String, int[]> ROUTE_MINUTES = Map.of("Urban/Metropolitan Circuito", new int[] {25, 55},
            "Ie-Tram Corridor", new int[] {20, 40}, "Urban/Feeder Route", new int[] {15, 35}, "Suburban/Connecting Route", new int[] {35, 75});
    private static final String REGULAR = "Regular";
    private static final String REDUCED = "Student/Senior/Disability";
    private static final List<String> PAYMENT_METHODS = List.of("Card", "QR");

    private static final List<LocalDate> PRODUCT_DAYS = URBAN_DAYS;
    private static final int PRODUCT_EVENTS = 1_200;
    /** The funnel's stages, in funnel order. */
    static final List<String> STAGES = List.of("product_view", "add_to_cart", "remove_from_cart", "purchase");
    private static final List<String> CATEGORIES = List.of("electronics", "clothing", "home");
    /** Purchase amounts in centavos, lowest and highest. */
    private static final Map<String, int[]> CATEGORY_PRICE_CENTS = Map.of("electronics", new int[] {14_999, 249_999},
            "clothing", new int[] {1_499, 19_999}, "home", new int[] {1_999, 59_999});
    private static final Map<String, Integer> PLATFORM_WEIGHTS = ordered("web", 45, "android", 35, "ios", 20);

    /** The rules and decode failures of each stream, in the order the transformer checks them. */
    private static final Map<String, List<String>> RULES = ordered(
            Topics.PRODUCT_EVENTS, List.of("event-id-present", "user-id-present", "timestamp-positive", "product-in-catalog",
                    "price-positive", "price-matches-catalog", "purchase-fields-consistent", "purchase-amount-equals-price"),
            Topics.TRANSPORTATION_STATS, List.of("transaction-id-present", "event-time-consistent", "service-hours",
                    "route-matches-provider", "fare-matches-rules", "duration-within-route-range", "passenger-count-range"),
            Topics.URBAN_SENSORS, List.of("sensor-id-present", "ts-positive", "measurements-finite", "vehicle-count-range",
                    "avg-speed-kmh-range", "noise-db-range", "pm25-range", "pm10-range"));
    private static final List<String> DECODE_FAILURES = List.of("bad-magic-byte", "unknown-schema-id", "corrupt-payload");

    /** When the first file was written; each next one a minute later. */
    private static final Instant WRITTEN = Instant.parse("2025-03-14T23:40:00Z");

    /** One KPI file: its rows as the transformer writes them, and when it was written. */
    record KpiFile(String path, List<String> header, List<List<String>> rows, Instant lastModified) {

        KpiFile {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** The values of one column, in file order. */
        List<String> column(String column) {
            int index = header.indexOf(column);
            return rows.stream().map(row -> row.get(index)).toList();
        }

        String csv() {
            StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
            rows.forEach(row -> csv.append(row.stream().map(KpiFile::field).collect(Collectors.joining(","))).append('\n'));
            return csv.toString();
        }

        private static String field(String value) {
            return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }

    /** One row of the urban file: the means of one zone's readings in one UTC hour. */
    record UrbanBucket(String zone, LocalDate day, int hour, long readings, double vehicleCount, double avgSpeedKmh,
                       double pm25, double pm10, double pollutionIdx, double noiseDb) {
    }

    record Trip(LocalDate day, int hour, String boardingArea, String routeType, String fareType, String paymentMethod,
                long passengers, BigDecimal fare, int durationMinutes) {
    }

    /** @param amount what a purchase paid; null for the other stages */
    record ProductEvent(String stage, String category, String platform, LocalDate day, int hour, BigDecimal amount) {
    }

    /** One row of the data-quality file; the rule is empty for accepted and duplicate records. */
    record QualityCount(String stream, String metric, String rule, long count) {
    }

    private final List<UrbanBucket> urban;
    private final List<Trip> trips;
    private final List<ProductEvent> events;
    private final List<QualityCount> quality;
    private final Map<String, KpiFile> files = new LinkedHashMap<>();

    private SeededKpiFiles(Random random) {
        this.urban = urban(random);
        this.trips = trips(random);
        this.events = events(random);
        this.quality = quality(random);
        add(UrbanHourlyKpiFile.RELATIVE_PATH, UrbanHourlyKpiFile.HEADER, urban.stream().map(bucket -> List.of(bucket.zone(),
                bucket.day().toString(), Integer.toString(bucket.hour()), Long.toString(bucket.readings()),
                Double.toString(bucket.vehicleCount()), Double.toString(bucket.avgSpeedKmh()), Double.toString(bucket.pm25()),
                Double.toString(bucket.pm10()), Double.toString(bucket.pollutionIdx()), Double.toString(bucket.noiseDb()))).toList());
        addTransportFiles();
        addProductFiles();
        add(DataQualityKpiFile.RELATIVE_PATH, DataQualityKpiFile.HEADER, quality.stream()
                .map(count -> List.of(count.stream(), count.metric(), count.rule(), Long.toString(count.count()))).toList());
    }

    static SeededKpiFiles generate(long seed) {
        return new SeededKpiFiles(new Random(seed));
    }

    List<UrbanBucket> urban() {
        return urban;
    }

    List<Trip> trips() {
        return trips;
    }

    List<ProductEvent> events() {
        return events;
    }

    List<QualityCount> quality() {
        return quality;
    }

    /** Every file, in the order written. */
    List<KpiFile> files() {
        return List.copyOf(files.values());
    }

    /** @throws IllegalArgumentException for a file this class does not write */
    KpiFile file(String path) {
        KpiFile file = files.get(path);
        if (file == null) {
            throw new IllegalArgumentException("no seeded KPI file at " + path + "; the seeded files are " + files.keySet());
        }
        return file;
    }

    void write(Path dataDir) throws IOException {
        for (KpiFile file : files.values()) {
            TestFiles.write(dataDir.resolve(file.path()), file.csv(), file.lastModified());
        }
    }

    /** Days by zone by hour; the zones not in alphabetical order, which the pages sort them in. */
    private static List<UrbanBucket> urban(Random random) {
        List<UrbanBucket> buckets = new ArrayList<>();
        for (LocalDate day : URBAN_DAYS) {
            for (int hour : URBAN_HOURS) {
                boolean rush = hour == 7 || hour == 18;
                for (String zone : ZONES) {
                    double vehicles = round(1, (rush ? 160 : 60) + random.nextDouble() * 140);
                    double speed = round(1, 58 - vehicles / 8 + random.nextDouble() * 6);
                    double pm25 = round(1, 6 + vehicles * 0.18 + random.nextDouble() * 12);
                    double pm10 = round(1, pm25 * 1.35 + random.nextDouble() * 9);
                    double noise = round(1, ZONE_NOISE_DB.get(zone) + vehicles * 0.02 + random.nextDouble() * 5);
                    buckets.add(new UrbanBucket(zone, day, hour, 20 + random.nextInt(380), vehicles, speed, pm25, pm10,
                            round(2, 0.6 * pm25 + 0.4 * pm10), noise));
                }
            }
        }
        return buckets;
    }

    private static List<Trip> trips(Random random) {
        List<Trip> trips = new ArrayList<>();
        List<String> routes = List.copyOf(REGULAR_FARE.keySet());
        for (int i = 0; i < TRIPS; i++) {
            String route = routes.get(random.nextInt(routes.size()));
            boolean reduced = random.nextInt(10) < 3;
            BigDecimal regular = REGULAR_FARE.get(route);
            int[] minutes = ROUTE_MINUTES.get(route);
            trips.add(new Trip(FIRST_TRIP_DAY.plusDays(random.nextInt(TRIP_DAYS)), TRIP_HOURS.get(random.nextInt(TRIP_HOURS.size())),
                    weighted(random, BOARDING_AREA_WEIGHTS), route, reduced ? REDUCED : REGULAR,
                    PAYMENT_METHODS.get(random.nextInt(PAYMENT_METHODS.size())), 8 + random.nextInt(35),
                    reduced ? regular.divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP) : regular,
                    minutes[0] + random.nextInt(minutes[1] - minutes[0] + 1)));
        }
        return trips;
    }

    private static List<ProductEvent> events(Random random) {
        List<ProductEvent> events = new ArrayList<>();
        for (int i = 0; i < PRODUCT_EVENTS; i++) {
            int draw = random.nextInt(100);
            String stage = STAGES.get(draw < 68 ? 0 : draw < 84 ? 1 : draw < 89 ? 2 : 3);
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            int[] cents = CATEGORY_PRICE_CENTS.get(category);
            BigDecimal amount = stage.equals("purchase")
                    ? BigDecimal.valueOf(cents[0] + random.nextInt(cents[1] - cents[0] + 1), 2) : null;
            events.add(new ProductEvent(stage, category, weighted(random, PLATFORM_WEIGHTS),
                    PRODUCT_DAYS.get(random.nextInt(PRODUCT_DAYS.size())), random.nextInt(24), amount));
        }
        return events;
    }

    /** The accepted records are the generated ones: trips, product events, and the readings of the urban buckets. */
    private List<QualityCount> quality(Random random) {
        Map<String, Long> accepted = Map.of(Topics.PRODUCT_EVENTS, (long) events.size(), Topics.TRANSPORTATION_STATS,
                (long) trips.size(), Topics.URBAN_SENSORS, urban.stream().mapToLong(UrbanBucket::readings).sum());
        List<QualityCount> counts = new ArrayList<>();
        RULES.forEach((stream, rules) -> {
            counts.add(new QualityCount(stream, DataQualityKpiFile.ACCEPTED, "", accepted.get(stream)));
            // some rules never fire: a count of 0 is listed all the same
            rules.forEach(rule -> counts.add(new QualityCount(stream, DataQualityKpiFile.REJECTED, rule,
                    random.nextInt(3) == 0 ? 0 : random.nextInt(25))));
            counts.add(new QualityCount(stream, DataQualityKpiFile.DUPLICATE, "", random.nextInt(40)));
            DECODE_FAILURES.forEach(failure -> counts.add(new QualityCount(stream, DataQualityKpiFile.UNDECODABLE, failure,
                    random.nextInt(4))));
        });
        return counts;
    }

    private void addTransportFiles() {
        BigDecimal revenue = sum(trips, Trip::fare);
        long peakTrips = trips.stream().filter(trip -> PEAK_HOURS.contains(trip.hour())).count();
        add(TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiFiles.Summary.HEADER, List.of(List.of(money(revenue),
                Long.toString(trips.size()), Long.toString(trips.stream().mapToLong(Trip::passengers).sum()),
                Long.toString(peakTrips), Double.toString((double) peakTrips / trips.size()))));
        add(TransportKpiFiles.Daily.RELATIVE_PATH, TransportKpiFiles.Daily.HEADER, group(trips, Trip::day).entrySet().stream()
                .map(day -> List.of(day.getKey().toString(), Integer.toString(day.getValue().size()),
                        Long.toString(day.getValue().stream().mapToLong(Trip::passengers).sum()), money(sum(day.getValue(), Trip::fare))))
                .toList());
        List<Map.Entry<String, List<Trip>>> ranked = group(trips, Trip::boardingArea).entrySet().stream()
                // most trips first; the writer breaks ties by name, which the grouping sorted by already
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Trip>> area) -> area.getValue().size()).reversed())
                .toList();
        List<List<String>> areas = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            List<Trip> areaTrips = ranked.get(i).getValue();
            areas.add(List.of(Integer.toString(i + 1), ranked.get(i).getKey(), Integer.toString(areaTrips.size()),
                    Long.toString(areaTrips.stream().mapToLong(Trip::passengers).sum())));
        }
        add(TransportKpiFiles.BoardingAreas.RELATIVE_PATH, TransportKpiFiles.BoardingAreas.HEADER, areas);
        add(TransportKpiFiles.Routes.RELATIVE_PATH, TransportKpiFiles.Routes.HEADER, group(trips, Trip::routeType).entrySet().stream()
                .map(route -> List.of(route.getKey(), Integer.toString(route.getValue().size()),
                        Double.toString(route.getValue().stream().mapToInt(Trip::durationMinutes).sum() / (double) route.getValue().size()),
                        money(sum(route.getValue(), Trip::fare))))
                .toList());
        add(TransportKpiFiles.Fares.RELATIVE_PATH, TransportKpiFiles.Fares.HEADER,
                group(trips, trip -> trip.fareType() + "\u0000" + trip.paymentMethod()).entrySet().stream()
                        .map(fare -> List.of(fare.getKey().split("\u0000")[0], fare.getKey().split("\u0000")[1],
                                Integer.toString(fare.getValue().size()), money(sum(fare.getValue(), Trip::fare))))
                        .toList());
    }

    private void addProductFiles() {
        add(ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Category.HEADER,
                group(events, ProductEvent::category).entrySet().stream().map(SeededKpiFiles::productCounts).toList());
        List<List<String>> funnel = new ArrayList<>();
        STAGES.forEach(stage -> funnel.add(List.of(stage, Long.toString(count(stage)), "")));
        funnel.add(List.of(ProductKpiFiles.Funnel.VIEW_TO_CART, "", rate("add_to_cart", "product_view")));
        funnel.add(List.of(ProductKpiFiles.Funnel.CART_TO_PURCHASE, "", rate("purchase", "add_to_cart")));
        funnel.add(List.of(ProductKpiFiles.Funnel.VIEW_TO_PURCHASE, "", rate("purchase", "product_view")));
        add(ProductKpiFiles.Funnel.RELATIVE_PATH, ProductKpiFiles.Funnel.HEADER, funnel);
        add(ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpiFiles.Platform.HEADER,
                group(events, ProductEvent::platform).entrySet().stream().map(SeededKpiFiles::productCounts).toList());
        List<ProductEvent> purchases = events.stream().filter(event -> event.amount() != null).toList();
        add(ProductKpiFiles.RevenueHourly.RELATIVE_PATH, ProductKpiFiles.RevenueHourly.HEADER,
                group(purchases, event -> event.day() + "T" + String.format("%02d", event.hour())).values().stream()
                        .map(hour -> List.of(hour.getFirst().day().toString(), Integer.toString(hour.getFirst().hour()),
                                Integer.toString(hour.size()), money(sum(hour, ProductEvent::amount))))
                        .toList());
    }

    /** The columns the category and platform files share, for the events of one of them. */
    private static List<String> productCounts(Map.Entry<String, List<ProductEvent>> group) {
        List<ProductEvent> of = group.getValue();
        return List.of(group.getKey(), Long.toString(count(of, "product_view")), Long.toString(count(of, "purchase")),
                money(sum(of.stream().filter(event -> event.amount() != null).toList(), ProductEvent::amount)),
                Long.toString(count(of, "add_to_cart")), Long.toString(count(of, "remove_from_cart")));
    }

    long count(String stage) {
        return count(events, stage);
    }

    private static long count(List<ProductEvent> events, String stage) {
        return events.stream().filter(event -> event.stage().equals(stage)).count();
    }

    private String rate(String numerator, String denominator) {
        return Double.toString((double) count(numerator) / count(denominator));
    }

    private void add(String path, List<String> header, List<List<String>> rows) {
        files.put(path, new KpiFile(path, header, rows, WRITTEN.plusSeconds(60L * files.size())));
    }

    /** By key in natural order, as the transformer sorts its rows. */
    private static <T, K extends Comparable<K>> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Exactly to the centavo, as the transformer writes money. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static double round(int decimals, double value) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String weighted(Random random, Map<String, Integer> weights) {
        int draw = random.nextInt(weights.values().stream().mapToInt(Integer::intValue).sum());
        for (Map.Entry<String, Integer> weight : weights.entrySet()) {
            draw -= weight.getValue();
            if (draw < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("weights add up to less than the draw");
    }

    /** A map of the pairs given, in their order. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return map;
    }
}
