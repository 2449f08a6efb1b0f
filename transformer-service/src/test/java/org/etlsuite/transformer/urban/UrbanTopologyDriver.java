package org.etlsuite.transformer.urban;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.stream.QualityKey;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSteps;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.table.KpiTable;
import org.etlsuite.transformer.table.PartialKey;
import org.etlsuite.transformer.table.TableContents;

/**
 * The urban topology in a {@link TopologyTestDriver}, configured as in application.yml (exactly-once,
 * failing exception handlers), with its own mock registry scope, raw access to the input topic and
 * readers for every output.
 */
final class UrbanTopologyDriver implements AutoCloseable {

    static final String APPLICATION_ID = "etl-transformer-test";
    static final Duration WINDOW = Duration.ofHours(1);

    /** Record time of the first record of a test; later records add to it. */
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final String registryScope = "urban-topology-" + UUID.randomUUID();
    final StreamDefinition<UrbanSensorReading, UrbanSensorReadingProcessed> definition = UrbanSensorsStream.definition();
    final StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> spec = definition.spec();
    final SpecificAvroSerde<UrbanSensorReading> readingSerde = new SpecificAvroSerde<>();
    final SpecificAvroSerde<UrbanSensorReadingProcessed> processedSerde = new SpecificAvroSerde<>();
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> input;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<String, UrbanSensorReadingProcessed> processed;
    /** The published partials of the hourly table (one per changed bucket and partition per emit interval). */
    final TestOutputTopic<PartialKey<UrbanBucket>, UrbanHourlyAggregate> aggregates;
    /** The published partials of the data-quality table. */
    final TestOutputTopic<PartialKey<QualityKey>, Long> dataQualityUpdates;

    UrbanTopologyDriver(Path stateDir) {
        this(stateDir, null);
    }

    /** @param eventDeserializer the input decoder, or {@code null} for one on this driver's mock registry */
    UrbanTopologyDriver(Path stateDir, Deserializer<?> eventDeserializer) {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + registryScope);
        readingSerde.configure(serdeConfig, false);
        processedSerde.configure(serdeConfig, false);
        Deserializer<?> events = eventDeserializer;
        if (events == null) {
            Map<String, Object> specific = new HashMap<>(serdeConfig);
            specific.put("specific.avro.reader", true);
            AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
            deserializer.configure(specific, false);
            events = deserializer;
        }

        StreamsBuilder builder = new StreamsBuilder();
        definition.addTo(builder, new StreamSteps<>(spec, events, processedSerde, WINDOW));
        driver = new TopologyTestDriver(builder.build(), config(stateDir));

        input = driver.createInputTopic(UrbanTopics.READINGS, new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(spec.deadLetterTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        processed = driver.createOutputTopic(spec.processedTopic(), new StringDeserializer(), processedSerde.deserializer());
        KpiTable<UrbanBucket, UrbanHourlyAggregate> hourly = UrbanSensorsStream.HOURLY;
        aggregates = driver.createOutputTopic(hourly.topic(), hourly.partialKeySerde().deserializer(), hourly.valueSerde().deserializer());
        KpiTable<QualityKey, Long> quality = spec.dataQuality();
        dataQualityUpdates = driver.createOutputTopic(quality.topic(), quality.partialKeySerde().deserializer(), quality.valueSerde().deserializer());
    }

    static Properties config(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // as in application.yml
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        // No record cache: every update reaches the output topics, so the tests can see each one.
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return config;
    }

    /** The reading in Confluent wire format, as the producer writes it. */
    byte[] bytes(UrbanSensorReading reading) {
        return readingSerde.serializer().serialize(UrbanTopics.READINGS, reading);
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a reading keyed by its sensor id at the given record time. */
    void send(UrbanSensorReading reading, Instant recordTime) {
        send(utf8(reading.getSensorId()), bytes(reading), recordTime, new RecordHeaders());
    }

    /** Sends a reading keyed by its sensor id at {@link #T0}. */
    void send(UrbanSensorReading reading) {
        send(reading, T0);
    }

    void send(byte[] key, byte[] value, Instant recordTime, Headers headers) {
        input.pipeInput(new TestRecord<>(key, value, headers, recordTime));
    }

    /** The data-quality counts as the export reads them (committed, all partitions combined). */
    Map<QualityKey, Long> dataQuality() {
        return TableContents.of(driver, spec.dataQuality());
    }

    /** The hourly table as the export reads it (committed, all partitions combined). */
    Map<UrbanBucket, UrbanHourlyAggregate> hourly() {
        return TableContents.of(driver, UrbanSensorsStream.HOURLY);
    }

    /** Lets every aggregation step publish what changed since its last emission. */
    void publish() {
        driver.advanceWallClockTime(TableContents.PUBLISH);
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(registryScope);
    }
}
