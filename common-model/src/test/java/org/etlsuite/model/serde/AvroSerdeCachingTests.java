package org.etlsuite.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeCachingTests {

    private final String scope = "caching-tests-" + System.nanoTime();
    private final CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(MockSchemaRegistry.forScope(scope));

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldCallRegistryOnlyForFirstRecordWhenSerializing() {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(counting, true);

        serializer.serialize("urban-sensors", TestReadings.reading("sensor-100", 0));
        assertThat(counting.registers()).isEqualTo(1);
        for (int i = 1; i <= 100; i++) {
            serializer.serialize("urban-sensors", TestReadings.reading("sensor-" + (100 + i), i));
        }

        assertThat(counting.total()).isEqualTo(1);
    }

    @Test
    void shouldCallRegistryOnlyForFirstRecordWhenLookingUpWithoutAutoRegister() {
        MockSchemaRegistry.forScope(scope).register("urban-sensors-value", UrbanSensorReading.getClassSchema());
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(counting, false);

        for (int i = 0; i < 50; i++) {
            serializer.serialize("urban-sensors", TestReadings.reading("sensor-" + (100 + i), i));
        }

        assertThat(counting.lookups()).isEqualTo(1);
        assertThat(counting.total()).isEqualTo(1);
    }

    @Test
    void shouldCallRegistryOnlyForFirstRecordWhenDeserializingSpecific() {
        List<byte[]> payloads = payloads(100);
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(counting, true);
        int before = counting.total();

        List<UrbanSensorReading> read = new ArrayList<>();
        payloads.forEach(bytes -> read.add(deserializer.deserialize("urban-sensors", bytes)));

        assertThat(counting.total() - before).isEqualTo(1);
        assertThat(counting.schemaByIds()).isEqualTo(1);
        assertThat(read).hasSize(100);
        assertThat(read.get(99)).isEqualTo(TestReadings.reading("sensor-199", 99));
    }

    @Test
    void shouldCallRegistryOnlyForFirstRecordWhenDeserializingGeneric() {
        List<byte[]> payloads = payloads(100);
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(counting, false);
        int before = counting.total();

        payloads.forEach(bytes -> deserializer.deserialize("urban-sensors", bytes));

        assertThat(counting.total() - before).isEqualTo(1);
    }

    @Test
    void shouldCallRegistryOncePerTopicSubject() {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(counting, true);

        for (int i = 0; i < 10; i++) {
            serializer.serialize("urban-sensors", TestReadings.reading());
            serializer.serialize("urban-sensors-replay", TestReadings.reading());
        }

        assertThat(counting.registers()).isEqualTo(2);
        assertThat(MockSchemaRegistry.forScope(scope).getSubjects())
                .containsExactly("urban-sensors-value", "urban-sensors-replay-value");
    }

    private List<byte[]> payloads(int count) {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(counting, true);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(serializer.serialize("urban-sensors", TestReadings.reading("sensor-" + (100 + i), i)));
        }
        return payloads;
    }
}
