import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two halves of bench/dashboard-latency.sh, run with Java's source launcher (JDK only, no dependencies).
 *
 * <pre>
 *   java PageLatency.java generate DATA_DIR ROWS
 *   java PageLatency.java measure BASE_URL CLIENTS REQUESTS WARMUP REPEAT "PATH MARKER"...
 * </pre>
 *
 * {@code generate} writes every KPI file the dashboard's pages read, valid for their checks: the urban aggregate
 * with ROWS rows (five zones × 24 hours per day), the transport files over the same days, the product files (the
 * revenue per hour over the same days, every hour) and the data-quality file.
 *
 * {@code measure}, REPEAT times, for each path: WARMUP requests (the first answer must be 200 and contain MARKER,
 * so that a page showing its "no data" or "malformed file" panel is never measured), then REQUESTS GETs from
 * CLIENTS concurrent clients, then REQUESTS GETs from one client. Each latency is send to last body byte. Prints
 * one line per measurement on standard output:
 * {@code RESULT path scenario repetition p50_ms p95_ms p99_ms max_ms requests_per_s}; progress goes to standard
 * error.
 */
public class PageLatency {

    /** The urban zones as the common model names them in the files (UrbanLocations). */
    private static final List<String> ZONES = List.of("Centro", "Altabrisa", "Caucel", "Kanasin", "Emiliano Zapata");

    /** Boarding areas as the common model names them (TransportDisplayNames). */
    private static final List<String> BOARDING_AREAS = List.of("Centro (Downtown)", "North Zone (Altabrisa/Montejo)",
            "West Zone (Caucel/Juan Pablo II)", "East Zone (Vergel/Kanasín)", "South Zone (Emiliano Zapata Sur/San Haroldo)");

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 7 && args[0].equals("measure")) {
            measure(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Arrays.asList(args).subList(6, args.length));
        } else {
            System.err.println("usage: generate DATA_DIR ROWS | measure BASE_URL CLIENTS REQUESTS WARMUP REPEAT \"PATH MARKER\"...");
            System.exit(2);
        }
    }

    // ------------------------------------------------------------------------------------------------ generate

    private static void generate(Path dir, int rows) throws IOException {
        Random random = new Random(42); // the same files on every run
        int days = Math.max(1, (rows + ZONES.size() * 24 - 1) / (ZONES.size() * 24));

        try (PrintWriter out = writer(dir.resolve("processed/urban_sensors_processed_aggregated.csv"))) {
            out.println("location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db");
            for (int i = 0; i < rows; i++) {
                // ranges of the transformer's quality rules: vehicles 0-200, speed 0-80, pm25 1-150, pm10 5-200, noise 30-100
                double pm25 = 1 + random.nextDouble() * 149;
                double pm10 = 5 + random.nextDouble() * 195;
                out.printf(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f%n",
                        ZONES.get(i % ZONES.size()), FIRST_DAY.plusDays(i / (ZONES.size() * 24)), (i / ZONES.size()) % 24,
                        1 + random.nextInt(60), random.nextDouble() * 200, random.nextDouble() * 80, pm25, pm10,
                        0.6 * pm25 + 0.4 * pm10, 30 + random.nextDouble() * 70);
            }
        }

        long trips = 0, passengers = 0, revenueCents = 0;
        try (PrintWriter out = writer(dir.resolve("processed_transport/transport_kpi_daily.csv"))) {
            out.println("day,trips,passengers,revenue");
            for (int d = 0; d < days; d++) {
                long dayTrips = 200 + random.nextInt(400);
                long dayPassengers = dayTrips + random.nextInt((int) dayTrips * 3);
                long dayCents = dayTrips * 1200 - random.nextInt((int) dayTrips) * 700;
                trips += dayTrips;
                passengers += dayPassengers;
                revenueCents += dayCents;
                out.printf(Locale.ROOT, "%s,%d,%d,%s%n", FIRST_DAY.plusDays(d), dayTrips, dayPassengers, money(dayCents));
            }
        }
        long peakTrips = trips * 2 / 5;
        try (PrintWriter out = writer(dir.resolve("processed_transport/transport_kpi_summary.csv"))) {
            out.println("total_revenue,total_trips,total_passengers,peak_hour_trips,peak_hour_share");
            out.printf(Locale.ROOT, "%s,%d,%d,%d,%s%n", money(revenueCents), trips, passengers, peakTrips,
                    Double.toString((double) peakTrips / trips));
        }
        try (PrintWriter out = writer(dir.resolve("processed_transport/transport_kpi_boarding_areas.csv"))) {
            out.println("rank,boarding_area,trips,passengers");
            long tripsLeft = trips, passengersLeft = passengers;
            int[] percent = {30, 25, 20, 15}; // ranked by trips, most first; the last area takes the rest (10%)
            for (int rank = 1; rank <= BOARDING_AREAS.size(); rank++) {
                boolean last = rank == BOARDING_AREAS.size();
                long areaTrips = last ? tripsLeft : trips * percent[rank - 1] / 100;
                long areaPassengers = last ? passengersLeft : passengers * percent[rank - 1] / 100;
                tripsLeft -= areaTrips;
                passengersLeft -= areaPassengers;
                out.printf(Locale.ROOT, "%d,%s,%d,%d%n", rank, BOARDING_AREAS.get(rank - 1), areaTrips, areaPassengers);
            }
        }

        try (PrintWriter out = writer(dir.resolve("processed_transport/transport_kpi_routes.csv"))) {
            out.println("route_type,trips,mean_duration_minutes,revenue");
            String[] routes = {"Ie-Tram Corridor", "Suburban/Connecting Route", "Urban/Feeder Route", "Urban/Metropolitan Circuito"};
            int[] percent = {20, 15, 35, 30};
            for (int r = 0; r < routes.length; r++) {
                out.printf(Locale.ROOT, "%s,%d,%.2f,%s%n", routes[r], trips * percent[r] / 100, 20 + random.nextDouble() * 60,
                        money(revenueCents * percent[r] / 100));
            }
        }
        try (PrintWriter out = writer(dir.resolve("processed_transport/transport_kpi_fares.csv"))) {
            out.println("fare_type,payment_method,trips,revenue");
            String[][] fares = {{"Regular", "Card"}, {"Regular", "QR"}, {"Student/Senior/Disability", "Card"},
                    {"Student/Senior/Disability", "QR"}};
            int[] percent = {51, 9, 34, 6};
            for (int f = 0; f < fares.length; f++) {
                out.printf(Locale.ROOT, "%s,%s,%d,%s%n", fares[f][0], fares[f][1], trips * percent[f] / 100,
                        money(revenueCents * percent[f] / 100));
            }
        }

        long views = 0, carts = 0, removes = 0, purchases = 0;
        try (PrintWriter out = writer(dir.resolve("processed_product/product_events_clean_kpi_category.csv"))) {
            out.println("category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart");
            for (String category : List.of("clothing", "electronics", "home")) {
                long v = Math.max(100, rows) + random.nextInt(1000), c = v / 4, r = c / 5, p = c / 2;
                views += v;
                carts += c;
                removes += r;
                purchases += p;
                out.printf(Locale.ROOT, "%s,%d,%d,%s,%d,%d%n", category, v, p, money(p * (1999 + random.nextInt(50000))), c, r);
            }
        }
        try (PrintWriter out = writer(dir.resolve("processed_product/product_events_clean_kpi_funnel.csv"))) {
            out.println("stage,count,conversion_rate");
            out.printf(Locale.ROOT, "product_view,%d,%nadd_to_cart,%d,%nremove_from_cart,%d,%npurchase,%d,%n", views, carts, removes, purchases);
            out.printf(Locale.ROOT, "view_to_cart,,%s%ncart_to_purchase,,%s%nview_to_purchase,,%s%n",
                    (double) carts / views, (double) purchases / carts, (double) purchases / views);
        }

        try (PrintWriter out = writer(dir.resolve("processed_product/product_events_clean_kpi_platform.csv"))) {
            out.println("platform,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart");
            String[] platforms = {"android", "ios", "web"};
            int[] percent = {30, 25, 45};
            for (int i = 0; i < platforms.length; i++) {
                out.printf(Locale.ROOT, "%s,%d,%d,%s,%d,%d%n", platforms[i], views * percent[i] / 100, purchases * percent[i] / 100,
                        money(purchases * percent[i] / 100 * (1999 + random.nextInt(50000))), carts * percent[i] / 100,
                        removes * percent[i] / 100);
            }
        }
        try (PrintWriter out = writer(dir.resolve("processed_product/product_events_clean_kpi_revenue_hourly.csv"))) {
            // one row per hour of the urban file's days: the revenue chart over time has as many hours as the urban one
            out.println("day,hour,purchases,revenue");
            for (int d = 0; d < days; d++) {
                for (int hour = 0; hour < 24; hour++) {
                    int hourPurchases = 1 + random.nextInt(20);
                    out.printf(Locale.ROOT, "%s,%d,%d,%s%n", FIRST_DAY.plusDays(d), hour, hourPurchases,
                            money(hourPurchases * (1999 + random.nextInt(50000))));
                }
            }
        }

        try (PrintWriter out = writer(dir.resolve("processed/data_quality.csv"))) {
            out.println("stream,metric,rule,count");
            quality(out, random, "product-events", List.of("value-present", "event-id-present", "user-id-present",
                    "timestamp-positive", "product-in-catalog", "price-positive", "price-matches-catalog",
                    "purchase-fields-consistent", "purchase-amount-equals-price"), views + carts + removes + purchases);
            quality(out, random, "transportation-stats", List.of("value-present", "transaction-id-present",
                    "event-time-consistent", "service-hours", "route-matches-provider", "fare-matches-rules",
                    "duration-within-route-range", "passenger-count-range"), trips);
            quality(out, random, "urban-sensors", List.of("value-present", "sensor-id-present", "ts-positive",
                    "measurements-finite", "vehicle-count-range", "avg-speed-kmh-range", "noise-db-range", "pm25-range",
                    "pm10-range"), rows * 30L);
        }
    }

    private static void quality(PrintWriter out, Random random, String stream, List<String> rules, long accepted) {
        out.printf("%s,accepted,,%d%n", stream, accepted);
        for (String rule : rules) {
            out.printf("%s,rejected,%s,%d%n", stream, rule, random.nextInt(3) == 0 ? random.nextInt(50) : 0);
        }
        out.printf("%s,duplicate,,%d%n", stream, random.nextInt(20));
        for (String reason : List.of("bad-magic-byte", "truncated", "unknown-schema-id", "unusable-schema",
                "wrong-record-type", "corrupt-payload")) {
            out.printf("%s,undecodable,%s,%d%n", stream, reason, random.nextInt(4) == 0 ? random.nextInt(5) : 0);
        }
    }

    private static String money(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private static PrintWriter writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------- measure

    private static void measure(String base, int clients, int requests, int warmup, int repeat, List<String> pages)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int rep = 1; rep <= repeat; rep++) {
                for (String page : pages) {
                    // the path has no space (its query may have '='), the marker may have several
                    int space = page.indexOf(' ');
                    String path = page.substring(0, space);
                    String marker = page.substring(space + 1);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                            .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build();
                    checkFirstAnswer(http, request, marker);
                    run(http, request, pool, clients, warmup); // JIT, connections, caches: not recorded
                    System.err.printf("  run %d/%d %-38s %d clients ...%n", rep, repeat, path, clients);
                    report(path, "concurrent", rep, run(http, request, pool, clients, requests));
                    System.err.printf("  run %d/%d %-38s 1 client ...%n", rep, repeat, path);
                    report(path, "sequential", rep, run(http, request, pool, 1, requests));
                }
            }
        }
    }

    private static void checkFirstAnswer(HttpClient http, HttpRequest request, String marker) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(marker)) {
            String body = response.body();
            System.err.printf("%s answered %d without '%s'; the start of its answer:%n%s%n", request.uri(),
                    response.statusCode(), marker, body.substring(0, Math.min(body.length(), 3000)));
            System.exit(1);
        }
    }

    /** The sorted latencies in nanoseconds, and the wall time of all of them. */
    private record Measurement(long[] nanos, long wallNanos) {
    }

    private static Measurement run(HttpClient http, HttpRequest request, ExecutorService pool, int clients, int requests)
            throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - sent;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long wall = System.nanoTime() - start;
        Arrays.sort(nanos);
        return new Measurement(nanos, wall);
    }

    private static void report(String path, String scenario, int rep, Measurement m) {
        long[] n = m.nanos();
        System.out.printf(Locale.ROOT, "RESULT %s %s %d %.2f %.2f %.2f %.2f %.1f%n", path, scenario, rep,
                percentile(n, 0.50), percentile(n, 0.95), percentile(n, 0.99), n[n.length - 1] / 1e6,
                n.length * 1e9 / m.wallNanos());
        System.out.flush();
    }

    /** Nearest rank, in milliseconds. */
    private static double percentile(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
