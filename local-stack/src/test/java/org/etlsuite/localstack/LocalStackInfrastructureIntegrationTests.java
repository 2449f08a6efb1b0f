package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The infrastructure alone ({@code --no-services}) on free ports: each part answers as the services need it. */
class LocalStackInfrastructureIntegrationTests {

    @TempDir
    static Path data;

    static LocalStack stack;

    @BeforeAll
    static void startInfrastructure() {
        stack = LocalStack.start(InfrastructureOptions.onFreePorts(data), Map.of());
    }

    @AfterAll
    static void stopInfrastructure() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldDeliverOnlyCommittedRecordsOfATransactionalProducer() throws Exception {
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("tx-check", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "transactional.id", "infrastructure-test",
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-check", "sensor-101", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-check", "sensor-102", "first"));
            producer.send(new ProducerRecord<>("tx-check", "sensor-103", "second"));
            producer.commitTransaction();
        }

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "infrastructure-test",
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of("tx-check"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
                return received.size() >= 2;
            });
        }
        assertThat(received).containsExactly("sensor-102=first", "sensor-103=second");
    }

    @Test
    void shouldRejectAProduceToATopicNobodyDeclared() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.endpoints().kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("never-declared");
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.endpoints().kafkaBootstrapServers());
        props.put("max.block.ms", "2000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var send = producer.send(new ProducerRecord<>("never-declared", "k", "v"));
            assertThatThrownBy(send::get)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void shouldServeTheEtlDatabaseToTheEtlRole() throws Exception {
        StackEndpoints endpoints = stack.endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), "etl", "etl");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select 1, current_user, current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(1);
            assertThat(row.getString(2)).isEqualTo("etl");
            assertThat(row.getString(3)).isEqualTo("etl");
        }
    }

    @Test
    void shouldAnswerTheSubjectListOnTheRegistry() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.endpoints().registryUrl() + "/subjects")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void shouldProtectTheRegistrysDeletesWithTheStackCredentials() throws Exception {
        URI subject = URI.create(stack.endpoints().registryUrl() + "/subjects/never-registered-value");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(subject).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(subject)
                        .header("Authorization", BasicAuth.of(stack.credentials())).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
        // past the credentials: the registry looks for the subject
        assertThat(admin.statusCode()).isEqualTo(404);
        assertThat(admin.body()).isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'never-registered-value' not found.\"}");
    }

    @Test
    void shouldKeepItsStateUnderTheDataFolder() {
        StackDirectories dirs = stack.options().directories();

        assertThat(dirs.kafkaDir().resolve("meta.properties")).isRegularFile();
        assertThat(dirs.postgresDir().resolve("PG_VERSION")).isRegularFile();
        assertThat(dirs.registryDir()).isDirectory();
        assertThat(dirs.logsDir()).isDirectory();
        assertThat(dirs.credentialsFile()).isRegularFile();
    }
}
