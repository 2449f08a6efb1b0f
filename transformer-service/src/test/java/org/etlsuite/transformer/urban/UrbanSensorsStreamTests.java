package org.etlsuite.transformer.urban;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.transformer.stream.StreamHaltException;
import org.etlsuite.transformer.stream.StreamSteps;
import org.etlsuite.transformer.table.Aggregation;
import org.etlsuite.transformer.table.PartialKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.etlsuite.events.urban.UrbanLocation.CAUCEL;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.transformer.urban.TestReadings.reading;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.T0;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.utf8;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The hourly aggregation on the accepted readings, the topology's stable names, and a registry outage. */
class UrbanSensorsStreamTests {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

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

    @Test
    void shouldCountAndAverageReadingsPerLocationDayAndHour() {
        topology.send(reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));
        topology.send(reading("sensor-102", "2026-03-01T08:30:00Z", CENTRO, 20, 40.0, 60.0, 20.0, 40.0));
        topology.send(reading("sensor-103", "2026-03-01T08:59:59.999Z", CENTRO, 33, 50.5, 70.5, 30.0, 60.0));
        topology.send(reading("sensor-101", "2026-03-01T09:00:00Z", CENTRO, 7, 12.25, 41.0, 5.0, 15.0));
        topology.send(reading("sensor-200", "2026-03-01T08:10:00Z", CAUCEL, 100, 20.0, 80.0, 100.0, 50.0));
        topology.send(reading("sensor-201", "2026-03-01T08:20:00Z", CAUCEL, 50, 60.0, 90.0, 50.0, 100.0));
        topology.send(reading("sensor-101", "2026-03-02T08:05:00Z", CENTRO, 1, 1.0, 31.0, 1.0, 5.0));

        Map<UrbanBucket, UrbanHourlyAggregate> table = topology.hourly();

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
    void shouldAggregateOnlyAcceptedReadingsLeavingOutDeadLettersAndDuplicates() {
        topology.send(reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));
        topology.send(reading(" ", "2026-03-01T08:06:00Z", CENTRO, 190, 80.0, 99.0, 150.0, 200.0));
        topology.send(reading("sensor-102", "1970-01-01T00:00:00Z", CENTRO, 190, 80.0, 99.0, 150.0, 200.0));
        topology.send(reading("sensor-103", "2026-03-01T08:08:00Z", CENTRO, 190, Double.NaN, 99.0, 150.0, 200.0));
        topology.send(reading("sensor-104", "2026-03-01T08:08:00Z", CENTRO, 201, 80.0, 99.0, 150.0, 200.0));
        topology.send(utf8("sensor-105"), null, T0, new RecordHeaders());
        topology.send(utf8("sensor-106"), new byte[] {7, 0, 0, 0, 1, 42}, T0, new RecordHeaders());
        topology.send(reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));
        topology.send(reading("sensor-107", "2026-03-01T08:09:00Z", CENTRO, 20, 40.0, 60.0, 20.0, 40.0));

        Map<UrbanBucket, UrbanHourlyAggregate> table = topology.hourly();

        assertThat(table).containsOnlyKeys(new UrbanBucket(CENTRO, MARCH_1, 8));
        UrbanHourlyAggregate centro8 = table.get(new UrbanBucket(CENTRO, MARCH_1, 8));
        assertThat(centro8.readings()).isEqualTo(2);
        assertThat(centro8.vehicleCountSum()).isEqualTo(30);
        assertThat(centro8.meanAvgSpeedKmh()).isEqualTo(35.0);
        assertThat(centro8.meanPm25()).isEqualTo(15.0);
    }

    @Test
    void shouldPublishOneTotalPerChangedBucketAndPartitionPerEmitInterval() {
        topology.send(reading("sensor-101", "2026-03-01T17:00:00Z", UrbanLocation.KANASIN, 10, 30.0, 50.0, 10.0, 20.0));
        topology.send(reading("sensor-102", "2026-03-01T17:30:00Z", UrbanLocation.KANASIN, 20, 40.0, 60.0, 20.0, 40.0));

        assertThat(topology.aggregates.isEmpty()).as("nothing is published before the interval has passed").isTrue();
        topology.publish();
        List<KeyValue<PartialKey<UrbanBucket>, UrbanHourlyAggregate>> first = topology.aggregates.readKeyValuesToList();
        topology.send(reading("sensor-103", "2026-03-01T17:40:00Z", UrbanLocation.KANASIN, 30, 40.0, 60.0, 20.0, 40.0));
        topology.publish();
        List<KeyValue<PartialKey<UrbanBucket>, UrbanHourlyAggregate>> second = topology.aggregates.readKeyValuesToList();
        topology.publish();

        PartialKey<UrbanBucket> partial = new PartialKey<>(new UrbanBucket(UrbanLocation.KANASIN, MARCH_1, 17), "accepted", 0);
        assertThat(first).extracting(update -> update.key).containsExactly(partial);
        assertThat(first.getFirst().value.readings()).isEqualTo(2L);
        assertThat(first.getFirst().value.meanVehicleCount()).isEqualTo(15.0);
        assertThat(second).extracting(update -> update.key).containsExactly(partial);
        assertThat(second.getFirst().value.readings()).isEqualTo(3L);
        assertThat(topology.aggregates.isEmpty()).as("an unchanged total is not published again").isTrue();
    }

    @Test
    void shouldExposeTheSameTableInTheGlobalStoreAsOnTheTopic() {
        topology.send(reading("sensor-101", "2026-03-01T07:00:00Z", UrbanLocation.EMILIANO_ZAPATA, 10, 30.0, 50.0, 10.0, 20.0));
        topology.send(reading("sensor-102", "2026-03-01T18:00:00Z", UrbanLocation.ALTABRISA, 20, 40.0, 60.0, 20.0, 40.0));
        topology.send(reading("sensor-103", "2026-03-01T18:10:00Z", UrbanLocation.ALTABRISA, 30, 50.0, 70.0, 30.0, 60.0));

        Map<UrbanBucket, UrbanHourlyAggregate> table = topology.hourly();
        Map<UrbanBucket, UrbanHourlyAggregate> latestOnTopic = new HashMap<>();
        topology.aggregates.readKeyValuesToList().forEach(update -> latestOnTopic.put(update.key.cell(), update.value));

        assertThat(table).isEqualTo(latestOnTopic).hasSize(2);
    }

    @Test
    void shouldKeepInTheTaskStoreWhatARestartRepublishesEqualToThePublishedTotals() {
        topology.send(reading("sensor-101", "2026-03-01T07:00:00Z", UrbanLocation.EMILIANO_ZAPATA, 10, 30.0, 50.0, 10.0, 20.0));
        topology.send(reading("sensor-102", "2026-03-01T18:00:00Z", UrbanLocation.ALTABRISA, 20, 40.0, 60.0, 20.0, 40.0));
        topology.publish();
        topology.send(reading("sensor-103", "2026-03-01T18:10:00Z", UrbanLocation.ALTABRISA, 30, 50.0, 70.0, 30.0, 60.0));
        topology.send(reading("sensor-104", "2026-03-01T18:20:00Z", UrbanLocation.ALTABRISA, 40, 50.0, 70.0, 30.0, 60.0));
        topology.publish();

        // The task store is what a restart restores and republishes: it must hold every total, not only the published ones.
        Map<UrbanBucket, UrbanHourlyAggregate> inTaskStore = new HashMap<>();
        KeyValueStore<UrbanBucket, UrbanHourlyAggregate> store = topology.driver.getKeyValueStore(
                UrbanSensorsStream.HOURLY.partialStore(Aggregation.ACCEPTED_STEP));
        try (KeyValueIterator<UrbanBucket, UrbanHourlyAggregate> all = store.all()) {
            all.forEachRemaining(entry -> inTaskStore.put(entry.key, entry.value));
        }
        Map<UrbanBucket, UrbanHourlyAggregate> latestOnTopic = new HashMap<>();
        topology.aggregates.readKeyValuesToList().forEach(update -> latestOnTopic.put(update.key.cell(), update.value));

        assertThat(inTaskStore).isEqualTo(latestOnTopic).hasSize(2);
        assertThat(inTaskStore.get(new UrbanBucket(UrbanLocation.ALTABRISA, MARCH_1, 18)).readings()).isEqualTo(3L);
    }

    @Test
    void shouldStopWithoutDeadLetteringOrCommittingAnythingWhileTheSchemaRegistryIsUnavailable() {
        SchemaRegistryClient unavailable = mock(SchemaRegistryClient.class);
        when(unavailable.getSchemaById(anyInt())).thenThrow(
                new SchemaRegistryException("Schema Registry error 503: Service Unavailable (GET /schemas/ids/1, HTTP 503)", 503, 503));
        byte[] valid = topology.bytes(reading("sensor-101", "2026-03-01T08:05:00Z", CENTRO, 10, 30.0, 50.0, 10.0, 20.0));

        try (UrbanTopologyDriver outage = new UrbanTopologyDriver(stateDir.resolve("outage"), new AvroDeserializer<>(unavailable, true))) {
            assertThatThrownBy(() -> outage.send(utf8("sensor-101"), valid, T0, new RecordHeaders()))
                    .isInstanceOf(StreamsException.class)
                    .hasStackTraceContaining(StreamHaltException.class.getName())
                    .hasRootCauseInstanceOf(SchemaRegistryException.class);

            assertThat(outage.deadLetters.isEmpty()).isTrue();
            assertThat(outage.processed.isEmpty()).isTrue();
            assertThat(outage.dataQualityUpdates.isEmpty()).isTrue();
            assertThat(outage.hourly()).isEmpty();
        }
    }

    @Test
    void shouldKeepStableNamesForTopicsAndStores() {
        // Renaming any of these after a release orphans state: a new repartition topic, changelog or
        // global store would start empty, and readers of the output topics would lose them. This test
        // makes such a change deliberate.
        StreamsBuilder builder = new StreamsBuilder();
        topology.definition.addTo(builder, new StreamSteps<>(topology.spec, topology.readingSerde.deserializer(), topology.processedSerde,
                UrbanTopologyDriver.WINDOW));

        String description = builder.build().describe().toString();

        assertThat(description)
                .contains("topics: [urban-sensors]")
                .contains("topic: urban-sensors.DLT")
                .contains("topic: urban-sensors.processed")
                .contains("stores: [urban-sensors-event-ids]")
                .contains("stores: [urban-sensors-data-quality-dead-letters]")
                .contains("stores: [urban-sensors-data-quality-dedup-outcomes]")
                .contains("topic: urban-sensors.data-quality-by-partition")
                .contains("stores: [urban-sensors-data-quality]")
                .contains("stores: [urban-sensors-hourly-accepted]")
                .contains("topic: urban-sensors.hourly-by-partition")
                .contains("stores: [urban-sensors-hourly]")
                // nothing is repartitioned: every count is kept by the task that reads the reading
                .doesNotContain("repartition");
    }

    private static double exactMean(double... values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            sum = sum.add(new BigDecimal(value));
        }
        return sum.divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128).doubleValue();
    }
}
