package org.etlsuite.transformer.kpi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.stream.QualityKey;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSteps;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.table.KpiTable;
import org.etlsuite.transformer.table.TableContents;

/**
 * A stream's whole topology (shared steps + KPI table) in a {@link TopologyTestDriver}, configured
 * as in application.yml (exactly-once, failing exception handlers, no record cache), with its own mock
 * registry scope, raw access to the input topic and readers for the outputs and global stores.
 */
public final class StreamTopologyDriver<V extends SpecificRecord, P extends SpecificRecord> implements AutoCloseable {

    public static final Duration WINDOW = Duration.ofHours(1);

    /** Record time of the first record of a test. */
    public static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final String registryScope = "stream-topology-" + UUID.randomUUID();
    private final StreamSpec<V, P> spec;
    private final KpiTable<String, Tally> kpiTable;
    private final SpecificAvroSerde<V> eventSerde = new SpecificAvroSerde<>();
    private final SpecificAvroSerde<P> processedSerde = new SpecificAvroSerde<>();
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> input;
    public final TestOutputTopic<byte[], byte[]> deadLetters;
    public final TestOutputTopic<String, P> processed;

    /** @param kpis the stream's KPI table, read by {@link #kpis()} */
    public StreamTopologyDriver(Path stateDir, StreamDefinition<V, P> definition, KpiTable<String, Tally> kpis) {
        this.spec = definition.spec();
        this.kpiTable = kpis;
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + registryScope);
        eventSerde.configure(serdeConfig, false);
        processedSerde.configure(serdeConfig, false);
        Map<String, Object> specific = new HashMap<>(serdeConfig);
        specific.put("specific.avro.reader", true);
        AvroDeserializer<Object> events = new AvroDeserializer<>();
        events.configure(specific, false);

        StreamsBuilder builder = new StreamsBuilder();
        definition.addTo(builder, new StreamSteps<>(spec, events, processedSerde, WINDOW));
        driver = new TopologyTestDriver(builder.build(), config(stateDir));
        input = driver.createInputTopic(spec.topic(), new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(spec.deadLetterTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        processed = driver.createOutputTopic(spec.processedTopic(), new StringDeserializer(), processedSerde.deserializer());
    }

    private static Properties config(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "etl-transformer-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return config;
    }

    /** The event in Confluent wire format, as the producer writes it. */
    public byte[] bytes(V event) {
        return eventSerde.serializer().serialize(spec.topic(), event);
    }

    /** Sends an event with the given key at the given record time. */
    public void send(String key, V event, Instant recordTime) {
        input.pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8), bytes(event), new RecordHeaders(), recordTime));
    }

    /** Sends bytes as they are, whatever they hold: what an unknown or broken producer might write. */
    public void sendRaw(byte[] key, byte[] value) {
        input.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), T0));
    }

    /** Sends an event keyed as the producer keys it, at {@link #T0}. */
    public void send(V event) {
        send(spec.key().apply(event), event, T0);
    }

    /**
     * Discards every output record captured so far. The driver keeps all of them in memory until read;
     * a long run drains them now and then and reads the results from the global stores instead.
     */
    public void drainOutputs() {
        for (String topic : driver.producedTopicNames()) {
            driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
        }
    }

    /** The data-quality counts as the export reads them (committed, all partitions combined). */
    public Map<QualityKey, Long> dataQuality() {
        return TableContents.of(driver, spec.dataQuality());
    }

    /** The KPI table as the export reads it (committed, all partitions combined). */
    public Map<String, Tally> kpis() {
        return TableContents.of(driver, kpiTable);
    }

    /** A KPI file as the exporter would write it now. */
    public String csv(Function<Map<String, Tally>, CsvDocument> document) {
        return CsvFormat.render(document.apply(kpis()));
    }

    /** The data lines of a KPI file, split into fields (no field of these files is quoted). */
    public List<String[]> rows(Function<Map<String, Tally>, CsvDocument> document) {
        return csv(document).lines().skip(1).map(line -> line.split(",", -1)).toList();
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(registryScope);
    }
}
