package org.etlsuite.transformer.product;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.product.TestProductEvents.money;

/** Every product rule, through the topology: the broken event goes to the DLT byte for byte, named and counted. */
class ProductEventRulesTests {

    @TempDir
    Path stateDir;

    private StreamTopologyDriver<ProductEvent, ProductEventProcessed> topology;

    @BeforeEach
    void startDriver() {
        topology = TestProductEvents.driver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                broken("event-id-present", TestProductEvents.view(), e -> e.setEventId("")),
                broken("event-id-present", TestProductEvents.view(), e -> e.setEventId("  ")),
                broken("user-id-present", TestProductEvents.view(), e -> e.setUserId("")),
                broken("timestamp-positive", TestProductEvents.view(), e -> e.setTimestamp(Instant.EPOCH)),
                broken("product-in-catalog", TestProductEvents.view(), e -> e.setProductId("elec-99")),
                broken("product-in-catalog", TestProductEvents.view(), e -> e.setProductName("Laptop Max")),
                broken("product-in-catalog", TestProductEvents.view(), e -> e.setCategory(ProductCategory.HOME)),
                broken("price-positive", TestProductEvents.view(), e -> e.setPrice(money("-1200.00"))),
                broken("price-positive", TestProductEvents.view(), e -> e.setPrice(money("0.00"))),
                broken("price-matches-catalog", TestProductEvents.view(), e -> e.setPrice(money("1199.99"))),
                broken("purchase-fields-consistent", TestProductEvents.purchase(), e -> e.setPurchaseAmount(null)),
                broken("purchase-fields-consistent", TestProductEvents.purchase(), e -> e.setPaymentMethod(null)),
                broken("purchase-fields-consistent", TestProductEvents.view(), e -> e.setPurchaseAmount(money("1200.00"))),
                broken("purchase-fields-consistent", TestProductEvents.view(), e -> e.setPaymentMethod(PaymentMethod.PAYPAL)),
                broken("purchase-amount-equals-price", TestProductEvents.purchase(), e -> e.setPurchaseAmount(money("1000.00"))));
    }

    private static Arguments broken(String rule, ProductEvent valid, Consumer<ProductEvent> defect) {
        ProductEvent copy = ProductEvent.newBuilder(valid).build();
        defect.accept(copy);
        return Arguments.of(rule, copy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void shouldDeadLetterAnEventThatBreaksARuleWithTheRuleName(String rule, ProductEvent event) {
        byte[] sent = topology.bytes(event);
        topology.send(event);

        List<TestRecord<byte[], byte[]>> deadLetters = topology.deadLetters.readRecordsToList();
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(sent);
            assertThat(record.key()).isEqualTo(event.getUserId().getBytes(StandardCharsets.UTF_8));
            assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.REASON_QUALITY);
            assertThat(header(record, DeadLetterHeaders.RULE)).isEqualTo(rule);
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("product-events");
        });
        assertThat(topology.processed.isEmpty()).isTrue();
        assertThat(topology.dataQuality()).containsExactlyEntriesOf(Map.of(QualityKey.rejected("product-events", rule), 1L));
        assertThat(topology.kpis()).isEmpty();
    }

    @Test
    void shouldAcceptEventsThatMeetEveryRule() {
        ProductEvent view = TestProductEvents.view();
        ProductEvent purchase = TestProductEvents.purchase();
        ProductEvent cart = TestProductEvents.event("user_0002", EventType.ADD_TO_CART, "home-03", Platform.IOS,
                "2026-03-01T10:00:00Z");
        topology.send(view);
        topology.send(purchase);
        topology.send(cart);

        assertThat(topology.deadLetters.isEmpty()).isTrue();
        assertThat(topology.processed.readValuesToList()).extracting(ProductEventProcessed::getEventId)
                .containsExactly(view.getEventId(), purchase.getEventId(), cart.getEventId());
        assertThat(topology.dataQuality()).containsEntry(QualityKey.accepted("product-events"), 3L).hasSize(1);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
