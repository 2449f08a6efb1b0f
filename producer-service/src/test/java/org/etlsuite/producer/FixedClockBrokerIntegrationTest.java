package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * {@link LiveBrokerIntegrationTest} on a clock that stands still, so that a generator with the burst's seed and this
 * clock replays exactly the records on the topic; with a check of Confluent's wire format for reading them back with
 * nothing but a schema file. The clock bean makes this a second application context (and broker), which the
 * subclasses share.
 */
@Import(FixedClockBrokerIntegrationTest.FixedClock.class)
abstract class FixedClockBrokerIntegrationTest extends LiveBrokerIntegrationTest {

    /** Within the bus service hours, so that trips are stamped with this instant (truncated to the second). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T17:45:12.345Z"), ZoneOffset.UTC);

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return CLOCK;
        }
    }

    /** A schema file from the classpath (as common-model packages it), so no test depends on the directory it runs from. */
    static Schema classpathSchema(String resource) throws IOException {
        try (InputStream in = FixedClockBrokerIntegrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    /**
     * Decodes records of the topic by Confluent's wire format: a zero magic byte, the registered schema's id in four
     * bytes big-endian, then the Avro binary of exactly one value, whose key field is the record's key.
     *
     * @param model the generic data to decode with (with or without logical-type conversions)
     */
    static List<GenericRecord> decodeWireFormat(List<ConsumerRecord<String, byte[]>> records, String topic,
            Schema schema, GenericData model, String keyField) throws IOException {
        int schemaId = MockSchemaRegistry.forScope(SCOPE).getLatestVersion(topic + "-value").id();
        byte[] schemaIdBigEndian = ByteBuffer.allocate(4).putInt(schemaId).array();
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema, schema, model);

        List<GenericRecord> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byte[] bytes = record.value();
            assertThat(bytes[0]).as("magic byte").isZero();
            assertThat(Arrays.copyOfRange(bytes, 1, 5)).as("schema id").isEqualTo(schemaIdBigEndian);
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            GenericRecord value = reader.read(null, decoder);
            assertThat(decoder.isEnd()).as("no bytes after the record").isTrue();
            assertThat(record.key()).isEqualTo(value.get(keyField).toString());
            decoded.add(value);
        }
        return decoded;
    }
}
