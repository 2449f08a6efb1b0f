package org.etlsuite.producer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.producer.burst.BurstHeaders;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service against a real in-process KRaft broker and an in-memory schema registry: bursts started
 * over HTTP land on the topic in full, in Confluent's wire format, readable with nothing but the schema file.
 */
class UrbanSensorBurstIntegrationTests extends FixedClockBrokerIntegrationTest {

    private static final String TOPIC = "urban-sensors";

    @Autowired
    ProducerFactory<?, ?> producerFactory;

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
        long before = recordCount(TOPIC);

        String done = runBurst(TOPIC, "{\"events\": 2000, \"seed\": 7}");

        assertThat(JsonPath.<String>read(done, "$.stream")).isEqualTo(TOPIC);
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");
        assertThat(JsonPath.<Integer>read(done, "$.requested")).isEqualTo(2000);
        assertThat(JsonPath.<Integer>read(done, "$.sent")).isEqualTo(2000);
        assertThat(JsonPath.<Integer>read(done, "$.acked")).isEqualTo(2000);
        assertThat(JsonPath.<Integer>read(done, "$.failed")).isZero();
        assertThat(JsonPath.<String>read(done, "$.finishedAt")).isNotNull();
        assertThat(recordCount(TOPIC) - before).isEqualTo(2000);
    }

    @Test
    void shouldWriteConfluentWireFormatThatThePlainSchemaFileDecodes() throws Exception {
        Map<TopicPartition, Long> start = endOffsets(TOPIC);
        int events = 60;

        String done = runBurst(TOPIC, "{\"events\": " + events + ", \"ratePerSecond\": 600, \"seed\": 42}");
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");

        // The .avsc file itself as common-model packages it, not the generated class's copy of the schema, read by
        // plain generic data (no logical-type conversions).
        Schema schema = classpathSchema("schemas/urban-sensor-reading.avsc");
        List<Reading> decoded = decodeWireFormat(consume(start, events), TOPIC, schema, GenericData.get(), "sensor_id")
                .stream().map(Reading::of).toList();

        // Same seed and clock: the decoded records are exactly what the generator produces, in any partition order.
        UrbanSensorGenerator generator = new UrbanSensorGenerator(42L, CLOCK);
        List<Reading> expected = Stream.generate(generator::next).limit(events).map(Reading::of).toList();
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldTagEachRecordOnTheTopicWithTheIdOfTheBurstThatSentIt() throws Exception {
        Map<TopicPartition, Long> start = endOffsets(TOPIC);

        // Two bursts at once, so that their records share partitions and offset ranges.
        Accepted first = startBurst(TOPIC, "{\"events\": 150, \"ratePerSecond\": 1500, \"seed\": 3}");
        Accepted second = startBurst(TOPIC, "{\"events\": 100, \"ratePerSecond\": 1000, \"seed\": 4}");
        assertThat(JsonPath.<String>read(awaitFinished(first.location()), "$.state")).isEqualTo("COMPLETED");
        assertThat(JsonPath.<String>read(awaitFinished(second.location()), "$.state")).isEqualTo("COMPLETED");

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

        ResponseEntity<String> response = exchange("POST", "/api/streams/urban-sensors/bursts",
                "{\"events\": 10000000, \"ratePerSecond\": 0.1}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JSONAssert.assertEquals(readmeExample, response.getBody(), JSONCompareMode.STRICT);
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
