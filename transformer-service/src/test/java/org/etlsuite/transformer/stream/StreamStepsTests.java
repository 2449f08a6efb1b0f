package org.etlsuite.transformer.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.table.TableContents;
import org.etlsuite.transformer.urban.UrbanFeatures;
import org.etlsuite.transformer.urban.UrbanReadingRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The framework with settings the urban stream does not use: de-duplication through a repartition by
 * event id (as product events will need), and a stream whose own class Avro refuses.
 */
class StreamStepsTests {

    private static final String TOPIC = "sample-events";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path stateDir;

    private final String registryScope = "stream-steps-" + UUID.randomUUID();
    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + registryScope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(registryScope);
    }

    /** Keys in the input are ignored: de-duplicated by sensor and time through a repartition, processed keyed by sensor. */
    private static StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> repartitioningSpec() {
        return new StreamSpec<>(TOPIC, UrbanSensorReading.class, UrbanSensorReadingProcessed.class, UrbanReadingRules.ALL,
                UrbanSensorReading::getSensorId, UrbanFeatures::eventId, StreamSpec.DedupKeying.REPARTITION_BY_EVENT_ID, UrbanFeatures::enrich);
    }

    private SpecificAvroSerde<UrbanSensorReadingProcessed> processedSerde() {
        SpecificAvroSerde<UrbanSensorReadingProcessed> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        return serde;
    }

    private Deserializer<Object> eventDeserializer() {
        Map<String, Object> specific = new HashMap<>(serdeConfig);
        specific.put("specific.avro.reader", true);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(specific, false);
        return deserializer;
    }

    private byte[] bytes(UrbanSensorReading reading) {
        SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        return serde.serializer().serialize(TOPIC, reading);
    }

    private TopologyTestDriver driver(StreamsBuilder builder) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stream-steps-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return new TopologyTestDriver(builder.build(), config);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeduplicateAfterARepartitionByEventIdWhenTheInputKeyDoesNotDetermineTheId() {
        StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> spec = repartitioningSpec();
        StreamsBuilder builder = new StreamsBuilder();
        new StreamSteps<>(spec, eventDeserializer(), processedSerde(), Duration.ofHours(1)).addTo(builder);
        assertThat(builder.build().describe().toString())
                .contains("topic: sample-events-by-event-id-repartition")
                .contains("stores: [sample-events-event-ids]");

        try (TopologyTestDriver driver = driver(builder)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, UrbanSensorReadingProcessed> processed = driver.createOutputTopic(spec.processedTopic(),
                    new StringDeserializer(), processedSerde().deserializer());
            UrbanSensorReading reading = StreamTestEvents.reading("sensor-101", "2026-03-01T08:00:00Z");
            UrbanSensorReading other = StreamTestEvents.reading("sensor-102", "2026-03-01T08:00:00Z");

            // The same event under two different input keys, as a producer keyed by something else would send it.
            input.pipeInput(utf8("user-1"), bytes(reading), T0);
            input.pipeInput(utf8("user-2"), bytes(reading), T0.plusSeconds(1));
            input.pipeInput(utf8("user-1"), bytes(other), T0.plusSeconds(2));

            List<KeyValue<String, UrbanSensorReadingProcessed>> accepted = processed.readKeyValuesToList();
            assertThat(accepted).containsExactly(
                    KeyValue.pair("sensor-101", UrbanFeatures.enrich(reading)),
                    KeyValue.pair("sensor-102", UrbanFeatures.enrich(other)));
            Map<QualityKey, Long> counts = TableContents.of(driver, spec.dataQuality());
            assertThat(counts.get(QualityKey.accepted(TOPIC))).isEqualTo(2L);
            assertThat(counts.get(QualityKey.duplicate(TOPIC))).isEqualTo(1L);
        }
    }

    @Test
    void shouldStopWithoutDeadLetteringWhenAvroRefusesTheStreamsOwnClass() {
        StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> spec = repartitioningSpec();
        Deserializer<Object> untrusted = (topic, data) -> {
            throw new SerializationException("Avro refuses to load the generated class",
                    new SecurityException("Forbidden org.etlsuite.events.urban.UrbanSensorReading! This class is not trusted"));
        };
        StreamsBuilder builder = new StreamsBuilder();
        new StreamSteps<>(spec, new RecordDecoder<>(untrusted, UrbanSensorReading.class, () -> false), processedSerde(), Duration.ofHours(1))
                .addTo(builder);

        try (TopologyTestDriver driver = driver(builder)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(spec.deadLetterTopic(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());

            assertThatThrownBy(() -> input.pipeInput(utf8("sensor-101"), bytes(StreamTestEvents.reading("sensor-101", "2026-03-01T08:00:00Z")), T0))
                    .isInstanceOf(StreamsException.class)
                    .hasRootCauseInstanceOf(SecurityException.class);
            assertThat(deadLetters.isEmpty()).isTrue();
            assertThat(TableContents.partials(driver, spec.dataQuality())).isEmpty();
        }
    }

    @Test
    void shouldRoundTripEventsThroughTheInternalSerdeWithoutARegistry() {
        InternalAvroSerde<UrbanSensorReading> serde = new InternalAvroSerde<>(UrbanSensorReading.class);
        UrbanSensorReading reading = StreamTestEvents.reading("sensor-101", "2026-03-01T08:00:00Z");

        byte[] bytes = serde.serializer().serialize("t", reading);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(reading);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldFailLoudlyOnAnInternalRecordWrittenWithAnUnknownSchema() {
        InternalAvroSerde<UrbanSensorReading> serde = new InternalAvroSerde<>(UrbanSensorReading.class);
        var schema = SchemaBuilder.record("Other").namespace("org.etlsuite.events.test").fields().requiredString("id").endRecord();
        GenericRecord other = new GenericData.Record(schema);
        other.put("id", "x");
        byte[] foreign;
        try {
            foreign = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(other).array();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", foreign))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("internal topic t");
    }
}
