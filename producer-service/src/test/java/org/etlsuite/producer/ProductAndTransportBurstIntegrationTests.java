package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.etlsuite.model.Topics;
import org.etlsuite.producer.product.ProductEventGenerator;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.transport.TransportTripGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product-events and transportation-stats streams through the whole service, against a real in-process KRaft
 * broker and an in-memory schema registry: REST bursts land on their topics in full, in Confluent's wire format,
 * readable with nothing but the schema file that common-model packages.
 */
class ProductAndTransportBurstIntegrationTests extends FixedClockBrokerIntegrationTest {

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

    @Autowired
    StreamCatalog catalog;

    @Test
    void shouldGenerateEveryStreamOfTheSuiteAndNoOther() {
        assertThat(catalog.names()).containsExactlyElementsOf(Topics.ALL.stream().sorted().toList());
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
        long before = recordCount(stream.topic());

        String done = runBurst(stream.topic(), "{\"events\": 1500, \"seed\": 7}");

        assertThat(JsonPath.<String>read(done, "$.stream")).isEqualTo(stream.topic());
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");
        assertThat(JsonPath.<Integer>read(done, "$.requested")).isEqualTo(1500);
        assertThat(JsonPath.<Integer>read(done, "$.sent")).isEqualTo(1500);
        assertThat(JsonPath.<Integer>read(done, "$.acked")).isEqualTo(1500);
        assertThat(JsonPath.<Integer>read(done, "$.failed")).isZero();
        assertThat(recordCount(stream.topic()) - before).isEqualTo(1500);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldWriteConfluentWireFormatThatThePackagedSchemaFileDecodes(StreamCase stream) throws Exception {
        Map<TopicPartition, Long> start = endOffsets(stream.topic());
        int events = 80;

        String done = runBurst(stream.topic(), "{\"events\": " + events + ", \"seed\": 42}");
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");

        Schema schema = classpathSchema(stream.schema());
        List<Map<String, String>> decoded = decodeWireFormat(consume(start, events), stream.topic(), schema,
                withLogicalTypes(), stream.keyField()).stream()
                .map(ProductAndTransportBurstIntegrationTests::fields).toList();

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
}
