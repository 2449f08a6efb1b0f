package org.etlsuite.transformer.urban;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.etlsuite.transformer.stream.QualityKey;
import org.etlsuite.transformer.stream.QualityMetric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.transformer.urban.TestReadings.reading;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.T0;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.utf8;

/**
 * Records that are not valid readings go to {@code urban-sensors.DLT} unchanged, with headers that say
 * why, in the same transaction as everything else, and the readings behind them are processed.
 */
class UrbanDeadLetterTests {

    private static final String SERIALIZATION_EXCEPTION = "org.apache.kafka.common.errors.SerializationException";

    @TempDir
    Path stateDir;

    private UrbanTopologyDriver topology;

    @BeforeEach
    void startDriver() {
        topology = new UrbanTopologyDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    private static UrbanSensorReading valid(String sensorId, String ts) {
        return reading(sensorId, ts, CENTRO, 10, 30.0, 50.0, 10.0, 20.0);
    }

    /** A valid reading (offset 0), the record under test (offset 1) with a header of its own, a valid reading (offset 2). */
    private void sendBetweenValidReadings(byte[] key, byte[] value) {
        topology.send(valid("sensor-101", "2026-03-01T08:00:00Z"));
        topology.send(key, value, T0.plusSeconds(1), new RecordHeaders().add("trace-id", utf8("abc-123")));
        topology.send(valid("sensor-102", "2026-03-01T08:01:00Z"), T0.plusSeconds(2));
    }

    private TestRecord<byte[], byte[]> singleDeadLetter() {
        List<TestRecord<byte[], byte[]>> records = topology.deadLetters.readRecordsToList();
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return DeadLetterHeaders.text(record.headers(), name);
    }

    private static List<String> headerNames(Headers headers) {
        return Arrays.stream(headers.toArray()).map(Header::key).toList();
    }

    private void assertProcessingWentOn() {
        assertThat(topology.processed.readKeyValuesToList()).extracting(record -> record.key).containsExactly("sensor-101", "sensor-102");
        assertThat(topology.dataQuality()).containsEntry(QualityKey.accepted(UrbanTopics.READINGS), 2L);
    }

    record Poison(String description, Function<UrbanTopologyDriver, byte[]> bytes, String error, String exceptionClass,
                  String messageExcerpt) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Poison> poison() {
        return Stream.of(
                new Poison("wrong magic byte", driver -> new byte[] {7, 0, 0, 0, 1, 42},
                        "bad-magic-byte", SERIALIZATION_EXCEPTION, "Unknown magic byte 7"),
                new Poison("text instead of Avro", driver -> utf8("{\"sensor_id\":\"sensor-101\"}"),
                        "bad-magic-byte", SERIALIZATION_EXCEPTION, "Unknown magic byte 123"),
                new Poison("shorter than the wire-format header", driver -> new byte[] {0, 0, 1},
                        "truncated", SERIALIZATION_EXCEPTION, "Truncated Avro message"),
                new Poison("empty value", driver -> new byte[0],
                        "truncated", SERIALIZATION_EXCEPTION, "Truncated Avro message"),
                new Poison("Avro body cut short", driver -> {
                    byte[] valid = driver.bytes(valid("sensor-900", "2026-03-01T08:30:00Z"));
                    return Arrays.copyOf(valid, valid.length - 6);
                }, "truncated", SERIALIZATION_EXCEPTION, "Truncated Avro payload"),
                new Poison("schema id the registry does not know", driver -> {
                    byte[] bytes = driver.bytes(valid("sensor-900", "2026-03-01T08:30:00Z"));
                    ByteBuffer.wrap(bytes, 1, 4).putInt(4711);
                    return bytes;
                }, "unknown-schema-id", SERIALIZATION_EXCEPTION, "Unknown schema id 4711"),
                new Poison("negative string length in the body", driver -> {
                    byte[] bytes = driver.bytes(valid("sensor-900", "2026-03-01T08:30:00Z"));
                    bytes[5] = 3; // zig-zag 3 = -2: the sensor_id length
                    return bytes;
                }, "corrupt-payload", SERIALIZATION_EXCEPTION, "Length is negative"),
                new Poison("another event type of ours", driver -> driver.processedSerde.serializer()
                        .serialize("elsewhere", UrbanFeatures.enrich(valid("sensor-900", "2026-03-01T08:30:00Z"))),
                        "wrong-record-type", IllegalArgumentException.class.getName(), "UrbanSensorReadingProcessed"),
                new Poison("a record type without a generated class", driver -> foreign(driver, "com.example", "Foreign"),
                        "unusable-schema", SERIALIZATION_EXCEPTION, "no generated class com.example.Foreign"),
                new Poison("a record named after an untrusted class on the classpath", driver -> foreign(driver, "org.apache.kafka.common", "Node"),
                        "unusable-schema", SERIALIZATION_EXCEPTION, "org.apache.kafka.common.Node"));
    }

    private static byte[] foreign(UrbanTopologyDriver driver, String namespace, String name) {
        Schema schema = SchemaBuilder.record(name).namespace(namespace).fields().requiredString("id").endRecord();
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", "x");
        return new AvroSerializer<GenericRecord>(MockSchemaRegistry.forScope(driver.registryScope), true).serialize("elsewhere", record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void shouldDeadLetterUndecodableBytesUnchangedWithHeadersNamingTheFailureAndKeepProcessing(Poison poison) {
        byte[] value = poison.bytes().apply(topology);

        sendBetweenValidReadings(utf8("sensor-900"), value);

        TestRecord<byte[], byte[]> deadLetter = singleDeadLetter();
        assertThat(deadLetter.key()).isEqualTo(utf8("sensor-900"));
        assertThat(deadLetter.value()).isEqualTo(value);
        assertThat(deadLetter.getRecordTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(header(deadLetter, "trace-id")).isEqualTo("abc-123");
        assertThat(header(deadLetter, "etl.dlt.reason")).isEqualTo("deserialization");
        assertThat(header(deadLetter, "etl.dlt.error")).isEqualTo(poison.error());
        assertThat(header(deadLetter, "etl.dlt.exception.class")).isEqualTo(poison.exceptionClass());
        assertThat(header(deadLetter, "etl.dlt.exception.message")).contains(poison.messageExcerpt());
        assertThat(header(deadLetter, "etl.dlt.source.topic")).isEqualTo("urban-sensors");
        assertThat(header(deadLetter, "etl.dlt.source.partition")).isEqualTo("0");
        assertThat(header(deadLetter, "etl.dlt.source.offset")).isEqualTo("1");
        assertThat(header(deadLetter, "etl.dlt.rule")).isNull();
        assertThat(topology.dataQuality()).containsEntry(new QualityKey(UrbanTopics.READINGS, QualityMetric.UNDECODABLE, poison.error()), 1L);
        assertProcessingWentOn();
    }

    @Test
    void shouldNameTheInnermostCauseOfADeserializationFailure() {
        byte[] bytes = topology.bytes(valid("sensor-900", "2026-03-01T08:30:00Z"));
        bytes[5] = 3;

        sendBetweenValidReadings(utf8("sensor-900"), bytes);

        assertThat(header(singleDeadLetter(), "etl.dlt.exception.cause.class")).isEqualTo("org.apache.avro.AvroRuntimeException");
    }

    record Broken(String rule, Consumer<UrbanSensorReading> change) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Broken> brokenRules() {
        return Stream.of(
                new Broken("sensor-id-present", reading -> reading.setSensorId(" ")),
                new Broken("ts-positive", reading -> reading.setTs(Instant.EPOCH)),
                new Broken("measurements-finite", reading -> reading.setNoiseDb(Double.NaN)),
                new Broken("vehicle-count-range", reading -> reading.setVehicleCount(201)),
                new Broken("avg-speed-kmh-range", reading -> reading.setAvgSpeedKmh(80.5)),
                new Broken("noise-db-range", reading -> reading.setNoiseDb(29.5)),
                new Broken("pm25-range", reading -> reading.setPm25(0.5)),
                new Broken("pm10-range", reading -> reading.setPm10(200.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void shouldDeadLetterAReadingThatBreaksARuleWithItsOriginalBytesAndTheRuleName(Broken broken) {
        UrbanSensorReading reading = valid("sensor-901", "2026-03-01T08:30:00Z");
        broken.change().accept(reading);
        byte[] value = topology.bytes(reading);

        sendBetweenValidReadings(utf8("sensor-901"), value);

        TestRecord<byte[], byte[]> deadLetter = singleDeadLetter();
        assertThat(deadLetter.key()).isEqualTo(utf8("sensor-901"));
        assertThat(deadLetter.value()).isEqualTo(value);
        assertThat(header(deadLetter, "trace-id")).isEqualTo("abc-123");
        assertThat(header(deadLetter, "etl.dlt.reason")).isEqualTo("quality");
        assertThat(header(deadLetter, "etl.dlt.rule")).isEqualTo(broken.rule());
        assertThat(header(deadLetter, "etl.dlt.source.topic")).isEqualTo("urban-sensors");
        assertThat(header(deadLetter, "etl.dlt.source.partition")).isEqualTo("0");
        assertThat(header(deadLetter, "etl.dlt.source.offset")).isEqualTo("1");
        assertThat(headerNames(deadLetter.headers())).doesNotContain("etl.dlt.error", "etl.dlt.exception.class", "etl.dlt.exception.message");
        assertThat(topology.dataQuality()).containsEntry(QualityKey.rejected(UrbanTopics.READINGS, broken.rule()), 1L);
        assertProcessingWentOn();
    }

    @Test
    void shouldDeadLetterARecordWithoutAValueUnderTheValuePresentRule() {
        sendBetweenValidReadings(utf8("sensor-902"), null);

        TestRecord<byte[], byte[]> deadLetter = singleDeadLetter();
        assertThat(deadLetter.key()).isEqualTo(utf8("sensor-902"));
        assertThat(deadLetter.value()).isNull();
        assertThat(header(deadLetter, "etl.dlt.reason")).isEqualTo("quality");
        assertThat(header(deadLetter, "etl.dlt.rule")).isEqualTo("value-present");
        assertThat(topology.dataQuality()).containsEntry(QualityKey.rejected(UrbanTopics.READINGS, "value-present"), 1L);
        assertProcessingWentOn();
    }

    @Test
    void shouldDeadLetterARecordWithoutAKeyKeepingTheNullKey() {
        byte[] value = new byte[] {1, 2, 3};

        sendBetweenValidReadings(null, value);

        TestRecord<byte[], byte[]> deadLetter = singleDeadLetter();
        assertThat(deadLetter.key()).isNull();
        assertThat(deadLetter.value()).isEqualTo(value);
        assertProcessingWentOn();
    }

    @Test
    void shouldReportOnlyTheFirstBrokenRule() {
        UrbanSensorReading reading = valid("sensor-903", "2026-03-01T08:30:00Z");
        reading.setVehicleCount(-5);
        reading.setPm10(1_000.0);

        sendBetweenValidReadings(utf8("sensor-903"), topology.bytes(reading));

        assertThat(header(singleDeadLetter(), "etl.dlt.rule")).isEqualTo("vehicle-count-range");
        assertThat(topology.dataQuality()).containsEntry(QualityKey.rejected(UrbanTopics.READINGS, "vehicle-count-range"), 1L)
                .doesNotContainKey(QualityKey.rejected(UrbanTopics.READINGS, "pm10-range"));
    }

    @Test
    void shouldKeepProcessingAfterARunOfDifferentBadRecords() {
        topology.send(utf8("a"), new byte[] {7}, T0, new RecordHeaders());
        topology.send(utf8("b"), new byte[] {0, 0}, T0, new RecordHeaders());
        topology.send(utf8("c"), null, T0, new RecordHeaders());
        UrbanSensorReading outOfRange = valid("sensor-904", "2026-03-01T08:30:00Z");
        outOfRange.setPm25(999.0);
        topology.send(outOfRange);
        topology.send(valid("sensor-905", "2026-03-01T08:31:00Z"));

        assertThat(topology.deadLetters.readRecordsToList()).extracting(record -> header(record, "etl.dlt.source.offset"))
                .containsExactly("0", "1", "2", "3");
        assertThat(topology.processed.readKeyValuesToList()).extracting(record -> record.key).containsExactly("sensor-905");
    }
}
