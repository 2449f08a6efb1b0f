package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
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
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service on the system clock against a real in-process KRaft broker and an in-memory schema registry,
 * with helpers to call it and to read its topics back. The subclasses share this configuration, and so one
 * application context and one broker (Spring caches the context), which keeps the module's build short; those of
 * {@link FixedClockBrokerIntegrationTest} share a second one, which differs only in its clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(count = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false"})
abstract class LiveBrokerIntegrationTest {

    /**
     * Not dropped after a class: the cached contexts (and their serializers' schema ids) outlive each subclass. Both
     * contexts register the same schemas here, and so get the same ids.
     */
    static final String SCOPE = "producer-live-it-" + UUID.randomUUID();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.properties.schema.registry.url", () -> MockSchemaRegistry.URL_PREFIX + SCOPE);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    RestClient http;
    Admin admin;

    @BeforeEach
    void connect() {
        // the JDK's client sends exactly the headers asked for (no Content-Type of its own on a body-less POST)
        http = RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(new JdkClientHttpRequestFactory()).build();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterEach
    void disconnect() {
        admin.close(Duration.ofSeconds(5));
    }

    /**
     * Any method and body, as the API user; answers status and body whatever the status (errors are asserted, not
     * thrown).
     */
    ResponseEntity<String> exchange(String method, String path, String jsonBody) {
        return exchange(method, path, jsonBody == null ? null : MediaType.APPLICATION_JSON, jsonBody, TestCredentials.authorization());
    }

    /** Any request: each of content type, body and {@code Authorization} header is left out when {@code null}. */
    ResponseEntity<String> exchange(String method, String path, MediaType contentType, String body, String authorization) {
        RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
    }

    /** A burst as the POST that started it answered: its id and its location. */
    record Accepted(String id, String location) {
    }

    /** Starts a burst: 202, RUNNING (nothing is sent before the answer), and a Location naming the new burst. */
    Accepted startBurst(String stream, String body) {
        ResponseEntity<String> accepted = exchange("POST", "/api/streams/" + stream + "/bursts", body);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
        String id = JsonPath.read(accepted.getBody(), "$.id");
        assertThat(JsonPath.<String>read(accepted.getBody(), "$.state")).isEqualTo("RUNNING");
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/streams/" + stream + "/bursts/" + id);
        return new Accepted(id, location);
    }

    /** Waits until every record of the burst settled, and answers its final status (JSON). */
    String awaitFinished(String location) {
        await().atMost(TIMEOUT).until(() -> JsonPath.read(exchange("GET", location, null).getBody(), "$.finishedAt") != null);
        return exchange("GET", location, null).getBody();
    }

    /** Starts a burst, waits until every record settled, and answers its final status (JSON). */
    String runBurst(String stream, String body) {
        return awaitFinished(startBurst(stream, body).location());
    }

    Map<TopicPartition, Long> endOffsets(String topicName) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(topicName)).allTopicNames().get().get(topicName);
        Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topicName, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    long recordCount(String topic) throws Exception {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The next {@code count} records from the given offsets, as they are on the topic (values in wire format). */
    List<ConsumerRecord<String, byte[]>> consume(Map<TopicPartition, Long> from, int count) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
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

    /** The next {@code count} records from the given offsets, decoded as generated classes. */
    List<Object> consumeDecoded(Map<TopicPartition, Long> from, int count) {
        List<ConsumerRecord<String, byte[]>> records = consume(from, count);
        try (AvroDeserializer<Object> values = new AvroDeserializer<>()) {
            values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE,
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            return records.stream().map(record -> values.deserialize(record.topic(), record.value())).toList();
        }
    }
}
