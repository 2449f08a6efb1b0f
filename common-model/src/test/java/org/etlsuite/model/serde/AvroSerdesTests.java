package org.etlsuite.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdesTests {

    private final String scope = "serdes-tests-" + System.nanoTime();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    private Map<String, Object> configs() {
        Map<String, Object> configs = new HashMap<>();
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        return configs;
    }

    @Test
    void shouldConfigureSpecificSerdeFromMockUrlAndRoundTripGeneratedClass() {
        try (SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs(), false);

            byte[] bytes = serde.serializer().serialize("urban-sensors", TestReadings.reading());
            UrbanSensorReading read = serde.deserializer().deserialize("urban-sensors", bytes);

            assertThat(read).isInstanceOf(UrbanSensorReading.class).isEqualTo(TestReadings.reading());
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            assertThat(MockSchemaRegistry.forScope(scope).getLatestVersion("urban-sensors-value").id()).isEqualTo(id);
        }
    }

    @Test
    void shouldForceSpecificReaderEvenWhenConfigsSayOtherwise() {
        Map<String, Object> configs = configs();
        configs.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "false");
        try (SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs, false);

            Object read = serde.deserializer().deserialize("urban-sensors",
                    serde.serializer().serialize("urban-sensors", TestReadings.reading()));

            assertThat(read).isInstanceOf(UrbanSensorReading.class);
        }
    }

    @Test
    void shouldConfigureGenericSerdeFromMockUrlAndRoundTripGenericRecord() {
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            Map<String, Object> configs = configs();
            configs.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            serde.configure(configs, false);
            GenericRecord record = new GenericData.Record(TestReadings.schemaFromFile());
            record.put("sensor_id", "sensor-500");
            record.put("ts", 0L);
            record.put("location", new GenericData.EnumSymbol(record.getSchema().getField("location").schema(), "CENTRO"));
            record.put("vehicle_count", 0);
            record.put("avg_speed_kmh", 0.0);
            record.put("noise_db", 30.0);
            record.put("pm25", 1.0);
            record.put("pm10", 5.0);
            record.put("status", new GenericData.EnumSymbol(record.getSchema().getField("status").schema(), "OK"));

            GenericRecord read = serde.deserializer().deserialize("urban-sensors",
                    serde.serializer().serialize("urban-sensors", record));

            assertThat(read).isNotInstanceOf(UrbanSensorReading.class);
            assertThat(read.get("sensor_id")).hasToString("sensor-500");
            assertThat(read.get("location")).hasToString("CENTRO");
            assertThat(read.get("noise_db")).isEqualTo(30.0);
        }
    }

    @Test
    void shouldShareRegistryBetweenSerdesConfiguredWithSameMockScope() {
        try (SpecificAvroSerde<UrbanSensorReading> producerSide = new SpecificAvroSerde<>();
                SpecificAvroSerde<UrbanSensorReading> consumerSide = new SpecificAvroSerde<>()) {
            producerSide.configure(configs(), false);
            consumerSide.configure(configs(), false);

            byte[] bytes = producerSide.serializer().serialize("urban-sensors", TestReadings.reading());

            assertThat(consumerSide.deserializer().deserialize("urban-sensors", bytes)).isEqualTo(TestReadings.reading());
        }
    }

    @Test
    void shouldUseKeySubjectWhenSerdeIsConfiguredForKeys() {
        try (SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs(), true);

            serde.serializer().serialize("urban-sensors", TestReadings.reading());

            assertThat(MockSchemaRegistry.forScope(scope).getSubjects()).containsExactly("urban-sensors-key");
        }
    }

    @Test
    void shouldHonourAutoRegisterFalseFromConfigs() {
        Map<String, Object> configs = configs();
        configs.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        try (SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs, false);

            assertThatThrownBy(() -> serde.serializer().serialize("urban-sensors", TestReadings.reading()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Error retrieving Avro schema for subject urban-sensors-value");
        }
    }

    @Test
    void shouldUseRegistryGivenToSerdeConstructor() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        try (SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>(registry);
                GenericAvroSerde generic = new GenericAvroSerde(registry)) {
            serde.configure(Map.of(), false);
            generic.configure(Map.of(), false);

            byte[] bytes = serde.serializer().serialize("urban-sensors", TestReadings.reading());

            assertThat(serde.deserializer().deserialize("urban-sensors", bytes)).isEqualTo(TestReadings.reading());
            assertThat(generic.deserializer().deserialize("urban-sensors", bytes).get("sensor_id")).isEqualTo("sensor-101");
        }
    }

    @Test
    void shouldWorkAsKafkaStreamsDefaultValueSerdeConfiguredByClassName() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serdes-tests");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, UrbanSensorReading>stream("urban-sensors")
                .filter((sensorId, reading) -> reading.getStatus() == SensorStatus.OK)
                .mapValues(reading -> {
                    reading.setVehicleCount(reading.getVehicleCount() + 1);
                    return reading;
                })
                .to("urban-sensors-ok");

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props);
                SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs(), false);
            TestInputTopic<String, UrbanSensorReading> in = driver.createInputTopic("urban-sensors",
                    Serdes.String().serializer(), serde.serializer());
            TestOutputTopic<String, UrbanSensorReading> out = driver.createOutputTopic("urban-sensors-ok",
                    Serdes.String().deserializer(), serde.deserializer());
            UrbanSensorReading offline = TestReadings.reading("sensor-102", 5);
            offline.setStatus(SensorStatus.OFFLINE);

            in.pipeInput("sensor-101", TestReadings.reading("sensor-101", 41));
            in.pipeInput("sensor-102", offline);

            List<KeyValue<String, UrbanSensorReading>> output = out.readKeyValuesToList();
            assertThat(output).containsExactly(KeyValue.pair("sensor-101", TestReadings.reading("sensor-101", 42)));
            assertThat(MockSchemaRegistry.forScope(scope).getSubjects())
                    .containsExactlyInAnyOrder("urban-sensors-value", "urban-sensors-ok-value");
        }
    }
}
