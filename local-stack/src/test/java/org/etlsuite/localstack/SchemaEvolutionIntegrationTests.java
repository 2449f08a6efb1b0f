package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.Topics;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.CommittedRecords;
import org.etlsuite.transformer.UrbanLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema evolution of {@code urban-sensors-value} through the development Schema Registry (over HTTP) and the
 * packaged transformer. A v2 schema with a new optional field (a union with null, default null) is accepted by
 * the registry, and readings written with it by an external producer (a plain KafkaProducer with common-model's
 * serializer and GenericRecords, not producer-service) are processed exactly like the v1 readings between them:
 * the transformer decodes each record with its writer's schema resolved against its own (v1) class, so nothing
 * is dead-lettered or undecodable and every reading counts in the KPI file and data_quality.csv. Schemas that
 * break BACKWARD compatibility (a new required field without default, a changed field type) are refused with
 * 409 and Confluent's error body, and do not become a version.
 *
 * <p>Size: {@code etl.fault.events} readings (default 4,000), v1 and v2 alternating.
 */
class SchemaEvolutionIntegrationTests {

    private static final int READINGS = Integer.getInteger("etl.fault.events", 4_000);
    private static final String TOPIC = Topics.URBAN_SENSORS;
    private static final String SUBJECT = TOPIC + "-value";
    private static final Schema V1 = UrbanReadingV2.V1;
    private static final Schema V2 = UrbanReadingV2.SCHEMA;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    static FaultStack stack;

    @BeforeAll
    static void startStack() {
        AvroTrust.trustGeneratedEvents();
        stack = FaultStack.start(data, EtlServices.TRANSFORMER);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldProcessReadingsOfACompatibleV2SchemaFromAnExternalProducerLikeV1Readings() throws Exception {
        int v1 = registered(register(V1));
        int v2 = registered(register(V2));
        assertThat(v2).isNotEqualTo(v1);
        assertThat(versions()).containsExactly(1, 2);

        UrbanLoad load = new UrbanLoad(READINGS, 20260505L);
        produceAlternating(load);

        // Both schemas are on the topic, by id: the readings alternate between them.
        List<ConsumerRecord<byte[], byte[]>> input = CommittedRecords.read(stack.endpoints().kafkaBootstrapServers(), TOPIC);
        assertThat(input).hasSize(READINGS);
        assertThat(input.stream().filter(record -> schemaId(record.value()) == v2)).hasSize(READINGS / 2);
        assertThat(input.stream().filter(record -> schemaId(record.value()) == v1)).hasSize(READINGS - READINGS / 2);

        Path quality = stack.dataDir().resolve(UrbanLoad.QUALITY_CSV);
        await().atMost(UrbanLoad.await(READINGS)).pollInterval(Duration.ofMillis(500))
                .failFast("the transformer exited", () -> !stack.service(EtlServices.TRANSFORMER).isAlive())
                .until(() -> UrbanLoad.urbanQualityLines(quality).equals(load.expectedQualityLines()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> load.assertAggregatedCsv(stack.dataDir().resolve(UrbanLoad.CSV)));
        assertThat(CommittedRecords.read(stack.endpoints().kafkaBootstrapServers(), TOPIC + ".DLT")).isEmpty();
        assertThat(CommittedRecords.read(stack.endpoints().kafkaBootstrapServers(), TOPIC + ".processed")).hasSize(READINGS);
        ServiceProcess transformer = stack.service(EtlServices.TRANSFORMER);
        assertThat(transformer.isAlive()).isTrue();
        assertThat(Files.readAllLines(transformer.logFile())).as("errors in %s", transformer.logFile())
                .noneMatch(line -> line.contains(" ERROR "));
    }

    @Test
    void shouldRefuseIncompatibleSchemasWith409AndConfluentsBody() throws Exception {
        register(V1);
        List<Integer> before = versions();
        Schema requiredField = UrbanReadingV2.evolved(fields -> {
            fields.add(new Schema.Field("calibration_id", Schema.create(Schema.Type.STRING), "Required, and without a default.", null));
            return fields;
        });
        Schema changedType = UrbanReadingV2.evolved(fields -> {
            List<Schema.Field> changed = new ArrayList<>();
            for (Schema.Field field : fields) {
                changed.add(field.name().equals("vehicle_count")
                        ? new Schema.Field(field.name(), Schema.create(Schema.Type.STRING), field.doc(), null)
                        : field);
            }
            return changed;
        });

        for (Schema incompatible : List.of(requiredField, changedType)) {
            HttpResponse<String> refused = register(incompatible);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.schemaregistry.v1+json");
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.get("error_code").asInt()).isEqualTo(409);
            assertThat(body.get("message").asText())
                    .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"");
            assertThat(fieldNames(body)).containsExactlyInAnyOrder("error_code", "message");
        }
        assertThat(versions()).isEqualTo(before);
    }

    /** Sends the load's readings in order, the even ones as v1 (the generated class), the odd ones as v2 GenericRecords. */
    private static void produceAlternating(UrbanLoad load) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                "schema.registry.url", stack.endpoints().registryUrl().toString(),
                // both schemas were registered above: the serializer looks their ids up
                "auto.register.schemas", false);
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        AtomicInteger index = new AtomicInteger();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            load.forEach(reading -> {
                int i = index.getAndIncrement();
                Object value = i % 2 == 0 ? reading : UrbanReadingV2.of(reading, i % 4 == 1 ? null : "2.1." + i % 7);
                producer.send(new ProducerRecord<>(TOPIC, reading.getSensorId(), value));
            });
            producer.flush();
        }
    }

    private static int schemaId(byte[] value) {
        return ByteBuffer.wrap(value, 1, 4).getInt();
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The id of a schema the registry accepted. */
    private static int registered(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("id").asInt();
    }

    private static HttpResponse<String> register(Schema schema) {
        return registry("POST", "/subjects/" + SUBJECT + "/versions", JSON.createObjectNode().put("schema", schema.toString()).toString());
    }

    private static List<Integer> versions() throws IOException {
        HttpResponse<String> response = registry("GET", "/subjects/" + SUBJECT + "/versions", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Integer> versions = new ArrayList<>();
        JSON.readTree(response.body()).forEach(version -> versions.add(version.asInt()));
        return versions;
    }

    /** A call to the development Schema Registry's REST API, as Confluent's clients make it. */
    private static HttpResponse<String> registry(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.endpoints().registryUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
