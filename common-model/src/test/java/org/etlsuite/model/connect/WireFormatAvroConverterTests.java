package org.etlsuite.model.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.apache.avro.Schema.Parser;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanNoiseLevel;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.model.serde.AvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processed records of the three streams, written by this module's serializer (byte for byte what the
 * transformer writes and what Confluent's AvroConverter reads in the compose setup), converted back into what a
 * sink connector sees.
 */
class WireFormatAvroConverterTests {

    private static final String URBAN = "urban-sensors.processed";
    private static final String PRODUCT = "product-events.processed";
    private static final String TRANSPORT = "transportation-stats.processed";

    private final String scope = "connect-converter-" + System.nanoTime();
    private final WireFormatAvroConverter converter = new WireFormatAvroConverter();

    @BeforeEach
    void configure() {
        converter.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    }

    @AfterEach
    void dropScope() {
        converter.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldConvertAProcessedUrbanReadingFieldByField() {
        Instant ts = Instant.parse("2025-06-01T08:15:30.123Z");
        UrbanSensorReadingProcessed reading = UrbanSensorReadingProcessed.newBuilder()
                .setSensorId("sensor-101").setTs(ts).setLocation(UrbanLocation.EMILIANO_ZAPATA)
                .setVehicleCount(42).setAvgSpeedKmh(37.5).setNoiseDb(65.5).setPm25(12.25).setPm10(30.5)
                .setStatus(SensorStatus.MAINTENANCE).setHour(8).setDay(LocalDate.of(2025, 6, 1)).setIsPeakHour(true)
                .setPollutionIdx(19.55).setNoiseLevel(UrbanNoiseLevel.MODERATE)
                .build();

        SchemaAndValue converted = converter.toConnectData(URBAN, serialize(URBAN, reading));

        assertThat(converted.schema().name()).isEqualTo("org.etlsuite.events.urban.UrbanSensorReadingProcessed");
        assertThat(converted.schema().fields()).extracting(f -> f.name()).containsExactly("sensor_id", "ts", "location",
                "vehicle_count", "avg_speed_kmh", "noise_db", "pm25", "pm10", "status", "hour", "day", "is_peak_hour",
                "pollution_idx", "noise_level");
        Struct struct = (Struct) converted.value();
        struct.validate();
        assertThat(struct.getString("sensor_id")).isEqualTo("sensor-101");
        assertThat(struct.schema().field("ts").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(struct.get("ts")).isEqualTo(java.util.Date.from(ts));
        assertThat(struct.getString("location")).isEqualTo("EMILIANO_ZAPATA");
        assertThat(struct.getInt32("vehicle_count")).isEqualTo(42);
        assertThat(struct.getFloat64("avg_speed_kmh")).isEqualTo(37.5);
        assertThat(struct.getFloat64("noise_db")).isEqualTo(65.5);
        assertThat(struct.getFloat64("pm25")).isEqualTo(12.25);
        assertThat(struct.getFloat64("pm10")).isEqualTo(30.5);
        assertThat(struct.getString("status")).isEqualTo("MAINTENANCE");
        assertThat(struct.getInt32("hour")).isEqualTo(8);
        assertThat(struct.schema().field("day").schema().name()).isEqualTo(Date.LOGICAL_NAME);
        assertThat(struct.get("day")).isEqualTo(java.util.Date.from(Instant.parse("2025-06-01T00:00:00Z")));
        assertThat(struct.getBoolean("is_peak_hour")).isTrue();
        assertThat(struct.getFloat64("pollution_idx")).isEqualTo(19.55);
        assertThat(struct.getString("noise_level")).isEqualTo("MODERATE");
    }

    @Test
    void shouldConvertAProcessedPurchaseWithDecimalsAndItsOptionalPaymentMethod() {
        Instant ts = Instant.parse("2025-06-01T17:45:12.345Z");
        ProductEventProcessed purchase = product(ts, EventType.PURCHASE, "1299.99", PaymentMethod.APPLE_PAY);

        Struct struct = (Struct) converter.toConnectData(PRODUCT, serialize(PRODUCT, purchase)).value();

        struct.validate();
        assertThat(struct.getString("event_id")).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(struct.get("timestamp")).isEqualTo(java.util.Date.from(ts));
        assertThat(struct.getString("user_id")).isEqualTo("user_0042");
        assertThat(struct.getString("session_id")).isEqualTo("sess_0042_2025060117");
        assertThat(struct.getString("event_type")).isEqualTo("PURCHASE");
        assertThat(struct.getString("product_id")).isEqualTo("elec-01");
        assertThat(struct.getString("product_name")).isEqualTo("Laptop Pro");
        assertThat(struct.getString("category")).isEqualTo("ELECTRONICS");
        Schema price = struct.schema().field("price").schema();
        assertThat(price.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(price.parameters()).containsEntry(Decimal.SCALE_FIELD, "2")
                .containsEntry(AvroToConnect.PRECISION_PARAMETER, "10");
        assertThat(struct.get("price")).isEqualTo(new BigDecimal("1299.99"));
        assertThat(struct.getString("platform")).isEqualTo("IOS");
        assertThat(struct.get("purchase_amount")).isEqualTo(new BigDecimal("1299.99"));
        assertThat(struct.schema().field("payment_method").schema().isOptional()).isTrue();
        assertThat(struct.getString("payment_method")).isEqualTo("APPLE_PAY");
        assertThat(struct.getInt32("hour")).isEqualTo(17);
        assertThat(struct.get("day")).isEqualTo(java.util.Date.from(Instant.parse("2025-06-01T00:00:00Z")));
    }

    @Test
    void shouldConvertAMissingPaymentMethodToNull() {
        ProductEventProcessed view = product(Instant.parse("2025-06-01T17:45:12.345Z"), EventType.PRODUCT_VIEW, "0.00", null);

        Struct struct = (Struct) converter.toConnectData(PRODUCT, serialize(PRODUCT, view)).value();

        struct.validate();
        assertThat(struct.get("payment_method")).isNull();
        assertThat(struct.get("purchase_amount")).isEqualTo(new BigDecimal("0.00"));
        assertThat(struct.getString("event_type")).isEqualTo("PRODUCT_VIEW");
    }

    @Test
    void shouldConvertAProcessedTripFieldByField() {
        LocalDate date = LocalDate.of(2025, 11, 24);
        Instant eventTime = Instant.parse("2025-11-24T17:45:12Z");
        TransportTripProcessed trip = TransportTripProcessed.newBuilder()
                .setTransactionId("9b2f5c1e-3d4a-4f6b-8c7d-0e1f2a3b4c5d").setTransactionDate(date)
                .setTransactionTime(LocalTime.of(17, 45, 12)).setEventTime(eventTime)
                .setServiceProvider(ServiceProvider.VA_Y_VEN).setRouteType(RouteType.IE_TRAM_CORRIDOR)
                .setBoardingArea(BoardingArea.EAST_ZONE).setAlightingArea(AlightingArea.UNIVERSITY_SCHOOL_WORK_AREA)
                .setPaymentMethod(FarePaymentMethod.CARD).setFareType(FareType.STUDENT_SENIOR_DISABILITY)
                .setFareAmountMxn(new BigDecimal("2.50")).setTripDurationMinutes(27).setIsPeakHour(true)
                .setPassengerCount(85).setDay(date).setHour(17).setRevenue(new BigDecimal("2.50"))
                .build();

        Struct struct = (Struct) converter.toConnectData(TRANSPORT, serialize(TRANSPORT, trip)).value();

        struct.validate();
        java.util.Date midnight = java.util.Date.from(Instant.parse("2025-11-24T00:00:00Z"));
        assertThat(struct.getString("transaction_id")).isEqualTo("9b2f5c1e-3d4a-4f6b-8c7d-0e1f2a3b4c5d");
        assertThat(struct.get("transaction_date")).isEqualTo(midnight);
        assertThat(struct.schema().field("transaction_time").schema().name()).isEqualTo(Time.LOGICAL_NAME);
        assertThat(struct.get("transaction_time")).isEqualTo(new java.util.Date(((17 * 60 + 45) * 60 + 12) * 1000L));
        assertThat(struct.get("event_time")).isEqualTo(java.util.Date.from(eventTime));
        assertThat(struct.getString("service_provider")).isEqualTo("VA_Y_VEN");
        assertThat(struct.getString("route_type")).isEqualTo("IE_TRAM_CORRIDOR");
        assertThat(struct.getString("boarding_area")).isEqualTo("EAST_ZONE");
        assertThat(struct.getString("alighting_area")).isEqualTo("UNIVERSITY_SCHOOL_WORK_AREA");
        assertThat(struct.getString("payment_method")).isEqualTo("CARD");
        assertThat(struct.getString("fare_type")).isEqualTo("STUDENT_SENIOR_DISABILITY");
        assertThat(struct.schema().field("fare_amount_mxn").schema().parameters())
                .containsEntry(AvroToConnect.PRECISION_PARAMETER, "6");
        assertThat(struct.get("fare_amount_mxn")).isEqualTo(new BigDecimal("2.50"));
        assertThat(struct.getInt32("trip_duration_minutes")).isEqualTo(27);
        assertThat(struct.getBoolean("is_peak_hour")).isTrue();
        assertThat(struct.getInt32("passenger_count")).isEqualTo(85);
        assertThat(struct.get("day")).isEqualTo(midnight);
        assertThat(struct.getInt32("hour")).isEqualTo(17);
        assertThat(struct.get("revenue")).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void shouldReuseTheConnectSchemaOfAnAvroSchema() {
        byte[] first = serialize(PRODUCT, product(Instant.EPOCH, EventType.PRODUCT_VIEW, "0.00", null));
        byte[] second = serialize(PRODUCT, product(Instant.EPOCH, EventType.PURCHASE, "5.00", PaymentMethod.PAYPAL));

        assertThat(converter.toConnectData(PRODUCT, first).schema())
                .isSameAs(converter.toConnectData(PRODUCT, second).schema());
    }

    @Test
    void shouldPassATombstoneOnAsNull() {
        SchemaAndValue converted = converter.toConnectData(URBAN, null);

        assertThat(converted.schema()).isNull();
        assertThat(converted.value()).isNull();
    }

    @Test
    void shouldNameTheTopicWhenTheMagicByteIsWrong() {
        assertThatThrownBy(() -> converter.toConnectData(URBAN, new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("magic byte")
                .hasMessageContaining(URBAN);
    }

    @Test
    void shouldRefuseAUnionItCannotExpressAsAnOptionalField() {
        org.apache.avro.Schema schema = new Parser().parse("""
                {"type": "record", "name": "Either", "namespace": "org.etlsuite.test",
                 "fields": [{"name": "value", "type": ["int", "string"]}]}""");
        GenericRecord record = new GenericData.Record(schema);
        record.put("value", 1);

        assertThatThrownBy(() -> converter.toConnectData("either", serialize("either", record)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("does not convert the Avro type")
                .hasMessageContaining("\"int\",\"string\"");
    }

    @Test
    void shouldRefuseToWriteBecauseItServesSinksOnly() {
        assertThatThrownBy(() -> converter.fromConnectData(URBAN, Schema.STRING_SCHEMA, "x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("sink connectors only");
    }

    private static ProductEventProcessed product(Instant ts, EventType type, String amount, PaymentMethod payment) {
        return ProductEventProcessed.newBuilder()
                .setEventId("0f8fad5b-d9cb-469f-a165-70867728950e").setTimestamp(ts).setUserId("user_0042")
                .setSessionId("sess_0042_2025060117").setEventType(type).setProductId("elec-01")
                .setProductName("Laptop Pro").setCategory(ProductCategory.ELECTRONICS)
                .setPrice(new BigDecimal("1299.99")).setPlatform(Platform.IOS)
                .setPurchaseAmount(new BigDecimal(amount)).setPaymentMethod(payment)
                .setHour(17).setDay(LocalDate.of(2025, 6, 1))
                .build();
    }

    private byte[] serialize(String topic, Object value) {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
        return serializer.serialize(topic, value);
    }
}
