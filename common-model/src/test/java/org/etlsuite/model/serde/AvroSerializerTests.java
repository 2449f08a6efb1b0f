package org.etlsuite.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.registry.SchemaMetadata;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.serde.untrusted.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerializerTests {

    /** An id whose four bytes all differ, so a wrong byte order cannot pass the golden test. */
    private static final int SCHEMA_ID = 0x01020304;

    /**
     * Worked out by hand from the Avro spec, independently of the Avro library: magic 00, id 01020304,
     * string "sensor-101" (zig-zag length 20 = 0x14 + ASCII), ts 1714566896789 as zig-zag varint
     * (aaf2b4c2e663), enum index 4 (08), int 42 (54), four little-endian IEEE doubles 37.5, 65.5,
     * 12.25, 30.5, enum index 0 (00).
     */
    private static final String GOLDEN_HEX = "00" + "01020304"
            + "14" + "73656e736f722d313031"
            + "aaf2b4c2e663"
            + "08"
            + "54"
            + "0000000000c04240"
            + "0000000000605040"
            + "0000000000802840"
            + "0000000000803e40"
            + "00";

    private final String scope = "serializer-tests-" + System.nanoTime();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldWriteExactConfluentWireFormatBytesForFixedReading() {
        FixedIdRegistry registry = new FixedIdRegistry(SCHEMA_ID);
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(registry, true);

        byte[] bytes = serializer.serialize("urban-sensors", TestReadings.reading());

        assertThat(TestReadings.hex(bytes)).isEqualTo(GOLDEN_HEX);
        assertThat(bytes).hasSize(57);
        assertThat(registry.registered).containsExactly("urban-sensors-value");
    }

    @Test
    void shouldMatchHeaderAssembledByHandPlusPlainAvroBinaryEncoding() throws IOException {
        Schema fileSchema = TestReadings.schemaFromFile();
        GenericRecord record = new GenericData.Record(fileSchema);
        record.put("sensor_id", "sensor-101");
        record.put("ts", TestReadings.TS.toEpochMilli());
        record.put("location", new GenericData.EnumSymbol(fileSchema.getField("location").schema(), "EMILIANO_ZAPATA"));
        record.put("vehicle_count", 42);
        record.put("avg_speed_kmh", 37.5);
        record.put("noise_db", 65.5);
        record.put("pm25", 12.25);
        record.put("pm10", 30.5);
        record.put("status", new GenericData.EnumSymbol(fileSchema.getField("status").schema(), "OK"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {0, 0x01, 0x02, 0x03, 0x04});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new GenericDatumWriter<GenericRecord>(fileSchema).write(record, encoder);
        encoder.flush();

        byte[] actual = new AvroSerializer<UrbanSensorReading>(new FixedIdRegistry(SCHEMA_ID), true)
                .serialize("urban-sensors", TestReadings.reading());

        assertThat(actual).isEqualTo(expected.toByteArray());
    }

    @Test
    void shouldStartWithMagicByteAndBigEndianIdAndDecodeWithPlainAvroAndSchemaFile() throws IOException {
        byte[] bytes = new AvroSerializer<UrbanSensorReading>(new FixedIdRegistry(SCHEMA_ID), true)
                .serialize("urban-sensors", TestReadings.reading());

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(SCHEMA_ID);
        Schema fileSchema = TestReadings.schemaFromFile();
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(fileSchema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(decoded.get("sensor_id")).isEqualTo(new Utf8("sensor-101"));
        assertThat(decoded.get("ts")).isEqualTo(1_714_566_896_789L);
        assertThat(decoded.get("location")).hasToString("EMILIANO_ZAPATA");
        assertThat(decoded.get("vehicle_count")).isEqualTo(42);
        assertThat(decoded.get("avg_speed_kmh")).isEqualTo(37.5);
        assertThat(decoded.get("noise_db")).isEqualTo(65.5);
        assertThat(decoded.get("pm25")).isEqualTo(12.25);
        assertThat(decoded.get("pm10")).isEqualTo(30.5);
        assertThat(decoded.get("status")).hasToString("OK");
    }

    @Test
    void shouldWriteSameBodyForGenericRecordAndGeneratedClassOfSameSchema() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(new FixedIdRegistry(SCHEMA_ID), true);
        Schema classSchema = UrbanSensorReading.getClassSchema();
        GenericRecord generic = new GenericData.Record(classSchema);
        UrbanSensorReading specific = TestReadings.reading();
        for (Schema.Field field : classSchema.getFields()) {
            Object value = specific.get(field.pos());
            generic.put(field.pos(), switch (field.name()) {
                case "ts" -> TestReadings.TS.toEpochMilli();
                case "location", "status" -> new GenericData.EnumSymbol(field.schema(), value.toString());
                default -> value;
            });
        }

        // generic first, then specific: the two need different datum writers for the same schema
        byte[] fromGeneric = serializer.serialize("urban-sensors", generic);
        byte[] fromSpecific = serializer.serialize("urban-sensors", specific);

        assertThat(TestReadings.hex(fromGeneric)).isEqualTo(GOLDEN_HEX);
        assertThat(TestReadings.hex(fromSpecific)).isEqualTo(GOLDEN_HEX);
    }

    @Test
    void shouldUseKeySubjectWhenConfiguredAsKeySerializer() {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), true);

        serializer.serialize("urban-sensors", TestReadings.reading());

        assertThat(MockSchemaRegistry.forScope(scope).getSubjects()).containsExactly("urban-sensors-key");
    }

    @Test
    void shouldRegisterValueSubjectWithTopicNameStrategy() {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);

        byte[] bytes = serializer.serialize("urban-sensors", TestReadings.reading());

        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        SchemaMetadata latest = registry.getLatestVersion("urban-sensors-value");
        assertThat(latest.version()).isEqualTo(1);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest.id());
        assertThat(new Schema.Parser().parse(latest.schema())).isEqualTo(UrbanSensorReading.getClassSchema());
    }

    @Test
    void shouldReturnNullForNullValueWithoutCallingRegistry() {
        FixedIdRegistry registry = new FixedIdRegistry(SCHEMA_ID);

        assertThat(new AvroSerializer<UrbanSensorReading>(registry, true).serialize("urban-sensors", null)).isNull();
        assertThat(registry.registered).isEmpty();
    }

    @Test
    void shouldEncodePrimitivesLikeConfluentWithStringAvroEncodedAndBytesRaw() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(new FixedIdRegistry(7), true);

        assertThat(TestReadings.hex(serializer.serialize("t", "hé"))).isEqualTo("0000000007" + "06" + "68c3a9");
        assertThat(TestReadings.hex(serializer.serialize("t", 1L))).isEqualTo("0000000007" + "02");
        assertThat(TestReadings.hex(serializer.serialize("t", -3))).isEqualTo("0000000007" + "05");
        assertThat(TestReadings.hex(serializer.serialize("t", true))).isEqualTo("0000000007" + "01");
        assertThat(TestReadings.hex(serializer.serialize("t", new byte[] {(byte) 0xca, (byte) 0xfe})))
                .isEqualTo("0000000007" + "cafe");
        assertThat(TestReadings.hex(serializer.serialize("t", ByteBuffer.wrap(new byte[] {1, 2, 3}, 1, 2))))
                .isEqualTo("0000000007" + "0203");
    }

    @Test
    void shouldRejectValueThatIsNotAnAvroType() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(new FixedIdRegistry(7), true);

        assertThatThrownBy(() -> serializer.serialize("t", new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot serialize java.lang.Object as Avro");
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsFalse() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        int id = registry.register("urban-sensors-value", UrbanSensorReading.getClassSchema());
        CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(registry);
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(counting, true);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        byte[] bytes = serializer.serialize("urban-sensors", TestReadings.reading());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(counting.registers()).isZero();
        assertThat(counting.lookups()).isEqualTo(1);
    }

    @Test
    void shouldExplainUnregisteredSchemaWhenAutoRegisterIsFalse() {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize("urban-sensors", TestReadings.reading()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Error retrieving Avro schema for subject urban-sensors-value")
                .hasMessageContaining("error code 40401")
                .hasMessageContaining("auto.register.schemas is false, so register the schema first")
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldKeepConstructorAutoRegisterFlagWhenConfigureDoesNotMentionIt() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(registry, false);
        serializer.configure(Map.of("client.id", "x"), false);

        assertThatThrownBy(() -> serializer.serialize("urban-sensors", TestReadings.reading()))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Error retrieving Avro schema");
        assertThat(registry.getSubjects()).isEmpty();
    }

    @Test
    void shouldWrapRegistryRejectionInSerializationExceptionWithCode() {
        SchemaRegistryClient rejecting = new FixedIdRegistry(1) {
            @Override
            public int register(String subject, Schema schema) {
                throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema", 409,
                        SchemaRegistryException.INCOMPATIBLE_SCHEMA);
            }
        };

        assertThatThrownBy(() -> new AvroSerializer<UrbanSensorReading>(rejecting, true)
                .serialize("urban-sensors", TestReadings.reading()))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Error registering Avro schema for subject urban-sensors-value (error code 409): "
                        + "Schema being registered is incompatible with an earlier schema");
    }

    @Test
    void shouldExplainGeneratedClassOutsideTrustedPackages() {
        Probe probe = new Probe();
        probe.put(0, "probe");

        assertThatThrownBy(() -> new AvroSerializer<Probe>(new FixedIdRegistry(7), true).serialize("probes", probe))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Avro refuses to use the generated class org.etlsuite.model.serde.untrusted.Probe")
                .hasMessageContaining("add its package to the system property org.apache.avro.SERIALIZABLE_PACKAGES")
                .hasCauseInstanceOf(SecurityException.class);
    }

    @Test
    void shouldRefuseToSerializeBeforeConfigure() {
        assertThatThrownBy(() -> new AvroSerializer<UrbanSensorReading>().serialize("t", TestReadings.reading()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void shouldRejectConfigureWithoutRegistryUrl() {
        assertThatThrownBy(() -> new AvroSerializer<UrbanSensorReading>().configure(Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing required configuration \"schema.registry.url\"");
    }

    @Test
    void shouldRejectAutoRegisterValueThatIsNotBoolean() {
        assertThatThrownBy(() -> new AvroSerializer<UrbanSensorReading>().configure(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"),
                false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration \"auto.register.schemas\" must be true or false, was: yes");
    }

    /** Answers one fixed id for every registration and remembers the subjects. */
    static class FixedIdRegistry implements SchemaRegistryClient {

        final List<String> registered = new ArrayList<>();
        private final int id;

        FixedIdRegistry(int id) {
            this.id = id;
        }

        @Override
        public int register(String subject, Schema schema) {
            registered.add(subject);
            return id;
        }

        @Override
        public SchemaMetadata lookup(String subject, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Schema getSchemaById(int id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaMetadata getLatestVersion(String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaMetadata getVersion(String subject, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Integer> getVersions(String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> getSubjects() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean testCompatibility(String subject, String version, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getCompatibility() {
            throw new UnsupportedOperationException();
        }
    }
}
