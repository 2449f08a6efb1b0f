package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.transformer.CommittedRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local --connect}: the whole stack with the embedded Kafka Connect worker, on free ports and a fresh
 * data folder. A small urban burst goes through the producer and the transformer, and the example FileStreamSink
 * writes one line per committed record of {@code urban-sensors.processed} into the data folder.
 *
 * <p>The expected lines are rendered here from the records as the generated classes read them, not through the
 * worker's converter: a Connect {@code Struct}'s text (what the FileStreamSink writes) lists the non-null fields in
 * schema order, timestamps and dates as {@link Date}s (the worker runs in this JVM, so in its time zone).
 */
class EmbeddedConnectIntegrationTests {

    private static final int BURST = 200;
    private static final String PROCESSED = "urban-sensors.processed";

    @TempDir
    static Path data;

    static LocalStack stack;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStackWithConnectAndSendABurst() throws Exception {
        stack = LocalStack.start(InfrastructureOptions.withServicesOnFreePorts(data, "--connect"), Map.of());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(stack.endpoints().producerUrl() + "/api/streams/urban-sensors/bursts"))
                .header("Authorization", BasicAuth.of(stack.credentials()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":" + BURST + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldWriteEveryProcessedRecordToTheSinkFileOnce() {
        // the burst carries no defects: the transformer accepts all of it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> processedRecords().size() == BURST);
        List<String> expected = processedRecords().stream().map(EmbeddedConnectIntegrationTests::structText).toList();
        Path sink = data.resolve("connect").resolve("urban-sensors.processed.txt");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> Files.readAllLines(sink).size() >= expected.size());

        assertThat(ExampleConnector.sinkFile(stack.options().directories())).isEqualTo(sink);
        assertThat(readLines(sink)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldReportTheExampleConnectorAndItsTaskRunningOnTheRestPort() {
        URI status = URI.create(stack.endpoints().connectUrl() + "/connectors/urban-sensors-file-sink/status");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(status).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body().replace(" ", ""))
                    .contains("\"connector\":{\"state\":\"RUNNING\"")
                    .contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"");
        });
    }

    /** The committed records of the processed topic, decoded into the generated class. */
    private static List<UrbanSensorReadingProcessed> processedRecords() {
        AvroTrust.trustGeneratedEvents();
        try (AvroDeserializer<UrbanSensorReadingProcessed> avro = new AvroDeserializer<>()) {
            avro.configure(Map.of("schema.registry.url", stack.endpoints().registryUrl().toString(),
                    "specific.avro.reader", true), false);
            return CommittedRecords.read(stack.endpoints().kafkaBootstrapServers(), PROCESSED).stream()
                    .map(record -> avro.deserialize(PROCESSED, record.value()))
                    .toList();
        }
    }

    /** What {@code Struct.toString()} gives for the record: {@code Struct{name=value,...}}, null fields left out. */
    private static String structText(SpecificRecord record) {
        return record.getSchema().getFields().stream()
                .filter(field -> record.get(field.pos()) != null)
                .map(field -> field.name() + "=" + connectText(record.get(field.pos())))
                .collect(Collectors.joining(",", "Struct{", "}"));
    }

    private static String connectText(Object value) {
        return switch (value) {
            case Instant instant -> Date.from(instant).toString();
            case LocalDate day -> Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()).toString();
            default -> value.toString();
        };
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
