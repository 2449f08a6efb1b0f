package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the stack on the same data folder keeps topics, records, rows and schemas. */
class LocalStackRestartIntegrationTests {

    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\","
            + "\\\"namespace\\\":\\\"org.etlsuite.test\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    @TempDir
    Path data;

    @Test
    void shouldKeepTopicsRecordsRowsAndSchemasAcrossARestart() throws Exception {
        LocalStackOptions options = InfrastructureOptions.onFreePorts(data);
        String clusterId;
        StackCredentials credentials;
        try (LocalStack first = LocalStack.start(options, Map.of())) {
            credentials = first.credentials();
            StackEndpoints endpoints = first.endpoints();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
                clusterId = admin.describeCluster().clusterId().get();
            }
            try (KafkaProducer<String, String> producer = producer(endpoints)) {
                producer.send(new ProducerRecord<>("kept", "sensor-500", "before restart")).get();
            }
            sql(endpoints, "create table kept (id int primary key); insert into kept values (42)");
            assertThat(post(endpoints.registryUrl() + "/subjects/kept-value/versions", SCHEMA).body())
                    .isEqualTo("{\"id\":1}");
        }

        try (LocalStack second = LocalStack.start(options, Map.of())) {
            assertThat(second.credentials()).isEqualTo(credentials);
            StackEndpoints endpoints = second.endpoints();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            assertThat(readAll(endpoints, "kept", 1)).containsExactly("sensor-500=before restart");
            try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), "etl", "etl");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select id from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
            assertThat(get(endpoints.registryUrl() + "/subjects").body()).isEqualTo("[\"kept-value\"]");
        }
        assertThat(Files.readString(data.resolve(".stack/kafka/meta.properties"))).contains("cluster.id=" + clusterId);
        Path credentialsFile = data.resolve(".stack/credentials");
        assertThat(Files.readString(credentialsFile)).isEqualTo("etl:" + credentials.password() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile))).isEqualTo("rw-------");
    }

    private static KafkaProducer<String, String> producer(StackEndpoints endpoints) {
        return new KafkaProducer<>(Map.of(
                "bootstrap.servers", endpoints.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class));
    }

    private static List<String> readAll(StackEndpoints endpoints, String topic, int expected) {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", endpoints.kafkaBootstrapServers(),
                "group.id", "restart-test",
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.key() + "=" + r.value()));
                return received.size() >= expected;
            });
        }
        return received;
    }

    private static void sql(StackEndpoints endpoints, String statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), "etl", "etl");
                Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
