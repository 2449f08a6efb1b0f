package org.etlsuite.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.untrusted.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroDeserializerTests {

    /** An older version of the reading: a since-dropped field, floats since widened to double, one zone fewer. */
    private static final Schema OLDER_WRITER = new Schema.Parser().parse("""
            {"type":"record","name":"UrbanSensorReading","namespace":"org.etlsuite.events.urban","fields":[
              {"name":"sensor_id","type":"string"},
              {"name":"firmware","type":"string"},
              {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"location","type":{"type":"enum","name":"UrbanLocation",
                "symbols":["CENTRO","ALTABRISA","CAUCEL","KANASIN"]}},
              {"name":"vehicle_count","type":"int"},
              {"name":"avg_speed_kmh","type":"float"},
              {"name":"noise_db","type":"float"},
              {"name":"pm25","type":"float"},
              {"name":"pm10","type":"float"},
              {"name":"status","type":{"type":"enum","name":"SensorStatus","symbols":["OK","MAINTENANCE","OFFLINE"]}}
            ]}""");

    private final String scope = "deserializer-tests-" + System.nanoTime();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    private byte[] serialized(Object value) {
        return serialized("urban-sensors", value);
    }

    private byte[] serialized(String topic, Object value) {
        return new AvroSerializer<>(registry, true).serialize(topic, value);
    }

    @Test
    void shouldRoundTripGeneratedClassWithSpecificReader() {
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);

        UrbanSensorReading read = deserializer.deserialize("urban-sensors", serialized(TestReadings.reading()));

        assertThat(read).isInstanceOf(UrbanSensorReading.class).isEqualTo(TestReadings.reading());
        assertThat(read.getTs()).isEqualTo(TestReadings.TS);
        assertThat(read.getLocation()).isEqualTo(UrbanLocation.EMILIANO_ZAPATA);
    }

    @Test
    void shouldRoundTripThroughKafkaHeadersAndByteBufferOverloads() {
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);
        byte[] bytes = serialized(TestReadings.reading());

        assertThat(deserializer.deserialize("urban-sensors", new RecordHeaders(), ByteBuffer.wrap(bytes)))
                .isEqualTo(TestReadings.reading());
    }

    @Test
    void shouldReadGenericRecordWhenSpecificReaderIsOff() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);

        Object read = deserializer.deserialize("urban-sensors", serialized(TestReadings.reading()));

        assertThat(read).isInstanceOf(GenericData.Record.class).isNotInstanceOf(UrbanSensorReading.class);
        GenericRecord record = (GenericRecord) read;
        assertThat(record.getSchema().getFullName()).isEqualTo("org.etlsuite.events.urban.UrbanSensorReading");
        // generated schema carries avro.java.string=String, so strings come back as java.lang.String
        assertThat(record.get("sensor_id")).isEqualTo("sensor-101");
        // no logical-type conversion for generic records, as with Confluent's default
        assertThat(record.get("ts")).isEqualTo(TestReadings.TS.toEpochMilli());
        assertThat(record.get("location")).isInstanceOf(GenericData.EnumSymbol.class).hasToString("EMILIANO_ZAPATA");
        assertThat(record.get("vehicle_count")).isEqualTo(42);
        assertThat(record.get("pm10")).isEqualTo(30.5);
        assertThat(record.get("status")).hasToString("OK");
    }

    @Test
    void shouldReadGenericRecordWrittenFromSchemaFileIntoGeneratedClass() {
        Schema fileSchema = TestReadings.schemaFromFile();
        GenericRecord record = new GenericData.Record(fileSchema);
        record.put("sensor_id", "sensor-202");
        record.put("ts", TestReadings.TS.toEpochMilli());
        record.put("location", new GenericData.EnumSymbol(fileSchema.getField("location").schema(), "CAUCEL"));
        record.put("vehicle_count", 7);
        record.put("avg_speed_kmh", 12.5);
        record.put("noise_db", 40.0);
        record.put("pm25", 1.25);
        record.put("pm10", 5.5);
        record.put("status", new GenericData.EnumSymbol(fileSchema.getField("status").schema(), "OFFLINE"));

        UrbanSensorReading read = new AvroDeserializer<UrbanSensorReading>(registry, true)
                .deserialize("urban-sensors", serialized(record));

        assertThat(read).isEqualTo(new UrbanSensorReading("sensor-202", TestReadings.TS, UrbanLocation.CAUCEL, 7, 12.5, 40.0,
                1.25, 5.5, SensorStatus.OFFLINE));
    }

    @Test
    void shouldReadRecordWrittenWithOlderWriterSchemaIntoNewerGeneratedClass() {
        GenericRecord old = new GenericData.Record(OLDER_WRITER);
        old.put("sensor_id", "sensor-303");
        old.put("firmware", "1.0.7");
        old.put("ts", TestReadings.TS.toEpochMilli());
        old.put("location", new GenericData.EnumSymbol(OLDER_WRITER.getField("location").schema(), "KANASIN"));
        old.put("vehicle_count", 120);
        old.put("avg_speed_kmh", 22.5f);
        old.put("noise_db", 71.5f);
        old.put("pm25", 33.25f);
        old.put("pm10", 48.75f);
        old.put("status", new GenericData.EnumSymbol(OLDER_WRITER.getField("status").schema(), "MAINTENANCE"));
        byte[] bytes = serialized(old);
        // the newer schema is a BACKWARD-compatible next version of the same subject
        int newerId = registry.register("urban-sensors-value", UrbanSensorReading.getClassSchema());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isNotEqualTo(newerId);

        UrbanSensorReading read = new AvroDeserializer<UrbanSensorReading>(registry, true).deserialize("urban-sensors", bytes);

        assertThat(read).isEqualTo(new UrbanSensorReading("sensor-303", TestReadings.TS, UrbanLocation.KANASIN, 120, 22.5,
                71.5, 33.25, 48.75, SensorStatus.MAINTENANCE));
        assertThat(registry.getVersions("urban-sensors-value")).containsExactly(1, 2);
    }

    @Test
    void shouldExplainWhenWriterSchemaCannotBeReadIntoGeneratedClass() {
        Schema withoutStatus = new Schema.Parser().parse("""
                {"type":"record","name":"UrbanSensorReading","namespace":"org.etlsuite.events.urban","fields":[
                  {"name":"sensor_id","type":"string"}]}""");
        GenericRecord record = new GenericData.Record(withoutStatus);
        record.put("sensor_id", "sensor-404");
        byte[] bytes = serialized(record);

        assertThatThrownBy(() -> new AvroDeserializer<UrbanSensorReading>(registry, true).deserialize("urban-sensors", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Writer schema id 1 cannot be read into org.etlsuite.events.urban.UrbanSensorReading")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("status");
    }

    @Test
    void shouldRejectUnknownMagicByte() {
        byte[] bytes = serialized(TestReadings.reading());
        bytes[0] = 1;
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);

        assertThatThrownBy(() -> deserializer.deserialize("urban-sensors", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown magic byte 1 (0x01) on topic urban-sensors: expected 0 (Confluent wire format); "
                        + "the record was not written by an Avro serializer");
    }

    @Test
    void shouldRejectJsonPayloadAsUnknownMagicByte() {
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);

        assertThatThrownBy(() -> deserializer.deserialize("urban-sensors", "{\"a\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown magic byte 123 (0x7b) on topic urban-sensors");
    }

    @Test
    void shouldRejectUnknownSchemaId() {
        byte[] bytes = {0, 0, 0, 0, 99, 2, 'x'};
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);

        assertThatThrownBy(() -> deserializer.deserialize("urban-sensors", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown schema id 99 on topic urban-sensors: the Schema Registry has no schema with this id "
                        + "(error code 40403): Schema 99 not found");
    }

    @Test
    void shouldRejectPayloadShorterThanHeader() {
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);

        assertThatThrownBy(() -> deserializer.deserialize("urban-sensors", new byte[] {0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Truncated Avro message on topic urban-sensors: 4 bytes, but the Confluent wire format needs "
                        + "at least 5 (magic byte and schema id)");
        assertThatThrownBy(() -> deserializer.deserialize("urban-sensors", new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Truncated Avro message on topic urban-sensors: 0 bytes");
    }

    @Test
    void shouldRejectTruncatedBodyAtEveryCutPoint() {
        byte[] bytes = serialized(TestReadings.reading());
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);

        for (int length = 5; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            int bodyLength = length - 5;
            assertThatThrownBy(() -> deserializer.deserialize("urban-sensors", cut))
                    .as("cut after %d bytes", length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessage("Truncated Avro payload for schema id 1 on topic urban-sensors: the body ended after "
                            + bodyLength + " bytes, before the record was complete");
        }
    }

    @Test
    void shouldRejectCorruptBodyWithSchemaIdAndTopic() {
        byte[] bytes = serialized(TestReadings.reading());
        assertThat(bytes[22]).as("location enum index 4, zig-zag encoded").isEqualTo((byte) 0x08);
        bytes[22] = 0x7e; // enum index 63: no such zone

        assertThatThrownBy(() -> new AvroDeserializer<UrbanSensorReading>(registry, true).deserialize("urban-sensors", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Error deserializing Avro payload for schema id 1 on topic urban-sensors "
                        + "(52 payload bytes; corrupt or truncated data)");
    }

    @Test
    void shouldReturnNullForNullPayload() {
        assertThat(new AvroDeserializer<UrbanSensorReading>(registry, true).deserialize("urban-sensors", null)).isNull();
    }

    @Test
    void shouldReadPrimitivesLikeConfluentAsStringAndRawBytes() {
        AvroDeserializer<Object> specific = new AvroDeserializer<>(registry, true);
        AvroDeserializer<Object> generic = new AvroDeserializer<>(registry, false);

        assertThat(specific.deserialize("strings", serialized("strings", "hé"))).isEqualTo("hé");
        assertThat(generic.deserialize("strings", serialized("strings", "hé"))).isEqualTo("hé");
        assertThat(generic.deserialize("longs", serialized("longs", 42L))).isEqualTo(42L);
        assertThat(generic.deserialize("blobs", serialized("blobs", new byte[] {(byte) 0xca, (byte) 0xfe})))
                .isEqualTo(new byte[] {(byte) 0xca, (byte) 0xfe});
    }

    @Test
    void shouldKeepConstructorSpecificFlagWhenConfigureDoesNotMentionIt() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry, true);
        deserializer.configure(Map.of("group.id", "g"), false);

        assertThat(deserializer.deserialize("urban-sensors", serialized(TestReadings.reading())))
                .isInstanceOf(UrbanSensorReading.class);
    }

    @Test
    void shouldExplainMissingGeneratedClassForSpecificReader() {
        Schema unknown = new Schema.Parser().parse("""
                {"type":"record","name":"NoSuchEvent","namespace":"org.etlsuite.events.urban",
                 "fields":[{"name":"x","type":"int"}]}""");
        GenericRecord record = new GenericData.Record(unknown);
        record.put("x", 1);
        byte[] bytes = serialized(record);

        assertThatThrownBy(() -> new AvroDeserializer<Object>(registry, true).deserialize("urban-sensors", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessage("specific.avro.reader is set but no generated class org.etlsuite.events.urban.NoSuchEvent "
                        + "(schema id 1) is on the classpath");
    }

    @Test
    void shouldTrustGeneratedPackageUnderAvroClassSecurityValidator() {
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).contains("org.etlsuite.events");
        assertThatCode(() -> ClassSecurityValidator.validate(UrbanSensorReading.class)).doesNotThrowAnyException();
        assertThatCode(() -> ClassSecurityValidator.validate(UrbanLocation.class)).doesNotThrowAnyException();
        assertThatCode(() -> ClassSecurityValidator.validate(SensorStatus.class)).doesNotThrowAnyException();
    }

    @Test
    void shouldExplainClassOutsideTrustedPackagesInsteadOfLeakingSecurityException() {
        GenericRecord record = new GenericData.Record(Probe.SCHEMA$);
        record.put("name", "probe");
        byte[] bytes = serialized("probes", record);

        assertThatThrownBy(() -> new AvroDeserializer<Object>(registry, true).deserialize("probes", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Avro refuses to load the generated class org.etlsuite.model.serde.untrusted.Probe")
                .hasMessageContaining("add its package to the system property org.apache.avro.SERIALIZABLE_PACKAGES")
                .hasCauseInstanceOf(SecurityException.class);
        // the same bytes still read fine as a generic record
        assertThat(new AvroDeserializer<GenericRecord>(registry, false).deserialize("probes", bytes).get("name"))
                .hasToString("probe");
    }

    @Test
    void shouldRefuseToDeserializeBeforeConfigure() {
        assertThatThrownBy(() -> new AvroDeserializer<Object>().deserialize("t", new byte[] {0, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not configured");
    }
}
