package org.etlsuite.producer.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.producer.stream.Shares.assertShares;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.producer.stream.EventTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductEventGeneratorTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T17:45:12.345Z"), ZoneOffset.UTC);
    private static final int LARGE_SAMPLE = 100_000;
    private static final double ONE_ELEVENTH = 100.0 / 11;

    /** The domain's catalogue: name -> (category, price). */
    private static final Map<String, Map.Entry<ProductCategory, BigDecimal>> DOMAIN_CATALOGUE = Map.ofEntries(
            Map.entry("Laptop Pro", Map.entry(ProductCategory.ELECTRONICS, new BigDecimal("1200.00"))),
            Map.entry("Smartwatch X", Map.entry(ProductCategory.ELECTRONICS, new BigDecimal("250.00"))),
            Map.entry("Wireless Buds", Map.entry(ProductCategory.ELECTRONICS, new BigDecimal("150.00"))),
            Map.entry("4K Monitor", Map.entry(ProductCategory.ELECTRONICS, new BigDecimal("400.00"))),
            Map.entry("Denim Jeans", Map.entry(ProductCategory.CLOTHING, new BigDecimal("60.00"))),
            Map.entry("Cotton T-Shirt", Map.entry(ProductCategory.CLOTHING, new BigDecimal("25.00"))),
            Map.entry("Sneakers", Map.entry(ProductCategory.CLOTHING, new BigDecimal("90.00"))),
            Map.entry("Winter Jacket", Map.entry(ProductCategory.CLOTHING, new BigDecimal("120.00"))),
            Map.entry("Coffee Maker", Map.entry(ProductCategory.HOME, new BigDecimal("80.00"))),
            Map.entry("Blender 3000", Map.entry(ProductCategory.HOME, new BigDecimal("50.00"))),
            Map.entry("Smart Bulb", Map.entry(ProductCategory.HOME, new BigDecimal("15.00"))));

    private static List<ProductEvent> sample;

    @BeforeAll
    static void generateLargeSample() {
        sample = generate(new ProductEventGenerator(2025L, CLOCK), LARGE_SAMPLE);
    }

    @Test
    void shouldDrawEventTypesWithTheFunnelWeights() {
        assertShares("event types", sample, ProductEvent::getEventType, Map.of(
                EventType.PRODUCT_VIEW, 65.0, EventType.ADD_TO_CART, 20.0,
                EventType.REMOVE_FROM_CART, 10.0, EventType.PURCHASE, 5.0));
    }

    @Test
    void shouldSpreadEventsEvenlyOverThePlatforms() {
        assertShares("platforms", sample, ProductEvent::getPlatform,
                Map.of(Platform.WEB, 100.0 / 3, Platform.IOS, 100.0 / 3, Platform.ANDROID, 100.0 / 3));
    }

    @Test
    void shouldPickEveryProductEquallyOften() {
        Map<String, Double> expected = DOMAIN_CATALOGUE.keySet().stream()
                .collect(Collectors.toMap(name -> name, name -> ONE_ELEVENTH));

        assertShares("products", sample, ProductEvent::getProductName, expected);
    }

    @Test
    void shouldSplitCategoriesByTheirNumberOfProducts() {
        assertShares("categories", sample, ProductEvent::getCategory, Map.of(
                ProductCategory.ELECTRONICS, 4 * ONE_ELEVENTH,
                ProductCategory.CLOTHING, 4 * ONE_ELEVENTH,
                ProductCategory.HOME, 3 * ONE_ELEVENTH));
    }

    @Test
    void shouldDescribeEveryProductWithItsCatalogueCategoryPriceAndStableId() {
        Map<String, String> idsByName = new HashMap<>();
        for (ProductEvent event : sample) {
            assertThat(DOMAIN_CATALOGUE).containsKey(event.getProductName());
            assertThat(event.getCategory()).isEqualTo(DOMAIN_CATALOGUE.get(event.getProductName()).getKey());
            assertThat(event.getPrice()).isEqualTo(DOMAIN_CATALOGUE.get(event.getProductName()).getValue());
            String previous = idsByName.putIfAbsent(event.getProductName(), event.getProductId());
            assertThat(previous).as("id of %s", event.getProductName()).isIn(null, event.getProductId());
        }

        assertThat(idsByName).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Laptop Pro", "elec-01"), Map.entry("Smartwatch X", "elec-02"),
                Map.entry("Wireless Buds", "elec-03"), Map.entry("4K Monitor", "elec-04"),
                Map.entry("Denim Jeans", "cloth-01"), Map.entry("Cotton T-Shirt", "cloth-02"),
                Map.entry("Sneakers", "cloth-03"), Map.entry("Winter Jacket", "cloth-04"),
                Map.entry("Coffee Maker", "home-01"), Map.entry("Blender 3000", "home-02"),
                Map.entry("Smart Bulb", "home-03")));
    }

    @Test
    void shouldCarryPurchaseAmountAndPaymentMethodExactlyOnPurchases() {
        for (ProductEvent event : sample) {
            if (event.getEventType() == EventType.PURCHASE) {
                assertThat(event.getPurchaseAmount()).isEqualTo(event.getPrice());
                assertThat(event.getPurchaseAmount().scale()).isEqualTo(2);
                assertThat(event.getPaymentMethod()).isNotNull();
            } else {
                assertThat(event.getPurchaseAmount()).isNull();
                assertThat(event.getPaymentMethod()).isNull();
            }
        }
    }

    @Test
    void shouldSpreadPurchasesEvenlyOverThePaymentMethods() {
        List<ProductEvent> purchases = sample.stream().filter(e -> e.getEventType() == EventType.PURCHASE).toList();

        assertShares("payment methods", purchases, ProductEvent::getPaymentMethod, Map.of(
                PaymentMethod.CREDIT_CARD, 100.0 / 3, PaymentMethod.PAYPAL, 100.0 / 3, PaymentMethod.APPLE_PAY, 100.0 / 3));
    }

    @Test
    void shouldDrawUsersFromAPoolOfTwoHundred() {
        Set<String> users = sample.stream().map(ProductEvent::getUserId).collect(Collectors.toSet());

        assertThat(users).hasSize(200).allMatch(u -> u.matches("user_\\d{4}"))
                .contains("user_0001", "user_0200");
        assertThat(users.stream().mapToInt(u -> Integer.parseInt(u.substring(5)))).allMatch(n -> n >= 1 && n <= 200);
        Map<String, Double> evenly = users.stream().collect(Collectors.toMap(u -> u, u -> 100.0 / 200));
        assertShares("users", sample, ProductEvent::getUserId, evenly);
    }

    @Test
    void shouldDeriveTheSessionFromTheUserAndTheUtcHour() {
        for (ProductEvent event : sample.subList(0, 1_000)) {
            assertThat(event.getSessionId()).isEqualTo("sess_" + event.getUserId().substring(5) + "_2025060117");
        }
        assertThat(ProductEventGenerator.sessionId(42, Instant.parse("2025-06-01T17:00:00Z")))
                .isEqualTo(ProductEventGenerator.sessionId(42, Instant.parse("2025-06-01T17:59:59.999Z")))
                .isEqualTo("sess_0042_2025060117");
        assertThat(ProductEventGenerator.sessionId(42, Instant.parse("2025-06-01T18:00:00Z"))).isEqualTo("sess_0042_2025060118");
        assertThat(ProductEventGenerator.sessionId(42, Instant.parse("2025-06-02T17:00:00Z"))).isEqualTo("sess_0042_2025060217");
        assertThat(ProductEventGenerator.sessionId(43, Instant.parse("2025-06-01T17:00:00Z"))).isEqualTo("sess_0043_2025060117");
    }

    @Test
    void shouldIdentifyEveryEventWithADistinctVersion4Uuid() {
        Set<String> ids = sample.stream().map(ProductEvent::getEventId).collect(Collectors.toSet());

        assertThat(ids).hasSize(LARGE_SAMPLE);
        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
    }

    @Test
    void shouldStampEventsWithTheClockInstantByDefault() {
        assertThat(sample).extracting(ProductEvent::getTimestamp).containsOnly(Instant.parse("2025-06-01T17:45:12.345Z"));
    }

    @Test
    void shouldSpreadBackfilledEventsOverThePastWindowWithMatchingSessions() {
        List<ProductEvent> events = generate(new ProductEventGenerator(9L, EventTimes.backfill(CLOCK, Duration.ofDays(2))), 10_000);

        assertThat(events).allSatisfy(e -> {
            assertThat(e.getTimestamp()).isBetween(Instant.parse("2025-05-30T17:45:12.345Z"), Instant.parse("2025-06-01T17:45:12.345Z"));
            assertThat(e.getSessionId()).isEqualTo(ProductEventGenerator.sessionId(
                    Integer.parseInt(e.getUserId().substring(5)), e.getTimestamp()));
        });
        assertThat(events.stream().map(e -> e.getSessionId().substring(10)).distinct().count()).isEqualTo(49);
    }

    @Test
    void shouldReplayTheSameEventsIdsIncludedForTheSameSeed() {
        List<ProductEvent> first = generate(new ProductEventGenerator(42L, CLOCK), 5_000);
        List<ProductEvent> second = generate(new ProductEventGenerator(42L, CLOCK), 5_000);

        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(ProductEvent::getEventId).isEqualTo(second.stream().map(ProductEvent::getEventId).toList());
    }

    @Test
    void shouldReplayBackfilledTimesForTheSameSeed() {
        EventTimes times = EventTimes.backfill(CLOCK, Duration.ofDays(1));

        assertThat(generate(new ProductEventGenerator(5L, times), 1_000))
                .isEqualTo(generate(new ProductEventGenerator(5L, times), 1_000));
    }

    @Test
    void shouldProduceDifferentEventsForADifferentSeed() {
        List<ProductEvent> first = generate(new ProductEventGenerator(42L, CLOCK), 1_000);
        List<ProductEvent> other = generate(new ProductEventGenerator(43L, CLOCK), 1_000);

        assertThat(first).isNotEqualTo(other);
        assertThat(first).extracting(ProductEvent::getEventId)
                .doesNotContainAnyElementsOf(other.stream().map(ProductEvent::getEventId).toList());
    }

    private static List<ProductEvent> generate(ProductEventGenerator generator, int count) {
        List<ProductEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
        }
        return events;
    }
}
