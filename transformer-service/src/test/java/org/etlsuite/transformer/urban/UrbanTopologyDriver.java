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
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.pipeline.QualityKey;
import org.etlsuite.transformer.pipeline.QualityKeySerde;
import org.etlsuite.transformer.pipeline.StreamPipeline;
import org.etlsuite.transformer.pipeline.StreamSpec;

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
    final StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> spec = UrbanSensorsStream.spec();
    final SpecificAvroSerde<UrbanSensorReading> readingSerde = new SpecificAvroSerde<>();
    final SpecificAvroSerde<UrbanSensorReadingProcessed> processedSerde = new SpecificAvroSerde<>();
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> input;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<String, UrbanSensorReadingProcessed> processed;
    final TestOutputTopic<UrbanBucket, UrbanHourlyAggregate> aggregates;
    final TestOutputTopic<QualityKey, Long> dataQualityUpdates;

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
        new UrbanSensorsTopology(new StreamPipeline<>(spec, events, processedSerde, WINDOW)).addTo(builder);
        driver = new TopologyTestDriver(builder.build(), config(stateDir));

        input = driver.createInputTopic(UrbanTopics.READINGS, new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(spec.deadLetterTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        processed = driver.createOutputTopic(spec.processedTopic(), new StringDeserializer(), processedSerde.deserializer());
        aggregates = driver.createOutputTopic(UrbanTopics.HOURLY_AGGREGATES,
                new UrbanBucketSerde().deserializer(), new UrbanHourlyAggregateSerde().deserializer());
        dataQualityUpdates = driver.createOutputTopic(spec.dataQualityTopic(), new QualityKeySerde().deserializer(), new LongDeserializer());
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

    Map<QualityKey, Long> dataQuality() {
        return table(spec.dataQualityGlobalStore());
    }

    Map<UrbanBucket, UrbanHourlyAggregate> hourly() {
        return table(UrbanTopics.HOURLY_AGGREGATE_GLOBAL_STORE);
    }

    /** The content of a (timestamped) key-value store, such as a global table's. */
    private <K, V> Map<K, V> table(String storeName) {
        KeyValueStore<K, ValueAndTimestamp<V>> store = driver.getTimestampedKeyValueStore(storeName);
        Map<K, V> table = new HashMap<>();
        try (KeyValueIterator<K, ValueAndTimestamp<V>> all = store.all()) {
            all.forEachRemaining(entry -> table.put(entry.key, entry.value.value()));
        }
        return table;
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(registryScope);
    }
}
