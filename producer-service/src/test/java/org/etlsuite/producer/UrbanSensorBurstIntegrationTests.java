package org.etlsuite.producer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.producer.burst.BurstHeaders;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against a real in-process KRaft broker and an in-memory schema registry: bursts started
 * over HTTP land on the topic in full, in Confluent's wire format, readable with nothing but the schema file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(count = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false"})
class UrbanSensorBurstIntegrationTests {

    private static final String TOPIC = "urban-sensors";
    private static final String SCOPE = "producer-it-" + UUID.randomUUID();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T17:45:12.345Z"), ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.properties.schema.registry.url", () -> "mock://" + SCOPE);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return CLOCK;
        }
    }

    /** The fields of the status body that these tests read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BurstStatus(String id, String stream, long requested, long sent, long acked, long failed, String state,
                       Instant finishedAt) {
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ProducerFactory<?, ?> producerFactory;

    private RestClient http;
    private Admin admin;

    @BeforeEach
    void setUp() {
        http = RestClient.create("http://localhost:" + port);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterEach
    void tearDown() {
        admin.close(Duration.ofSeconds(5));
    }

    @AfterAll
    static void dropRegistryScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void shouldConfigureAnIdempotentLz4ProducerWritingAvroValues() {
        Map<String, Object> config = producerFactory.getConfigurationProperties();

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class)
                .containsEntry("schema.registry.url", "mock://" + SCOPE);
    }

    @Test
    void shouldDeclareTheTopicWithTheConfiguredPartitions() throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);

        assertThat(topic.partitions()).hasSize(3);
    }

    @Test
    void shouldPutExactlyTheRequestedNumberOfRecordsOnTheTopicAndReportThemAcked() throws Exception {
        long before = sum(endOffsets());

        BurstStatus done = runBurst("{\"events\": 2000, \"seed\": 7}");

        assertThat(done.stream()).isEqualTo(TOPIC);
        assertThat(done.state()).isEqualTo("COMPLETED");
        assertThat(done.requested()).isEqualTo(2000);
        assertThat(done.sent()).isEqualTo(2000);
        assertThat(done.acked()).isEqualTo(2000);
        assertThat(done.failed()).isZero();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(sum(endOffsets()) - before).isEqualTo(2000);
    }

    @Test
    void shouldWriteConfluentWireFormatThatThePlainSchemaFileDecodes() throws Exception {
        Map<TopicPartition, Long> start = endOffsets();
        int events = 60;

        BurstStatus done = runBurst("{\"events\": " + events + ", \"ratePerSecond\": 600, \"seed\": 42}");
        assertThat(done.state()).isEqualTo("COMPLETED");

        List<ConsumerRecord<String, byte[]>> records = consume(start, events);
        int schemaId = MockSchemaRegistry.forScope(SCOPE).getLatestVersion(TOPIC + "-value").id();
        byte[] schemaIdBigEndian = ByteBuffer.allocate(4).putInt(schemaId).array();
        // The .avsc file itself as common-model packages it, not the generated class's copy of the schema, and
        // from the classpath, so the test does not depend on the directory it runs from.
        Schema schema = new Schema.Parser().parse(
                new ClassPathResource("schemas/urban-sensor-reading.avsc").getContentAsString(StandardCharsets.UTF_8));
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);

        List<Reading> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byte[] bytes = record.value();
            assertThat(bytes[0]).as("magic byte").isZero();
            assertThat(Arrays.copyOfRange(bytes, 1, 5)).as("schema id").isEqualTo(schemaIdBigEndian);
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            GenericRecord value = reader.read(null, decoder);
            assertThat(decoder.isEnd()).as("no bytes after the record").isTrue();
            assertThat(record.key()).isEqualTo(value.get("sensor_id").toString());
            decoded.add(Reading.of(value));
        }

        // Same seed and clock: the decoded records are exactly what the generator produces, in any partition order.
        UrbanSensorGenerator generator = new UrbanSensorGenerator(42L, CLOCK);
        List<Reading> expected = Stream.generate(generator::next).limit(events).map(Reading::of).toList();
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldTagEachRecordOnTheTopicWithTheIdOfTheBurstThatSentIt() throws Exception {
        Map<TopicPartition, Long> start = endOffsets();

        // Two bursts at once, so that their records share partitions and offset ranges.
        Accepted first = accept("{\"events\": 150, \"ratePerSecond\": 1500, \"seed\": 3}");
        Accepted second = accept("{\"events\": 100, \"ratePerSecond\": 1000, \"seed\": 4}");
        await().atMost(TIMEOUT).until(() -> status(first.location()).finishedAt() != null
                && status(second.location()).finishedAt() != null);
        assertThat(status(first.location()).state()).isEqualTo("COMPLETED");
        assertThat(status(second.location()).state()).isEqualTo("COMPLETED");

        List<ConsumerRecord<String, byte[]>> records = consume(start, 250);
        assertThat(records).allSatisfy(record -> assertThat(record.headers().toArray())
                .singleElement().extracting(Header::key).isEqualTo(BurstHeaders.BURST_ID));
        Map<String, Long> recordsPerBurstId = records.stream().collect(Collectors.groupingBy(
                record -> new String(record.headers().lastHeader(BurstHeaders.BURST_ID).value(), StandardCharsets.UTF_8),
                Collectors.counting()));
        assertThat(recordsPerBurstId).containsOnly(Map.entry(first.id(), 150L), Map.entry(second.id(), 100L));
    }

    @Test
    void shouldAnswerTheProblemThatTheReadmeShowsForABurstThatWouldTakeTooLong() throws Exception {
        // The same body is the example in the README's producer-service section.
        String readmeExample = """
                {"title":"Invalid request","status":400,
                 "detail":"ratePerSecond: 10000000 events at 0.1/s would take 1157d 9h 46m 40s, longer than the limit of 1d; at this rate at most 8640 events fit",
                 "instance":"/api/streams/urban-sensors/bursts",
                 "errors":[{"field":"ratePerSecond","message":"10000000 events at 0.1/s would take 1157d 9h 46m 40s, longer than the limit of 1d; at this rate at most 8640 events fit"}]}
                """;

        ResponseEntity<String> response = http.post().uri("/api/streams/urban-sensors/bursts")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"events\": 10000000, \"ratePerSecond\": 0.1}")
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, ignored) -> { })
                .toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JSONAssert.assertEquals(readmeExample, response.getBody(), JSONCompareMode.STRICT);
    }

    private BurstStatus runBurst(String body) {
        URI location = accept(body).location();
        await().atMost(TIMEOUT).until(() -> status(location).finishedAt() != null);
        return status(location);
    }

    /** A burst as the POST that started it answered: its id and its location. */
    record Accepted(String id, URI location) {
    }

    private Accepted accept(String body) {
        ResponseEntity<BurstStatus> accepted = http.post().uri("/api/streams/urban-sensors/bursts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(BurstStatus.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        URI location = accepted.getHeaders().getLocation();
        assertThat(location).hasToString("/api/streams/urban-sensors/bursts/" + accepted.getBody().id());
        assertThat(accepted.getBody().state()).isEqualTo("RUNNING");
        return new Accepted(accepted.getBody().id(), location);
    }

    private BurstStatus status(URI location) {
        return http.get().uri(location.toString()).retrieve().body(BurstStatus.class);
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private List<ConsumerRecord<String, byte[]>> consume(Map<TopicPartition, Long> from, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            await().atMost(TIMEOUT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        assertThat(records).hasSize(count);
        return records;
    }

    /** One reading as plain values, to compare what was decoded generically with what was generated. */
    record Reading(String sensorId, long tsMillis, String location, int vehicleCount, double avgSpeedKmh,
                   double noiseDb, double pm25, double pm10, String status) {

        static Reading of(GenericRecord record) {
            return new Reading(record.get("sensor_id").toString(), (Long) record.get("ts"),
                    record.get("location").toString(), (Integer) record.get("vehicle_count"),
                    (Double) record.get("avg_speed_kmh"), (Double) record.get("noise_db"),
                    (Double) record.get("pm25"), (Double) record.get("pm10"), record.get("status").toString());
        }

        static Reading of(UrbanSensorReading reading) {
            return new Reading(reading.getSensorId(), reading.getTs().toEpochMilli(), reading.getLocation().name(),
                    reading.getVehicleCount(), reading.getAvgSpeedKmh(), reading.getNoiseDb(), reading.getPm25(),
                    reading.getPm10(), reading.getStatus().name());
        }
    }
}
