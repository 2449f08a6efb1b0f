package org.etlsuite.transformer.product;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.model.product.Product;
import org.etlsuite.model.product.ProductCatalog;
import org.etlsuite.transformer.kpi.KpiSink;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.kpi.StreamTopologyDriver.T0;

/**
 * Seeded product events with the generator's distributions, about 5 % dirty (one defect each, crafted
 * so the rule it breaks is known) and about 1 % re-sent copies. Every KPI file must equal what plain
 * Java computes here from the clean, distinct events: counts exact, money to the cent, rates within
 * 1e-9 relative; the data-quality counts must name every defect's rule. 200 events go through the
 * whole topology (TopologyTestDriver); 100,000 go through the same production steps called directly
 * ({@link KpiSink#direct}), because the driver manages only a few hundred events per second here.
 */
public class ProductAcceptanceTests {

    private static final int RECORDS = 100_000;
    /** Through the TopologyTestDriver, which commits and fsyncs state after every record: a smaller volume. */
    private static final int TOPOLOGY_RECORDS = 200;
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<Product> PRODUCTS = ProductCatalog.all().values().stream()
            .sorted(java.util.Comparator.comparing(Product::id)).toList();
    private static final String STREAM = "product-events";

    @TempDir
    Path stateDir;

    @Test
    void shouldWriteKpisEqualToAnIndependentComputationThroughTheTopology() {
        try (KpiSink<ProductEvent> topology = KpiSink.topology(TestProductEvents.driver(stateDir))) {
            runAndCheck(topology, TOPOLOGY_RECORDS, 11);
        }
    }

    @Test
    void shouldComputeKpisEqualToAnIndependentComputationFor100kEvents() {
        try (KpiSink<ProductEvent> direct = KpiSink.direct(ProductEventsStream.spec(), ProductKpis::cells)) {
            runAndCheck(direct, RECORDS, 20260301);
        }
    }

    private static void runAndCheck(KpiSink<ProductEvent> sink, int records, long seed) {
        int[] sent = {0};
        Load load = load(records, seed, (key, event) -> sink.send(key, event, T0.plusMillis(sent[0]++)));
        assertDataQuality(sink.dataQuality(), load.clean().size(), load.duplicates(), load.rejected());
        assertCategories(sink.rows(ProductKpis::categoryDocument), load.clean());
        assertPlatforms(sink.rows(ProductKpis::platformDocument), load.clean());
        assertFunnel(sink.rows(ProductKpis::funnelDocument), load.clean());
        assertHourly(sink.rows(ProductKpis::revenueHourlyDocument), load.clean());
    }

    /** What a seeded load sent: the clean, distinct events, the dirty ones counted by the rule they break, the re-sent copies. */
    public record Load(List<ProductEvent> clean, Map<String, Long> rejected, long duplicates) {
    }

    /**
     * Generates {@code records} seeded events, about 5 % dirty and 1 % copies, passes each (with the key the producer would use) to
     * {@code send} in order, and answers what was sent. Shared with the full-service acceptance test.
     */
    public static Load load(int records, long seed, BiConsumer<String, ProductEvent> send) {
        Random random = new Random(seed);
        List<ProductEvent> clean = new ArrayList<>();
        Map<String, Long> rejected = new TreeMap<>();
        long duplicates = 0;
        for (int i = 0; i < records; i++) {
            double draw = random.nextDouble();
            if (draw < 0.05) {
                ProductEvent dirty = generate(random);
                String rule = spoil(dirty, random);
                rejected.merge(rule, 1L, Long::sum);
                send.accept(dirty.getUserId(), dirty);
            } else if (draw < 0.06 && !clean.isEmpty()) {
                ProductEvent copy = clean.get(clean.size() - 1 - random.nextInt(Math.min(100, clean.size())));
                duplicates++;
                // Half of the copies under another key: de-duplication must not depend on the producer's keying.
                send.accept(random.nextBoolean() ? copy.getUserId() : "resent-" + i, copy);
            } else {
                ProductEvent event = generate(random);
                clean.add(event);
                send.accept(event.getUserId(), event);
            }
        }
        long dirty = rejected.values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) dirty / records).isBetween(records >= 10_000 ? 0.045 : 0.02, records >= 10_000 ? 0.055 : 0.12);
        return new Load(clean, rejected, duplicates);
    }

    private static void assertDataQuality(Map<QualityKey, Long> counts, long accepted, long duplicates, Map<String, Long> rejected) {
        Map<QualityKey, Long> expected = new HashMap<>();
        expected.put(QualityKey.accepted(STREAM), accepted);
        if (duplicates > 0) { // a count that never happened has no row in the store
            expected.put(QualityKey.duplicate(STREAM), duplicates);
        }
        rejected.forEach((rule, count) -> expected.put(QualityKey.rejected(STREAM, rule), count));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(expected);
    }

    public static void assertCategories(List<String[]> rows, List<ProductEvent> events) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (ProductEvent event : events) {
            String category = event.getCategory().name().toLowerCase(java.util.Locale.ROOT);
            counts.computeIfAbsent(category, c -> new long[4])[event.getEventType().ordinal()]++;
            if (event.getEventType() == EventType.PURCHASE) {
                revenue.merge(category, event.getPurchaseAmount(), BigDecimal::add);
            }
        }
        assertGroups(rows, counts, revenue);
    }

    public static void assertPlatforms(List<String[]> rows, List<ProductEvent> events) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (ProductEvent event : events) {
            String platform = event.getPlatform().name().toLowerCase(java.util.Locale.ROOT);
            counts.computeIfAbsent(platform, c -> new long[4])[event.getEventType().ordinal()]++;
            if (event.getEventType() == EventType.PURCHASE) {
                revenue.merge(platform, event.getPurchaseAmount(), BigDecimal::add);
            }
        }
        assertGroups(rows, counts, revenue);
    }

    /** counts by EventType ordinal: view, add, remove, purchase; columns: name, views, purchases, revenue, add, remove. */
    private static void assertGroups(List<String[]> rows, Map<String, long[]> counts, Map<String, BigDecimal> revenue) {
        List<String> expected = new ArrayList<>();
        counts.forEach((name, c) -> expected.add(String.join(",", name, Long.toString(c[0]), Long.toString(c[3]),
                revenue.getOrDefault(name, BigDecimal.ZERO).setScale(2).toPlainString(), Long.toString(c[1]), Long.toString(c[2]))));
        assertThat(rows).extracting(row -> String.join(",", row)).containsExactlyElementsOf(expected);
    }

    public static void assertFunnel(List<String[]> rows, List<ProductEvent> events) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (ProductEvent event : events) {
            counts.merge(event.getEventType(), 1L, Long::sum);
        }
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(0, 4)).extracting(row -> row[0] + "," + row[1] + "," + row[2]).containsExactly(
                "product_view," + counts.get(EventType.PRODUCT_VIEW) + ",",
                "add_to_cart," + counts.get(EventType.ADD_TO_CART) + ",",
                "remove_from_cart," + counts.get(EventType.REMOVE_FROM_CART) + ",",
                "purchase," + counts.get(EventType.PURCHASE) + ",");
        assertRate(rows.get(4), "view_to_cart", (double) counts.get(EventType.ADD_TO_CART) / counts.get(EventType.PRODUCT_VIEW));
        assertRate(rows.get(5), "cart_to_purchase", (double) counts.get(EventType.PURCHASE) / counts.get(EventType.ADD_TO_CART));
        assertRate(rows.get(6), "view_to_purchase", (double) counts.get(EventType.PURCHASE) / counts.get(EventType.PRODUCT_VIEW));
    }

    private static void assertRate(String[] row, String stage, double expected) {
        assertThat(row[0]).isEqualTo(stage);
        assertThat(row[1]).isEmpty();
        assertThat(Math.abs(Double.parseDouble(row[2]) - expected)).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    public static void assertHourly(List<String[]> rows, List<ProductEvent> events) {
        Map<String, Long> purchases = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (ProductEvent event : events) {
            if (event.getEventType() == EventType.PURCHASE) {
                ZonedDateTime utc = event.getTimestamp().atZone(ZoneOffset.UTC);
                // zero-padded hour so that the map sorts as the file does (by day, then numeric hour)
                String bucket = utc.toLocalDate() + "," + String.format("%02d", utc.getHour());
                purchases.merge(bucket, 1L, Long::sum);
                revenue.merge(bucket, event.getPurchaseAmount(), BigDecimal::add);
            }
        }
        List<String> expected = new ArrayList<>();
        purchases.forEach((bucket, count) -> expected.add(bucket.substring(0, 11) + Integer.parseInt(bucket.substring(11)) + ","
                + count + "," + revenue.get(bucket).setScale(2).toPlainString()));
        assertThat(rows).extracting(row -> String.join(",", row)).containsExactlyElementsOf(expected);
    }

    /** A clean event with the generator's distributions (docs/DOMAIN.md). */
    private static ProductEvent generate(Random random) {
        double typeDraw = random.nextDouble();
        EventType type = typeDraw < 0.65 ? EventType.PRODUCT_VIEW : typeDraw < 0.85 ? EventType.ADD_TO_CART
                : typeDraw < 0.95 ? EventType.REMOVE_FROM_CART : EventType.PURCHASE;
        Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        String user = String.format("user_%04d", 1 + random.nextInt(200));
        Instant timestamp = START.plusMillis((long) (random.nextDouble() * 3 * 86_400_000L));
        boolean purchase = type == EventType.PURCHASE;
        return ProductEvent.newBuilder()
                .setEventId(new UUID(random.nextLong(), random.nextLong()).toString())
                .setTimestamp(timestamp)
                .setUserId(user)
                .setSessionId("sess_" + user.substring(5) + "_x")
                .setEventType(type)
                .setProductId(product.id())
                .setProductName(product.name())
                .setCategory(product.category())
                .setPrice(product.price())
                .setPlatform(Platform.values()[random.nextInt(3)])
                .setPurchaseAmount(purchase ? product.price() : null)
                .setPaymentMethod(purchase ? PaymentMethod.values()[random.nextInt(3)] : null)
                .build();
    }

    /** Gives the event one defect and answers the rule it breaks first. */
    private static String spoil(ProductEvent event, Random random) {
        switch (random.nextInt(9)) {
            case 0 -> {
                event.setEventId("");
                return "event-id-present";
            }
            case 1 -> {
                event.setUserId("");
                return "user-id-present";
            }
            case 2 -> {
                event.setTimestamp(Instant.EPOCH);
                return "timestamp-positive";
            }
            case 3 -> {
                event.setProductId("gone-01");
                return "product-in-catalog";
            }
            case 4 -> {
                event.setPrice(event.getPrice().negate());
                return "price-positive";
            }
            case 5 -> {
                event.setPrice(event.getPrice().add(new BigDecimal("1.00")));
                return "price-matches-catalog";
            }
            case 6 -> {
                event.setEventType(EventType.PURCHASE);
                event.setPurchaseAmount(null);
                event.setPaymentMethod(PaymentMethod.PAYPAL);
                return "purchase-fields-consistent";
            }
            case 7 -> {
                event.setEventType(EventType.PRODUCT_VIEW);
                event.setPurchaseAmount(event.getPrice());
                event.setPaymentMethod(PaymentMethod.APPLE_PAY);
                return "purchase-fields-consistent";
            }
            default -> {
                event.setEventType(EventType.PURCHASE);
                event.setPurchaseAmount(event.getPrice().subtract(new BigDecimal("0.01")));
                event.setPaymentMethod(PaymentMethod.CREDIT_CARD);
                return "purchase-amount-equals-price";
            }
        }
    }
}
