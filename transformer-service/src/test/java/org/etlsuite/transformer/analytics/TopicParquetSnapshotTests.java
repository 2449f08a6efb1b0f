package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.urban.UrbanFeatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Parquet copy against a real KRaft broker: committed processed readings in, exactly those rows out
 * (aborted transactions left out), rewritten only when the topic advanced.
 */
@SpringJUnitConfig
@EmbeddedKafka(partitions = 3, topics = TopicParquetSnapshotTests.TOPIC, brokerProperties = {
        "group.initial.rebalance.delay.ms=0",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "offsets.topic.replication.factor=1"
})
class TopicParquetSnapshotTests {

    static final String TOPIC = "urban-sensors.processed";
    private static final String REGISTRY = "mock://parquet-snapshot";
    private static final String FILE = "analytics/urban_sensors_processed.parquet";

    @Autowired
    EmbeddedKafkaBroker broker;

    @TempDir
    Path dataDir;

    private KafkaProducer<String, UrbanSensorReadingProcessed> producer;
    private TopicParquetSnapshot<UrbanSensorReadingProcessed> snapshot;

    @BeforeEach
    void setUp() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "parquet-test-" + System.nanoTime(),
                "schema.registry.url", REGISTRY);
        AvroSerializer<UrbanSensorReadingProcessed> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
        producer.initTransactions();
        AvroDeserializer<UrbanSensorReadingProcessed> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", REGISTRY, "specific.avro.reader", true), false);
        snapshot = new TopicParquetSnapshot<>(Map.of("bootstrap.servers", broker.getBrokersAsString()), TOPIC,
                UrbanSensorReadingProcessed.class, deserializer, dataDir, FILE, new AtomicFileWriter(), null, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        producer.close();
        snapshot.close();
    }

    @Test
    void shouldWriteExactlyTheCommittedProcessedReadingsAndRewriteOnlyWhenTheTopicAdvanced() throws IOException {
        Random random = new Random(4242);
        List<UrbanSensorReadingProcessed> committed = processed(2_000, random);
        send(committed.subList(0, 1_000), true);
        send(processed(50, random), false);
        send(committed.subList(1_000, 2_000), true);

        // The commit markers reach the partitions shortly after commitTransaction returns: until then the
        // last stable offsets (and so the export) may lag behind.
        await().atMost(Duration.ofSeconds(30)).until(snapshot::exportIfAdvanced, rows -> rows == 2_000);
        Path file = dataDir.resolve(FILE);
        assertThat(readBack(file)).containsExactlyInAnyOrderElementsOf(committed);
        assertThat(snapshot.exportIfAdvanced()).as("nothing new: file left alone").isEqualTo(-1);

        List<UrbanSensorReadingProcessed> more = processed(10, random);
        send(more, true);
        await().atMost(Duration.ofSeconds(30)).until(snapshot::exportIfAdvanced, rows -> rows == 2_010);
        List<UrbanSensorReadingProcessed> all = new ArrayList<>(committed);
        all.addAll(more);
        assertThat(readBack(file)).containsExactlyInAnyOrderElementsOf(all);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    private void send(List<UrbanSensorReadingProcessed> readings, boolean commit) {
        producer.beginTransaction();
        for (UrbanSensorReadingProcessed reading : readings) {
            producer.send(new ProducerRecord<>(TOPIC, reading.getSensorId(), reading));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static List<UrbanSensorReadingProcessed> readBack(Path file) throws IOException {
        List<UrbanSensorReadingProcessed> rows = new ArrayList<>();
        try (ParquetReader<UrbanSensorReadingProcessed> reader = AvroParquetReader.<UrbanSensorReadingProcessed>builder(
                        new LocalInputFile(file), new PlainParquetConfiguration())
                .withDataModel(SpecificData.getForClass(UrbanSensorReadingProcessed.class))
                .build()) {
            for (UrbanSensorReadingProcessed row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<UrbanSensorReadingProcessed> processed(int count, Random random) {
        List<UrbanSensorReadingProcessed> readings = new ArrayList<>(count);
        UrbanLocation[] locations = UrbanLocation.values();
        for (int i = 0; i < count; i++) {
            readings.add(UrbanFeatures.enrich(UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-" + (100 + random.nextInt(900)))
                    .setTs(Instant.parse("2026-03-01T00:00:00Z").plusMillis(random.nextLong(Duration.ofDays(2).toMillis())))
                    .setLocation(locations[random.nextInt(locations.length)])
                    .setVehicleCount(random.nextInt(201))
                    .setAvgSpeedKmh(Math.round(random.nextDouble(0, 80) * 100) / 100.0)
                    .setNoiseDb(Math.round(random.nextDouble(30, 100) * 10) / 10.0)
                    .setPm25(Math.round(random.nextDouble(1, 150) * 100) / 100.0)
                    .setPm10(Math.round(random.nextDouble(5, 200) * 100) / 100.0)
                    .setStatus(SensorStatus.values()[random.nextInt(3)])
                    .build()));
        }
        return readings;
    }
}
