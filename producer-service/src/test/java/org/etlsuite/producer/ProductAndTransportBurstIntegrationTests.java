package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.producer.product.ProductEventGenerator;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.transport.TransportTripGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The product-events and transportation-stats streams through the whole service, against a real in-process KRaft
 * broker and an in-memory schema registry: REST bursts land on their topics in full, in Confluent's wire format,
 * readable with nothing but the schema file that common-model packages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(count = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false"})
class ProductAndTransportBurstIntegrationTests {

    private static final String SCOPE = "producer-streams-it-" + UUID.randomUUID();
    /** Within the bus service hours, so that trips are stamped with this instant (truncated to the second). */
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

    /**
     * One stream under test.
     *
     * @param topic     stream name and topic
     * @param schema    classpath resource of its schema file
     * @param keyField  the value field that must equal the record key
     * @param generator a generator like the stream's, for a seed
     */
    record StreamCase(String topic, String schema, String keyField, LongFunction<EventGenerator<? extends IndexedRecord>> generator) {

        @Override
        public String toString() {
            return topic;
        }
    }

    static Stream<StreamCase> streams() {
        return Stream.of(
                new StreamCase("product-events", "schemas/product-event.avsc", "user_id",
                        seed -> new ProductEventGenerator(seed, CLOCK)),
                new StreamCase("transportation-stats", "schemas/transport-trip.avsc", "transaction_id",
                        seed -> new TransportTripGenerator(seed, CLOCK)));
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

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

    @ParameterizedTest
    @MethodSource("streams")
    void shouldDeclareTheTopicWithTheConfiguredPartitions(StreamCase stream) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(stream.topic())).allTopicNames().get().get(stream.topic());

        assertThat(topic.partitions()).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldPutExactlyTheRequestedNumberOfRecordsOnTheTopicAndReportThemAcked(StreamCase stream) throws Exception {
        long before = sum(endOffsets(stream.topic()));

        BurstStatus done = runBurst(stream.topic(), "{\"events\": 1500, \"seed\": 7}");

        assertThat(done.stream()).isEqualTo(stream.topic());
        assertThat(done.state()).isEqualTo("COMPLETED");
        assertThat(done.requested()).isEqualTo(1500);
        assertThat(done.sent()).isEqualTo(1500);
        assertThat(done.acked()).isEqualTo(1500);
        assertThat(done.failed()).isZero();
        assertThat(sum(endOffsets(stream.topic())) - before).isEqualTo(1500);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldWriteConfluentWireFormatThatThePackagedSchemaFileDecodes(StreamCase stream) throws Exception {
        Map<TopicPartition, Long> start = endOffsets(stream.topic());
        int events = 80;

        BurstStatus done = runBurst(stream.topic(), "{\"events\": " + events + ", \"seed\": 42}");
        assertThat(done.state()).isEqualTo("COMPLETED");

        List<ConsumerRecord<String, byte[]>> records = consume(start, events);
        int schemaId = MockSchemaRegistry.forScope(SCOPE).getLatestVersion(stream.topic() + "-value").id();
        byte[] schemaIdBigEndian = ByteBuffer.allocate(4).putInt(schemaId).array();
        Schema schema = classpathSchema(stream.schema());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema, schema, withLogicalTypes());

        List<Map<String, String>> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byte[] bytes = record.value();
            assertThat(bytes[0]).as("magic byte").isZero();
            assertThat(Arrays.copyOfRange(bytes, 1, 5)).as("schema id").isEqualTo(schemaIdBigEndian);
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            GenericRecord value = reader.read(null, decoder);
            assertThat(decoder.isEnd()).as("no bytes after the record").isTrue();
            assertThat(record.key()).isEqualTo(value.get(stream.keyField()).toString());
            decoded.add(fields(value));
        }

        // Same seed and clock: the decoded records are exactly what the generator produces, in any partition order.
        EventGenerator<? extends IndexedRecord> generator = stream.generator().apply(42L);
        List<Map<String, String>> expected = Stream.generate(generator::next).limit(events)
                .map(ProductAndTransportBurstIntegrationTests::fields).collect(Collectors.toList());
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every field by name as text: decimals with their scale (12.00), instants, dates, times, enum symbols. */
    private static Map<String, String> fields(IndexedRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            fields.put(field.name(), String.valueOf(record.get(field.pos())));
        }
        return fields;
    }

    /** Generic data that turns the logical types into the same Java types as the generated classes. */
    private static GenericData withLogicalTypes() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        return model;
    }

    private static Schema classpathSchema(String resource) throws IOException {
        try (InputStream in = ProductAndTransportBurstIntegrationTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    private BurstStatus runBurst(String stream, String body) {
        ResponseEntity<BurstStatus> accepted = http.post().uri("/api/streams/" + stream + "/bursts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(BurstStatus.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        URI location = accepted.getHeaders().getLocation();
        assertThat(location).hasToString("/api/streams/" + stream + "/bursts/" + accepted.getBody().id());

        await().atMost(TIMEOUT).until(() -> status(location).finishedAt() != null);
        return status(location);
    }

    private BurstStatus status(URI location) {
        return http.get().uri(location.toString()).retrieve().body(BurstStatus.class);
    }

    private Map<TopicPartition, Long> endOffsets(String topicName) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(topicName)).allTopicNames().get().get(topicName);
        Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topicName, p.partition()), p -> OffsetSpec.latest()));
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
}
