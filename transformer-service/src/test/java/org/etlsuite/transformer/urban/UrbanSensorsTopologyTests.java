package org.etlsuite.transformer.urban;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.streams.RegistryAwareDeserializationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.etlsuite.events.urban.UrbanLocation.CAUCEL;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.transformer.urban.TestReadings.reading;

class UrbanSensorsTopologyTests {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    @TempDir
    Path stateDir;

    private final String registryScope = "topology-" + UUID.randomUUID();
    private SpecificAvroSerde<UrbanSensorReading> readingSerde;
    private TopologyTestDriver driver;
    private TestInputTopic<String, UrbanSensorReading> readings;
    private TestOutputTopic<UrbanBucket, UrbanHourlyAggregate> aggregates;

    @BeforeEach
    void startDriver() {
        readingSerde = new SpecificAvroSerde<>();
        readingSerde.configure(Map.of("schema.registry.url", "mock://" + registryScope), false);
        driver = driver(readingSerde, stateDir);

        readings = driver.createInputTopic(UrbanTopics.READINGS, new StringSerializer(), readingSerde.serializer());
        aggregates = driver.createOutputTopic(UrbanTopics.HOURLY_AGGREGATES,
                new UrbanBucketSerde().deserializer(), new UrbanHourlyAggregateSerde().deserializer());
    }

    private static TopologyTestDriver driver(Serde<UrbanSensorReading> serde, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        new UrbanSensorsTopology(serde).addTo(builder);

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "etl-transformer-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // as in application.yml
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class);
        // No record cache: every update reaches the output topic, so the tests can see each one.
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return new TopologyTestDriver(builder.build(), config);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        MockSchemaRegistry.dropScope(registryScope);
    }

    private void pipe(UrbanSensorReading reading) {
        readings.pipeInput(reading.getSensorId(), reading);
    }

    private Map<UrbanBucket, UrbanHourlyAggregate> globalTable() {
        KeyValueStore<UrbanBucket, UrbanHourlyAggregate> store = driver.getKeyValueStore(UrbanTopics.HOURLY_AGGREGATE_GLOBAL_STORE);
        Map<UrbanBucket, UrbanHourlyAggregate> table = new HashMap<>();
        try (KeyValueIterator<UrbanBucket, UrbanHourlyAggregate> all = store.all()) {
            all.forEachRemaining(entry -> table.put(entry.key, entry.value));
        }
        return table;
    }

    @Test
    void shouldCountAndAverageReadingsPerLocationDayAndHour() {
        pipe(reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));
        pipe(reading("sensor-102", "2026-03-01T08:30:00Z", CENTRO, 20, 40.0, 60.0, 20.0, 40.0));
        pipe(reading("sensor-103", "2026-03-01T08:59:59.999Z", CENTRO, 33, 50.5, 70.5, 30.0, 60.0));
        pipe(reading("sensor-101", "2026-03-01T09:00:00Z", CENTRO, 7, 12.25, 41.0, 5.0, 15.0));
        pipe(reading("sensor-200", "2026-03-01T08:10:00Z", CAUCEL, 100, 20.0, 80.0, 100.0, 50.0));
        pipe(reading("sensor-201", "2026-03-01T08:20:00Z", CAUCEL, 50, 60.0, 90.0, 50.0, 100.0));
        pipe(reading("sensor-101", "2026-03-02T08:05:00Z", CENTRO, 1, 1.0, 31.0, 1.0, 5.0));

        Map<UrbanBucket, UrbanHourlyAggregate> table = globalTable();

        assertThat(table).containsOnlyKeys(
                new UrbanBucket(CENTRO, MARCH_1, 8), new UrbanBucket(CENTRO, MARCH_1, 9),
                new UrbanBucket(CAUCEL, MARCH_1, 8), new UrbanBucket(CENTRO, MARCH_2, 8));

        UrbanHourlyAggregate centro8 = table.get(new UrbanBucket(CENTRO, MARCH_1, 8));
        assertThat(centro8.readings()).isEqualTo(3);
        assertThat(centro8.meanVehicleCount()).isEqualTo(21.0);
        assertThat(centro8.meanAvgSpeedKmh()).isEqualTo(40.166666666666664);
        assertThat(centro8.meanNoiseDb()).isEqualTo(60.166666666666664);
        assertThat(centro8.meanPm25()).isEqualTo(20.0);
        assertThat(centro8.meanPm10()).isEqualTo(40.0);
        assertThat(centro8.meanPollutionIdx()).isEqualTo(exactMean(14.0, 28.0, 0.6 * 30.0 + 0.4 * 60.0));

        UrbanHourlyAggregate centro9 = table.get(new UrbanBucket(CENTRO, MARCH_1, 9));
        assertThat(centro9.readings()).isEqualTo(1);
        assertThat(centro9.meanVehicleCount()).isEqualTo(7.0);
        assertThat(centro9.meanAvgSpeedKmh()).isEqualTo(12.25);

        UrbanHourlyAggregate caucel8 = table.get(new UrbanBucket(CAUCEL, MARCH_1, 8));
        assertThat(caucel8.readings()).isEqualTo(2);
        assertThat(caucel8.meanVehicleCount()).isEqualTo(75.0);
        assertThat(caucel8.meanAvgSpeedKmh()).isEqualTo(40.0);
        assertThat(caucel8.meanNoiseDb()).isEqualTo(85.0);
        assertThat(caucel8.meanPm25()).isEqualTo(75.0);
        assertThat(caucel8.meanPm10()).isEqualTo(75.0);
        assertThat(caucel8.meanPollutionIdx()).isEqualTo(exactMean(80.0, 70.0));

        assertThat(table.get(new UrbanBucket(CENTRO, MARCH_2, 8)).readings()).isEqualTo(1);
    }

    @Test
    void shouldDropReadingsThatBreakACleaningRule() {
        pipe(reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));
        pipe(reading(" ", "2026-03-01T08:06:00Z", CENTRO, 190, 80.0, 99.0, 150.0, 200.0));
        pipe(reading("", "2026-03-01T08:07:00Z", CENTRO, 190, 80.0, 99.0, 150.0, 200.0));
        pipe(reading("sensor-102", "1970-01-01T00:00:00Z", CENTRO, 190, 80.0, 99.0, 150.0, 200.0));
        pipe(reading("sensor-103", "2026-03-01T08:08:00Z", CENTRO, 190, Double.NaN, 99.0, 150.0, 200.0));
        readings.pipeInput("sensor-104", null);
        pipe(reading("sensor-105", "2026-03-01T08:09:00Z", CENTRO, 20, 40.0, 60.0, 20.0, 40.0));

        Map<UrbanBucket, UrbanHourlyAggregate> table = globalTable();

        assertThat(table).containsOnlyKeys(new UrbanBucket(CENTRO, MARCH_1, 8));
        UrbanHourlyAggregate centro8 = table.get(new UrbanBucket(CENTRO, MARCH_1, 8));
        assertThat(centro8.readings()).isEqualTo(2);
        assertThat(centro8.vehicleCountSum()).isEqualTo(30);
        assertThat(centro8.meanAvgSpeedKmh()).isEqualTo(35.0);
        assertThat(centro8.meanPm25()).isEqualTo(15.0);
    }

    @Test
    void shouldPublishEveryUpdateOfABucketToTheCompactedTopic() {
        pipe(reading("sensor-101", "2026-03-01T17:00:00Z", UrbanLocation.KANASIN, 10, 30.0, 50.0, 10.0, 20.0));
        pipe(reading("sensor-102", "2026-03-01T17:30:00Z", UrbanLocation.KANASIN, 20, 40.0, 60.0, 20.0, 40.0));

        List<KeyValue<UrbanBucket, UrbanHourlyAggregate>> updates = aggregates.readKeyValuesToList();

        UrbanBucket bucket = new UrbanBucket(UrbanLocation.KANASIN, MARCH_1, 17);
        assertThat(updates).extracting(update -> update.key).containsExactly(bucket, bucket);
        assertThat(updates).extracting(update -> update.value.readings()).containsExactly(1L, 2L);
        assertThat(updates.get(1).value.meanVehicleCount()).isEqualTo(15.0);
    }

    @Test
    void shouldExposeTheSameTableInTheGlobalStoreAsOnTheTopic() {
        pipe(reading("sensor-101", "2026-03-01T07:00:00Z", UrbanLocation.EMILIANO_ZAPATA, 10, 30.0, 50.0, 10.0, 20.0));
        pipe(reading("sensor-102", "2026-03-01T18:00:00Z", UrbanLocation.ALTABRISA, 20, 40.0, 60.0, 20.0, 40.0));
        pipe(reading("sensor-103", "2026-03-01T18:10:00Z", UrbanLocation.ALTABRISA, 30, 50.0, 70.0, 30.0, 60.0));

        Map<UrbanBucket, UrbanHourlyAggregate> latestOnTopic = aggregates.readKeyValuesToMap();

        assertThat(globalTable()).isEqualTo(latestOnTopic).hasSize(2);
    }

    @Test
    void shouldSkipUndeserializableRecordsAndKeepProcessingTheReadingsBehindThem() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(UrbanTopics.READINGS, new StringSerializer(), new ByteArraySerializer());
        byte[] valid = readingSerde.serializer().serialize(UrbanTopics.READINGS,
                reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));
        byte[] unknownSchemaId = valid.clone();
        unknownSchemaId[4] = 99;

        raw.pipeInput("sensor-900", new byte[] {7, 0, 0, 0, 1, 42});          // not Confluent wire format
        raw.pipeInput("sensor-901", new byte[] {0, 0, 0});                    // shorter than the header
        raw.pipeInput("sensor-902", Arrays.copyOf(valid, valid.length - 6));  // payload cut short
        raw.pipeInput("sensor-903", unknownSchemaId);                         // the registry answers 40403
        pipe(reading("sensor-102", "2026-03-01T08:30:00Z", CENTRO, 20, 40.0, 60.0, 20.0, 40.0));

        Map<UrbanBucket, UrbanHourlyAggregate> table = globalTable();

        assertThat(table).containsOnlyKeys(new UrbanBucket(CENTRO, MARCH_1, 8));
        assertThat(table.get(new UrbanBucket(CENTRO, MARCH_1, 8)).readings()).isEqualTo(1);
        assertThat(table.get(new UrbanBucket(CENTRO, MARCH_1, 8)).vehicleCountSum()).isEqualTo(20);
    }

    @Test
    void shouldStopInsteadOfSkippingWhileTheSchemaRegistryIsUnavailable() {
        SchemaRegistryClient unavailable = mock(SchemaRegistryClient.class);
        when(unavailable.getSchemaById(anyInt())).thenThrow(
                new SchemaRegistryException("Schema Registry error 503: Service Unavailable (GET /schemas/ids/1, HTTP 503)", 503, 503));
        Serde<UrbanSensorReading> outageSerde = Serdes.serdeFrom(
                new AvroSerializer<>(MockSchemaRegistry.forScope(registryScope), true), new AvroDeserializer<>(unavailable, true));

        try (TopologyTestDriver outage = driver(outageSerde, stateDir.resolve("outage"))) {
            TestInputTopic<String, UrbanSensorReading> input =
                    outage.createInputTopic(UrbanTopics.READINGS, new StringSerializer(), outageSerde.serializer());

            assertThatThrownBy(() -> input.pipeInput("sensor-101", reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0)))
                    .isInstanceOf(StreamsException.class)
                    .hasRootCauseInstanceOf(SchemaRegistryException.class);
            KeyValueStore<UrbanBucket, UrbanHourlyAggregate> store = outage.getKeyValueStore(UrbanTopics.HOURLY_AGGREGATE_GLOBAL_STORE);
            assertThat(store.approximateNumEntries()).isZero();
        }
    }

    @Test
    void shouldKeepStableNamesForInternalTopicsAndStores() {
        // Renaming any of these after a release orphans state: a new repartition topic, changelog or
        // global store would start empty. This test makes such a change deliberate.
        SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", "mock://" + registryScope), false);
        StreamsBuilder builder = new StreamsBuilder();
        new UrbanSensorsTopology(serde).addTo(builder);

        String description = builder.build().describe().toString();

        assertThat(description)
                .contains("topics: [urban-sensors]")
                .contains("topic: urban-hourly-by-bucket-repartition")
                .contains("stores: [urban-hourly-aggregates]")
                .contains("topic: urban-sensors.hourly-aggregates")
                .contains("stores: [urban-hourly-aggregates-global]")
                .contains("urban-clean", "urban-enrich", "urban-key-by-bucket", "urban-hourly-reduce");
    }

    private static double exactMean(double... values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            sum = sum.add(new BigDecimal(value));
        }
        return sum.divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128).doubleValue();
    }
}
