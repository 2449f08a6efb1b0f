package org.etlsuite.localstack.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.HttpSchemaRegistryClient;
import org.etlsuite.model.registry.SchemaMetadata;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's own registry client and serdes, pointed at the development registry, as the services use them. */
class DevelopmentSchemaRegistryClientTests {

    private static final String SUBJECT = "urban-sensors-value";
    private static final AdminCredentials ADMIN = new AdminCredentials("etl", "registry-admin-secret");

    @TempDir
    Path stateDir;

    private DevelopmentSchemaRegistry registry;
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        registry = DevelopmentSchemaRegistry.start("localhost", 0, stateDir, ADMIN);
        // One attempt: errors must surface at once, not after retries.
        client = new HttpSchemaRegistryClient(registry.url(), null,
                new HttpSchemaRegistryClient.RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldServeEveryCallOfHttpSchemaRegistryClient() {
        Schema v1 = UrbanSensorReading.getClassSchema();
        Schema v2 = SchemaBuilder.record("UrbanSensorReading").namespace("org.etlsuite.events.urban").fields()
                .requiredString("sensor_id")
                .name("firmware").type().stringType().stringDefault("unknown")
                .endRecord();

        int id = client.register(SUBJECT, v1);

        assertThat(id).isEqualTo(1);
        assertThat(client.register(SUBJECT, v1)).isEqualTo(1);
        assertThat(client.lookup(SUBJECT, v1)).isEqualTo(new SchemaMetadata(SUBJECT, 1, 1, v1.toString()));
        assertThat(client.getSchemaById(1)).isEqualTo(v1);
        assertThat(client.getLatestVersion(SUBJECT)).isEqualTo(new SchemaMetadata(SUBJECT, 1, 1, v1.toString()));
        assertThat(client.getVersion(SUBJECT, 1).id()).isEqualTo(1);
        assertThat(client.getVersions(SUBJECT)).containsExactly(1);
        assertThat(client.getSubjects()).containsExactly(SUBJECT);
        assertThat(client.getCompatibility()).isEqualTo("BACKWARD");
        // v2 drops fields (fine backward) and adds one with a default (fine backward).
        assertThat(client.testCompatibility(SUBJECT, "latest", v2)).isTrue();
        assertThat(client.register(SUBJECT, v2)).isEqualTo(2);
        assertThat(client.getVersions(SUBJECT)).containsExactly(1, 2);
    }

    @Test
    void shouldSurfaceConfluentErrorCodesThroughTheClient() {
        assertThatThrownBy(() -> client.getVersions("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
                });
        assertThatThrownBy(() -> client.getSchemaById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));

        client.register(SUBJECT, UrbanSensorReading.getClassSchema());
        Schema incompatible = SchemaBuilder.record("UrbanSensorReading").namespace("org.etlsuite.events.urban").fields()
                .requiredString("sensor_id").requiredInt("brand_new").endRecord();

        assertThatThrownBy(() -> client.register(SUBJECT, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                });
        assertThat(client.testCompatibility(SUBJECT, "latest", incompatible)).isFalse();
        assertThatThrownBy(() -> client.getVersion(SUBJECT, 7))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND);
                });
        assertThatThrownBy(() -> client.lookup(SUBJECT, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void shouldRoundTripUrbanSensorReadingThroughSerdesInConfluentWireFormat() {
        UrbanSensorReading reading = UrbanSensorReading.newBuilder()
                .setSensorId("sensor-101")
                .setTs(Instant.parse("2025-03-04T07:15:00Z"))
                .setLocation(UrbanLocation.EMILIANO_ZAPATA)
                .setVehicleCount(42)
                .setAvgSpeedKmh(31.25)
                .setNoiseDb(64.5)
                .setPm25(12.5)
                .setPm10(30.0)
                .setStatus(SensorStatus.OK)
                .build();
        Map<String, Object> configs = Map.of("schema.registry.url", registry.url(), "specific.avro.reader", "true");

        byte[] bytes;
        UrbanSensorReading back;
        try (AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>();
             AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>()) {
            serializer.configure(configs, false);
            deserializer.configure(configs, false);
            bytes = serializer.serialize("urban-sensors", reading);
            back = deserializer.deserialize("urban-sensors", bytes);
        }

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(1);
        assertThat(back).isEqualTo(reading);
        assertThat(client.getSubjects()).isEqualTo(List.of(SUBJECT));
    }
}
