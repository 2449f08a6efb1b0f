package org.etlsuite.transformer;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.kafkastreams.ApplicationExit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

/**
 * A Schema Registry that cannot serve a schema, against the whole service: the reading that needs the
 * registry while it fails is neither skipped, dead-lettered nor committed past, Kafka Streams stops in
 * ERROR, and the application asks to exit (the exit is replaced by a mock here, so the test JVM
 * survives). Each subclass fails the registry in one way; each gets its own registry, folders and
 * context (with its own broker).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export-interval=200ms",
        "etl.topic-partitions=1"
})
@EmbeddedKafka(partitions = 1, topics = "urban-sensors", brokerProperties = {
        "group.initial.rebalance.delay.ms=0",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "offsets.topic.replication.factor=1"
})
@DirtiesContext
abstract class RegistryFailureIntegrationTests {

    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final String HEADER = "location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db";
    private static final TopicPartition INPUT = new TopicPartition("urban-sensors", 0);

    private static FakeSchemaRegistry registry;

    @TempDir
    static Path workDir;

    @BeforeAll
    static void startRegistry() {
        registry = FakeSchemaRegistry.start();
    }

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.properties.schema.registry.url", () -> registry.url());
        properties.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "postgres");
        properties.add("etl.data-dir", () -> workDir.resolve("data").toString());
        properties.add("etl.state-dir", () -> workDir.resolve("state").toString());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    /** Makes the registry fail to serve schemas, in the way the subclass is about. */
    abstract void failRegistry(FakeSchemaRegistry registry);

    @MockitoBean
    ApplicationExit applicationExit;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void shouldStopWithoutSkippingDeadLetteringOrCommittingPastAReadingWhileTheRegistryFails() throws Exception {
        Path csv = workDir.resolve("data/processed/urban_sensors_processed_aggregated.csv");
        // Running with an empty table: the file exists, header only.
        await().atMost(AWAIT).until(() -> Files.isRegularFile(csv) && Files.readAllLines(csv).equals(List.of(HEADER)));

        // Schema id 1 while the registry is up: read, aggregated, committed, exported.
        produce(1, reading("sensor-101", 10));
        await().atMost(AWAIT).until(() -> Files.readAllLines(csv).size() == 2);
        assertThat(Files.readAllLines(csv).get(1)).startsWith("Centro,2026-03-01,8,1,10.0,");

        // Schema id 2 (not cached yet) while the registry fails.
        failRegistry(registry);
        long outageOffset = produce(2, reading("sensor-102", 20));

        await().atMost(AWAIT).untilAsserted(() -> verify(applicationExit).exit(eq(1), contains("ERROR")));
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.ERROR);
        assertThat(registry.requestsForSchema(2)).isPositive();
        // Not skipped: the reading is missing from the file, and the group's committed position is
        // still at it, so the restarted instance reads it again.
        assertThat(Files.readAllLines(csv)).hasSize(2).element(1).asString().startsWith("Centro,2026-03-01,8,1,10.0,");
        assertThat(committedOffset()).isEqualTo(outageOffset);
        // Nor dead-lettered: the reading is fine, the registry is not.
        assertThat(CommittedRecords.read(broker.getBrokersAsString(), "urban-sensors.DLT")).isEmpty();
        assertThat(CommittedRecords.read(broker.getBrokersAsString(), "urban-sensors.processed")).hasSize(1);
    }

    private static UrbanSensorReading reading(String sensorId, int vehicles) {
        return UrbanSensorReading.newBuilder()
                .setSensorId(sensorId)
                .setTs(Instant.parse("2026-03-01T08:15:00Z"))
                .setLocation(UrbanLocation.CENTRO)
                .setVehicleCount(vehicles)
                .setAvgSpeedKmh(30.0)
                .setNoiseDb(50.0)
                .setPm25(10.0)
                .setPm10(20.0)
                .setStatus(SensorStatus.OK)
                .build();
    }

    /** Sends the reading in Confluent wire format under the given schema id; answers its offset. */
    private long produce(int schemaId, UrbanSensorReading reading) throws Exception {
        String scope = "outage-" + UUID.randomUUID();
        byte[] value = new AvroSerializer<UrbanSensorReading>(MockSchemaRegistry.forScope(scope), true).serialize(INPUT.topic(), reading);
        MockSchemaRegistry.dropScope(scope);
        ByteBuffer.wrap(value, 1, 4).putInt(schemaId);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(INPUT.topic(), INPUT.partition(), reading.getSensorId(), value)).get();
            return sent.offset();
        }
    }

    private long committedOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("etl-transformer")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.get(INPUT).offset();
        }
    }
}
