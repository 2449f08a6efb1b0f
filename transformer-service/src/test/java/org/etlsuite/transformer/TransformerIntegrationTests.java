package org.etlsuite.transformer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.kafkastreams.ApplicationExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The whole service against a real KRaft broker and a real PostgreSQL: readings (and poison, invalid
 * and duplicate records) in; the aggregated and data-quality CSVs on disk, their export records in the
 * database, the dead letters and the processed readings on their topics out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=" + TransformerIntegrationTests.REGISTRY,
        // small commit interval: aggregates reach the output topic (and the CSV) quickly
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export-interval=200ms",
        "etl.topic-partitions=3"
})
@ExactlyOnceEmbeddedKafka(topics = "urban-sensors")
@DirtiesContext
class TransformerIntegrationTests {

    static final String REGISTRY = "mock://transformer-integration";
    private static final String CSV = "processed/urban_sensors_processed_aggregated.csv";
    private static final String HEADER = "location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db";
    private static final int VALID_READINGS = 3_000;
    private static final int INVALID_READINGS = 25;
    private static final int DUPLICATES = 40;
    private static final String QUALITY_CSV = "processed/data_quality.csv";
    /** 3 poison records, 25 readings without sensor_id, 40 copies of valid readings; the other streams list their checks at 0. */
    private static final String EXPECTED_QUALITY = """
            stream,metric,rule,count
            product-events,accepted,,0
            product-events,rejected,value-present,0
            product-events,rejected,event-id-present,0
            product-events,rejected,user-id-present,0
            product-events,rejected,timestamp-positive,0
            product-events,rejected,product-in-catalog,0
            product-events,rejected,price-positive,0
            product-events,rejected,price-matches-catalog,0
            product-events,rejected,purchase-fields-consistent,0
            product-events,rejected,purchase-amount-equals-price,0
            product-events,duplicate,,0
            product-events,undecodable,bad-magic-byte,0
            product-events,undecodable,truncated,0
            product-events,undecodable,unknown-schema-id,0
            product-events,undecodable,unusable-schema,0
            product-events,undecodable,wrong-record-type,0
            product-events,undecodable,corrupt-payload,0
            transportation-stats,accepted,,0
            transportation-stats,rejected,value-present,0
            transportation-stats,rejected,transaction-id-present,0
            transportation-stats,rejected,event-time-consistent,0
            transportation-stats,rejected,service-hours,0
            transportation-stats,rejected,route-matches-provider,0
            transportation-stats,rejected,fare-matches-rules,0
            transportation-stats,rejected,duration-within-route-range,0
            transportation-stats,rejected,passenger-count-range,0
            transportation-stats,duplicate,,0
            transportation-stats,undecodable,bad-magic-byte,0
            transportation-stats,undecodable,truncated,0
            transportation-stats,undecodable,unknown-schema-id,0
            transportation-stats,undecodable,unusable-schema,0
            transportation-stats,undecodable,wrong-record-type,0
            transportation-stats,undecodable,corrupt-payload,0
            urban-sensors,accepted,,3000
            urban-sensors,rejected,value-present,0
            urban-sensors,rejected,sensor-id-present,25
            urban-sensors,rejected,ts-positive,0
            urban-sensors,rejected,measurements-finite,0
            urban-sensors,rejected,vehicle-count-range,0
            urban-sensors,rejected,avg-speed-kmh-range,0
            urban-sensors,rejected,noise-db-range,0
            urban-sensors,rejected,pm25-range,0
            urban-sensors,rejected,pm10-range,0
            urban-sensors,duplicate,,40
            urban-sensors,undecodable,bad-magic-byte,1
            urban-sensors,undecodable,truncated,1
            urban-sensors,undecodable,unknown-schema-id,1
            urban-sensors,undecodable,unusable-schema,0
            urban-sensors,undecodable,wrong-record-type,0
            urban-sensors,undecodable,corrupt-payload,0
            """;
    private static final Instant START = Instant.parse("2026-03-01T21:00:00Z");
    private static final Duration AWAIT = Duration.ofSeconds(120);

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("etl.data-dir", () -> workDir.resolve("data").toString());
        registry.add("etl.state-dir", () -> workDir.resolve("state").toString());
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    /** Replaced so that a fatal Kafka Streams error fails the test instead of ending the test JVM. */
    @MockitoBean
    ApplicationExit applicationExit;

    @LocalServerPort
    int port;

    @Test
    void shouldAggregateEveryValidReadingOnceDeadLetterTheRestAndRecordTheExports() throws IOException, NoSuchAlgorithmException {
        List<UrbanSensorReading> valid = readings(VALID_READINGS, new Random(20260301));
        assertThat(valid.stream().map(reading -> reading.getSensorId() + "|" + reading.getTs()).distinct()).hasSize(VALID_READINGS);
        List<Poison> poison = produce(valid, invalidReadings(), valid.subList(0, DUPLICATES));

        Path csv = workDir.resolve("data").resolve(CSV);
        Path qualityCsv = workDir.resolve("data").resolve(QUALITY_CSV);
        await().atMost(AWAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.isRegularFile(qualityCsv) && Files.readString(qualityCsv).equals(EXPECTED_QUALITY));
        await().atMost(AWAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.isRegularFile(csv) && readingsColumnSum(Files.readAllLines(csv)) == VALID_READINGS);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(HEADER);
        Map<Bucket, List<UrbanSensorReading>> expected = byBucket(valid);
        List<String[]> rows = lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(rows).extracting(row -> new Bucket(row[0], LocalDate.parse(row[1]), Integer.parseInt(row[2])))
                .containsExactlyElementsOf(expected.keySet());
        for (String[] row : rows) {
            List<UrbanSensorReading> bucket = expected.get(new Bucket(row[0], LocalDate.parse(row[1]), Integer.parseInt(row[2])));
            assertThat(row).hasSize(10);
            assertThat(Long.parseLong(row[3])).isEqualTo(bucket.size());
            assertMean(row[4], bucket, reading -> reading.getVehicleCount());
            assertMean(row[5], bucket, UrbanSensorReading::getAvgSpeedKmh);
            assertMean(row[6], bucket, UrbanSensorReading::getPm25);
            assertMean(row[7], bucket, UrbanSensorReading::getPm10);
            assertMean(row[8], bucket, reading -> 0.6 * reading.getPm25() + 0.4 * reading.getPm10());
            assertMean(row[9], bucket, UrbanSensorReading::getNoiseDb);
        }
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(csv.getFileName().toString(), qualityCsv.getFileName().toString());
        }

        // The poison records are in the dead-letter topic byte for byte, with headers naming the failure.
        List<ConsumerRecord<byte[], byte[]>> deadLetters = CommittedRecords.read(broker.getBrokersAsString(), "urban-sensors.DLT");
        assertThat(deadLetters).hasSize(poison.size() + INVALID_READINGS);
        for (Poison sent : poison) {
            assertThat(deadLetters).filteredOn(record -> Arrays.equals(record.value(), sent.value())).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(sent.key().getBytes(StandardCharsets.UTF_8));
                assertThat(header(record, "etl.dlt.reason")).isEqualTo("deserialization");
                assertThat(header(record, "etl.dlt.error")).isEqualTo(sent.error());
                assertThat(header(record, "etl.dlt.exception.class")).isEqualTo("org.apache.kafka.common.errors.SerializationException");
                assertThat(header(record, "etl.dlt.exception.message")).isNotBlank();
                assertThat(header(record, "etl.dlt.source.topic")).isEqualTo("urban-sensors");
                assertThat(header(record, "etl.dlt.source.partition")).isEqualTo(Integer.toString(sent.partition()));
                assertThat(header(record, "etl.dlt.source.offset")).isEqualTo(Long.toString(sent.offset()));
            });
        }
        assertThat(deadLetters).filteredOn(record -> "quality".equals(header(record, "etl.dlt.reason")))
                .hasSize(INVALID_READINGS)
                .allSatisfy(record -> assertThat(header(record, "etl.dlt.rule")).isEqualTo("sensor-id-present"));

        // The processed topic holds every valid reading exactly once, duplicates dropped.
        List<ConsumerRecord<byte[], byte[]>> processed = CommittedRecords.read(broker.getBrokersAsString(), "urban-sensors.processed");
        SpecificAvroSerde<UrbanSensorReadingProcessed> processedSerde = new SpecificAvroSerde<>();
        processedSerde.configure(Map.of("schema.registry.url", REGISTRY), false);
        assertThat(processed).map(record -> processedSerde.deserializer().deserialize(record.topic(), record.value()))
                .map(reading -> reading.getSensorId() + "|" + reading.getTs())
                .containsExactlyInAnyOrderElementsOf(valid.stream().map(reading -> reading.getSensorId() + "|" + reading.getTs()).toList());
        verifyNoInteractions(applicationExit);

        await().atMost(AWAIT).until(() -> jdbc.queryForObject(
                "select count(*) from csv_export where file = ? and source_records = ?", Long.class, CSV, VALID_READINGS) == 1);
        Map<String, Object> export = jdbc.queryForMap(
                "select row_count, sha256, written_at from csv_export where file = ? and source_records = ?", CSV, VALID_READINGS);
        assertThat(export.get("row_count")).isEqualTo(expected.size());
        assertThat(export.get("sha256")).isEqualTo(sha256(Files.readAllBytes(csv)));
        assertThat(export.get("written_at")).isNotNull();
        long allRecords = VALID_READINGS + DUPLICATES + INVALID_READINGS + poison.size();
        await().atMost(AWAIT).until(() -> jdbc.queryForObject(
                "select count(*) from csv_export where file = ? and source_records = ? and sha256 = ?", Long.class,
                QUALITY_CSV, allRecords, sha256(Files.readAllBytes(qualityCsv))) == 1);
    }

    @Test
    void shouldCreateTheSchemaWithFlyway() {
        List<Map<String, Object>> migrations = jdbc.queryForList("select version, success from flyway_schema_history where version is not null");

        assertThat(migrations).containsExactly(Map.of("version", "1", "success", true), Map.of("version", "2", "success", true),
                Map.of("version", "3", "success", true));
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = 'csv_export' order by ordinal_position",
                String.class)).containsExactly("id", "file", "row_count", "source_records", "sha256", "written_at");
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' order by table_name",
                String.class)).contains("pipeline_run", "pipeline_schedule", "run_task", "task_attempt");
    }

    @Test
    void shouldReportKafkaStreamsRunningInHealth() {
        HttpClient http = HttpClient.newHttpClient();
        // a component of the health shows to the API user only
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/kafkaStreams"))
                .header("Authorization", TestCredentials.authorization()).build();

        await().atMost(AWAIT).untilAsserted(() -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"state\":\"RUNNING\"");
        });
    }

    /** A record that is not a valid reading, and where it landed. */
    private record Poison(String key, byte[] value, String error, int partition, long offset) {
    }

    /**
     * Sends poison first (bad magic byte, unknown schema id, truncated body: the readings behind them
     * on their partitions must still count), then the valid readings with the invalid ones interleaved,
     * then copies of some valid readings, as a producer retrying after a timeout would.
     */
    private List<Poison> produce(List<UrbanSensorReading> valid, List<UrbanSensorReading> invalid, List<UrbanSensorReading> duplicates)
            throws IOException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                "schema.registry.url", REGISTRY);
        List<Poison> poison = new ArrayList<>();
        try (KafkaProducer<String, UrbanSensorReading> producer = new KafkaProducer<>(config, new StringSerializer(), avroSerializer(config));
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            byte[] validBytes = avroSerializer(config).serialize("urban-sensors", valid.getFirst());
            byte[] unknownSchemaId = validBytes.clone();
            ByteBuffer.wrap(unknownSchemaId, 1, 4).putInt(40_403);
            poison.add(sendRaw(raw, "sensor-997", new byte[] {7, 0, 0, 0, 1, 42}, "bad-magic-byte"));
            poison.add(sendRaw(raw, "sensor-998", unknownSchemaId, "unknown-schema-id"));
            poison.add(sendRaw(raw, "sensor-999", Arrays.copyOf(validBytes, validBytes.length - 3), "truncated"));

            List<UrbanSensorReading> all = new ArrayList<>(valid);
            // interleave the bad ones so they share partitions and buckets with good readings
            for (int i = 0; i < invalid.size(); i++) {
                all.add(i * 100, invalid.get(i));
            }
            all.addAll(duplicates);
            for (UrbanSensorReading reading : all) {
                producer.send(new ProducerRecord<>("urban-sensors", reading.getSensorId(), reading));
            }
            producer.flush();
        }
        return poison;
    }

    private static Poison sendRaw(KafkaProducer<String, byte[]> producer, String key, byte[] value, String error) throws IOException {
        try {
            RecordMetadata sent = producer.send(new ProducerRecord<>("urban-sensors", key, value)).get();
            return new Poison(key, value, error, sent.partition(), sent.offset());
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException("cannot send the poison record", e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static AvroSerializer<UrbanSensorReading> avroSerializer(Map<String, Object> config) {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    /** Readings like the generator's: uniform values with the generator's decimals, over six hours. */
    private static List<UrbanSensorReading> readings(int count, Random random) {
        List<UrbanSensorReading> readings = new ArrayList<>(count);
        UrbanLocation[] locations = UrbanLocation.values();
        for (int i = 0; i < count; i++) {
            readings.add(UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-" + (100 + random.nextInt(900)))
                    .setTs(START.plusMillis(random.nextLong(Duration.ofHours(6).toMillis())))
                    .setLocation(locations[random.nextInt(locations.length)])
                    .setVehicleCount(random.nextInt(201))
                    .setAvgSpeedKmh(round(random.nextDouble(0, 80), 100))
                    .setNoiseDb(round(random.nextDouble(30, 100), 10))
                    .setPm25(round(random.nextDouble(1, 150), 100))
                    .setPm10(round(random.nextDouble(5, 200), 100))
                    .setStatus(SensorStatus.OK)
                    .build());
        }
        return readings;
    }

    private static List<UrbanSensorReading> invalidReadings() {
        List<UrbanSensorReading> invalid = new ArrayList<>();
        for (int i = 0; i < INVALID_READINGS; i++) {
            invalid.add(UrbanSensorReading.newBuilder()
                    .setSensorId(i % 2 == 0 ? " " : "")
                    .setTs(START.plusSeconds(60L * i))
                    .setLocation(UrbanLocation.CENTRO)
                    .setVehicleCount(200)
                    .setAvgSpeedKmh(80)
                    .setNoiseDb(100)
                    .setPm25(150)
                    .setPm10(200)
                    .setStatus(SensorStatus.OFFLINE)
                    .build());
        }
        return invalid;
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }

    private record Bucket(String location, LocalDate day, int hour) {
    }

    /** Buckets in the order the file must list them: location name, day, hour. */
    private static Map<Bucket, List<UrbanSensorReading>> byBucket(List<UrbanSensorReading> readings) {
        Map<Bucket, List<UrbanSensorReading>> buckets = new TreeMap<>(Comparator.comparing(Bucket::location)
                .thenComparing(Bucket::day).thenComparingInt(Bucket::hour));
        for (UrbanSensorReading reading : readings) {
            ZonedDateTime utc = reading.getTs().atZone(ZoneOffset.UTC);
            buckets.computeIfAbsent(new Bucket(displayName(reading.getLocation()), utc.toLocalDate(), utc.getHour()),
                    bucket -> new ArrayList<>()).add(reading);
        }
        return buckets;
    }

    private static String displayName(UrbanLocation location) {
        return switch (location) {
            case CENTRO -> "Centro";
            case ALTABRISA -> "Altabrisa";
            case CAUCEL -> "Caucel";
            case KANASIN -> "Kanasin";
            case EMILIANO_ZAPATA -> "Emiliano Zapata";
        };
    }

    /**
     * The file's mean must be the exact mean of the bucket's values rounded to the nearest double
     * (independent of the order readings were added), and of course close to a naive double mean.
     */
    private static void assertMean(String field, List<UrbanSensorReading> bucket,
                                   ToDoubleFunction<UrbanSensorReading> value) {
        BigDecimal exactSum = BigDecimal.ZERO;
        double naiveSum = 0;
        for (UrbanSensorReading reading : bucket) {
            exactSum = exactSum.add(new BigDecimal(value.applyAsDouble(reading)));
            naiveSum += value.applyAsDouble(reading);
        }
        double exactMean = exactSum.divide(BigDecimal.valueOf(bucket.size()), MathContext.DECIMAL128).doubleValue();
        assertThat(Double.parseDouble(field)).isEqualTo(exactMean).isCloseTo(naiveSum / bucket.size(), within(1e-9));
    }

    private static long readingsColumnSum(List<String> lines) {
        return lines.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",", -1)[3])).sum();
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
