package org.etlsuite.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.model.Topics;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** product-events values through the serializer and deserializer, against an in-memory registry. */
class ProductEventRoundTripTests {

    private static final Instant TS = Instant.parse("2025-06-01T17:45:12.345Z");

    private final String scope = "product-round-trip-" + System.nanoTime();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    static ProductEvent purchase(String price) {
        return ProductEvent.newBuilder()
                .setEventId("0f8fad5b-d9cb-469f-a165-70867728950e")
                .setTimestamp(TS)
                .setUserId("user_0042")
                .setSessionId("sess_0042_2025060117")
                .setEventType(EventType.PURCHASE)
                .setProductId("elec-01")
                .setProductName("Laptop Pro")
                .setCategory(ProductCategory.ELECTRONICS)
                .setPrice(new BigDecimal(price))
                .setPlatform(Platform.IOS)
                .setPurchaseAmount(new BigDecimal(price))
                .setPaymentMethod(PaymentMethod.APPLE_PAY)
                .build();
    }

    static ProductEvent view() {
        return ProductEvent.newBuilder(purchase("25.00"))
                .setEventType(EventType.PRODUCT_VIEW)
                .setProductId("cloth-02")
                .setProductName("Cotton T-Shirt")
                .setCategory(ProductCategory.CLOTHING)
                .setPurchaseAmount(null)
                .setPaymentMethod(null)
                .build();
    }

    private byte[] serialize(ProductEvent event) {
        return new AvroSerializer<ProductEvent>(registry, true).serialize(Topics.PRODUCT_EVENTS, event);
    }

    private ProductEvent readSpecific(byte[] bytes) {
        return new AvroDeserializer<ProductEvent>(registry, true).deserialize(Topics.PRODUCT_EVENTS, bytes);
    }

    private GenericRecord readGeneric(byte[] bytes) {
        return new AvroDeserializer<GenericRecord>(registry, false).deserialize(Topics.PRODUCT_EVENTS, bytes);
    }

    @Test
    void shouldRoundTripAPurchaseWithItsAmountAndPaymentMethod() {
        ProductEvent read = readSpecific(serialize(purchase("1200.00")));

        assertThat(read).isEqualTo(purchase("1200.00"));
        assertThat(read.getTimestamp()).isEqualTo(TS);
        assertThat(read.getPrice()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(read.getPurchaseAmount()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(read.getPaymentMethod()).isEqualTo(PaymentMethod.APPLE_PAY);
    }

    @Test
    void shouldRoundTripAViewWithoutThePurchaseOnlyFields() {
        ProductEvent read = readSpecific(serialize(view()));

        assertThat(read).isEqualTo(view());
        assertThat(read.getPurchaseAmount()).isNull();
        assertThat(read.getPaymentMethod()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "0.01", "0.10", "2.50", "15.00", "19.99", "1200.00", "99999999.99"})
    void shouldKeepPricesExactToTheCent(String price) {
        ProductEvent read = readSpecific(serialize(purchase(price)));

        // BigDecimal.equals compares the scale too: 2.50 must come back as 2.50, not 2.5
        assertThat(read.getPrice()).isEqualTo(new BigDecimal(price));
        assertThat(read.getPurchaseAmount()).isEqualTo(new BigDecimal(price));
    }

    @Test
    void shouldWidenAPriceWithFewerDecimalsToTheSchemaScale() {
        ProductEvent event = purchase("60.00");
        event.setPrice(new BigDecimal("60"));

        assertThat(readSpecific(serialize(event)).getPrice()).isEqualTo(new BigDecimal("60.00"));
    }

    @Test
    void shouldRefuseAPriceThatWouldNeedRounding() {
        ProductEvent event = purchase("19.99");
        event.setPrice(new BigDecimal("19.999"));

        assertThatThrownBy(() -> serialize(event))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot encode decimal with scale 3 as scale 2");
    }

    @Test
    void shouldRefuseAPriceBeyondTheDeclaredPrecision() {
        ProductEvent event = purchase("19.99");
        event.setPrice(new BigDecimal("100000000.00"));

        assertThatThrownBy(() -> serialize(event))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("precision 11 as max precision 10");
    }

    @Test
    void shouldWriteThePriceAsTheTwosComplementOfItsCents() throws IOException {
        GenericRecord read = readGeneric(serialize(purchase("2.50")));

        // 250 cents = 0x00fa: a leading zero byte keeps the value positive in two's complement
        assertThat(HexFormat.of().formatHex(bytesOf(read.get("price")))).isEqualTo("00fa");
        Schema priceSchema = schemaFile().getField("price").schema();
        assertThat(new Conversions.DecimalConversion()
                .fromBytes((ByteBuffer) read.get("price"), priceSchema, priceSchema.getLogicalType()))
                .isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void shouldDecodeWithAGenericReaderUsingTheSchemaFileOnly() {
        GenericRecord purchase = readGeneric(serialize(purchase("1200.00")));
        GenericRecord view = readGeneric(serialize(view()));

        assertThat(purchase.get("event_type")).hasToString("PURCHASE");
        assertThat(purchase.get("category")).hasToString("ELECTRONICS");
        assertThat(purchase.get("platform")).hasToString("IOS");
        assertThat(purchase.get("payment_method")).hasToString("APPLE_PAY");
        assertThat(purchase.get("timestamp")).isEqualTo(TS.toEpochMilli());
        assertThat(purchase.get("user_id")).hasToString("user_0042");
        // 1200.00 = 120000 cents = 0x01d4c0
        assertThat(HexFormat.of().formatHex(bytesOf(purchase.get("purchase_amount")))).isEqualTo("01d4c0");
        assertThat(view.get("purchase_amount")).isNull();
        assertThat(view.get("payment_method")).isNull();
    }

    @Test
    void shouldRegisterTheValueSchemaUnderTheTopicValueSubject() throws IOException {
        serialize(view());

        assertThat(registry.getSubjects()).containsExactly("product-events-value");
        Schema registered = new Schema.Parser().parse(registry.getLatestVersion("product-events-value").schema());
        // The generated class's copy of the schema adds Java-only properties; the contract is the same
        assertThat(SchemaNormalization.parsingFingerprint64(registered))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(schemaFile()));
        assertThat(registered.getField("price").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(10, 2));
        assertThat(registered.getField("timestamp").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
    }

    private static byte[] bytesOf(Object decimal) {
        ByteBuffer buffer = ((ByteBuffer) decimal).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema schemaFile() throws IOException {
        return new Schema.Parser().parse(Path.of("..", "schemas", "product-event.avsc").toFile());
    }
}
