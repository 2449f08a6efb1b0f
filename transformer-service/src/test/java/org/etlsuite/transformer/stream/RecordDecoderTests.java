package org.etlsuite.transformer.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.HttpSchemaRegistryClient;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.registry.UnsupportedSchemaTypeException;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.FakeSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The decoder's decisions on the exceptions the real Avro deserializer throws: bad records are
 * answered as undecodable with the right kind, failures that are not the record's fault stop processing.
 */
class RecordDecoderTests {

    private static final String TOPIC = "urban-sensors";

    private final String registryScope = "decoder-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(registryScope);
    }

    private byte[] validWireBytes() {
        return new AvroSerializer<UrbanSensorReading>(MockSchemaRegistry.forScope(registryScope), true)
                .serialize(TOPIC, StreamTestEvents.reading("sensor-101", "2026-03-01T08:00:00Z"));
    }

    private static byte[] withSchemaId(byte[] wireBytes, int id) {
        byte[] copy = wireBytes.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(id);
        return copy;
    }

    private RecordDecoder<UrbanSensorReading> decoder() {
        return decoder(MockSchemaRegistry.forScope(registryScope));
    }

    private static RecordDecoder<UrbanSensorReading> decoder(SchemaRegistryClient registry) {
        return new RecordDecoder<>(new AvroDeserializer<>(registry, true), UrbanSensorReading.class);
    }

    private static RecordDecoder<UrbanSensorReading> registryThrowing(SchemaRegistryException failure) {
        SchemaRegistryClient registry = mock(SchemaRegistryClient.class);
        when(registry.getSchemaById(anyInt())).thenThrow(failure);
        return decoder(registry);
    }

    private static DecodeError error(RecordDecoder.Outcome<UrbanSensorReading> outcome) {
        assertThat(outcome).isInstanceOf(RecordDecoder.Undecodable.class);
        return ((RecordDecoder.Undecodable<UrbanSensorReading>) outcome).error();
    }

    @Test
    void shouldDecodeAValidReading() {
        RecordDecoder.Outcome<UrbanSensorReading> outcome = decoder().decode(TOPIC, validWireBytes());

        assertThat(outcome).isEqualTo(new RecordDecoder.Decoded<>(StreamTestEvents.reading("sensor-101", "2026-03-01T08:00:00Z")));
    }

    @Test
    void shouldAnswerNoEventForATombstone() {
        assertThat(decoder().decode(TOPIC, null)).isEqualTo(new RecordDecoder.Decoded<>(null));
    }

    @Test
    void shouldCallAWrongFirstByteABadMagicByte() {
        assertThat(error(decoder().decode(TOPIC, new byte[] {7, 0, 0, 0, 1, 42}))).isEqualTo(DecodeError.BAD_MAGIC_BYTE);
        assertThat(error(decoder().decode(TOPIC, new byte[] {1}))).isEqualTo(DecodeError.BAD_MAGIC_BYTE);
    }

    @Test
    void shouldCallARecordShorterThanTheHeaderTruncated() {
        assertThat(error(decoder().decode(TOPIC, new byte[] {0, 0, 1}))).isEqualTo(DecodeError.TRUNCATED);
        assertThat(error(decoder().decode(TOPIC, new byte[0]))).isEqualTo(DecodeError.TRUNCATED);
    }

    @Test
    void shouldCallARecordWhoseBodyEndsEarlyTruncated() {
        byte[] valid = validWireBytes();

        assertThat(error(decoder().decode(TOPIC, Arrays.copyOf(valid, valid.length - 6)))).isEqualTo(DecodeError.TRUNCATED);
    }

    @Test
    void shouldCallASchemaIdTheRegistryDoesNotKnowUnknown() {
        assertThat(error(decoder().decode(TOPIC, withSchemaId(validWireBytes(), 4711)))).isEqualTo(DecodeError.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void shouldCallAServedSchemaThatIsNotAvroUnusable() {
        RecordDecoder<UrbanSensorReading> decoder = registryThrowing(new UnsupportedSchemaTypeException(
                "Schema id 1 is a PROTOBUF schema, not Avro", 200, "PROTOBUF"));

        assertThat(error(decoder.decode(TOPIC, new byte[] {0, 0, 0, 0, 1, 2, 3}))).isEqualTo(DecodeError.UNUSABLE_SCHEMA);
    }

    @Test
    void shouldCallAProtobufSchemaServedOverHttpUnusable() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(); SchemaRegistryClient client = client(registry)) {
            registry.answerSchemasWith("{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

            assertThat(error(decoder(client).decode(TOPIC, withSchemaId(validWireBytes(), 1)))).isEqualTo(DecodeError.UNUSABLE_SCHEMA);
        }
    }

    /**
     * HTTP 200 with a body that is no answer about the schema id: a broken registry or a proxy in
     * front of it. Dead-lettering would send every fine record of the outage to the DLT.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a proxy's login page       | `<html><body>Single sign-on</body></html>`
            no body                    | ``
            JSON without "schema"      | `{"id":1}`
            "schema" of the wrong type | `{"schema":42}`
            a schema that does not parse | `{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"Broken\\""}`
            """)
    void shouldStopWhenTheRegistryAnswersSuccessWithAMalformedBody(String kind, String body) {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(); SchemaRegistryClient client = client(registry)) {
            registry.answerSchemasWith(body == null ? "" : body);

            assertThatThrownBy(() -> decoder(client).decode(TOPIC, withSchemaId(validWireBytes(), 1)))
                    .isInstanceOf(StreamHaltException.class)
                    .hasMessageStartingWith("The Schema Registry answered with a malformed body (HTTP 200, error code 0)")
                    .satisfies(halt -> assertThat(RecordDecoder.causeOfType(halt, SchemaRegistryException.class))
                            .hasMessageContaining("with HTTP 200 but a malformed body"));
            assertThat(registry.requestsForSchema(1)).isOne();
        }
    }

    @Test
    void shouldCallAnIdTheRegistryDefinitelyDoesNotKnowOverHttpUnknown() {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start(); SchemaRegistryClient client = client(registry)) {
            registry.answerSchemasWith(404, "{\"error_code\":40403,\"message\":\"Schema 1 not found\"}");

            assertThat(error(decoder(client).decode(TOPIC, withSchemaId(validWireBytes(), 1)))).isEqualTo(DecodeError.UNKNOWN_SCHEMA_ID);
        }
    }

    private static SchemaRegistryClient client(FakeSchemaRegistry registry) {
        return new HttpSchemaRegistryClient(registry.url(), null,
                new HttpSchemaRegistryClient.RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "HTTP {0}, error code {1}")
    @CsvSource({
            "0, 0",          // connection refused, timeout: unreachable
            "500, 500",
            "500, 50001",    // storage error
            "502, 502",      // a proxy in front of the registry
            "503, 503",
            "504, 50002",    // operation timed out
            "503, 40403"     // a "not found" code on a failing answer says nothing about the id
    })
    void shouldStopWhileTheRegistryIsUnavailable(int httpStatus, int errorCode) {
        RecordDecoder<UrbanSensorReading> decoder = registryThrowing(new SchemaRegistryException("registry failed", httpStatus, errorCode));

        assertThatThrownBy(() -> decoder.decode(TOPIC, new byte[] {0, 0, 0, 0, 1, 2, 3}))
                .isInstanceOf(StreamHaltException.class)
                .hasMessageContaining("unavailable")
                .hasRootCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldStopWhenTheRegistryCannotBeConnectedTo() {
        // Port 1 on the loopback interface: nothing listens there, so the connection is refused.
        SchemaRegistryClient unreachable = new HttpSchemaRegistryClient("http://127.0.0.1:1", null,
                new HttpSchemaRegistryClient.RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> decoder(unreachable).decode(TOPIC, withSchemaId(validWireBytes(), 1)))
                .isInstanceOf(StreamHaltException.class);
    }

    @ParameterizedTest(name = "HTTP {0}, error code {1}")
    @CsvSource({
            "401, 401",      // wrong credentials
            "403, 403",
            "404, 404",      // schema.registry.url does not point at the API root
            "429, 429",      // rate limited
            "400, 40403"     // a "not found" code without the 404 is not the definitive answer
    })
    void shouldStopWhenTheRegistryRefusesEveryRequestRatherThanDeadLetterEveryRecord(int httpStatus, int errorCode) {
        RecordDecoder<UrbanSensorReading> decoder = registryThrowing(new SchemaRegistryException("refused", httpStatus, errorCode));

        assertThatThrownBy(() -> decoder.decode(TOPIC, new byte[] {0, 0, 0, 0, 1, 2, 3}))
                .isInstanceOf(StreamHaltException.class)
                .hasMessageContaining("refused");
    }

    private static Deserializer<Object> throwingUntrusted() {
        return (topic, data) -> {
            throw new SerializationException("Avro refuses to load the generated class",
                    new SecurityException("Forbidden org.etlsuite.events.urban.UrbanSensorReading! This class is not trusted"));
        };
    }

    @Test
    void shouldStopWhenAvroRefusesTheStreamsOwnClassRatherThanDeadLetterEveryRecord() {
        RecordDecoder<UrbanSensorReading> decoder = new RecordDecoder<>(throwingUntrusted(), UrbanSensorReading.class, () -> false);

        assertThatThrownBy(() -> decoder.decode(TOPIC, new byte[] {0, 0, 0, 0, 1, 2, 3}))
                .isInstanceOf(StreamHaltException.class)
                .hasMessageContaining(UrbanSensorReading.class.getName())
                .hasRootCauseInstanceOf(SecurityException.class);
    }

    @Test
    void shouldDeadLetterARecordNamingAnotherUntrustedClassWhileTheStreamsOwnClassIsTrusted() {
        RecordDecoder<UrbanSensorReading> decoder = new RecordDecoder<>(throwingUntrusted(), UrbanSensorReading.class, () -> true);

        assertThat(error(decoder.decode(TOPIC, new byte[] {0, 0, 0, 0, 1, 2, 3}))).isEqualTo(DecodeError.UNUSABLE_SCHEMA);
    }

    @Test
    void shouldSeeTheGeneratedEventClassesAsTrustedInThisBuild() {
        assertThat(RecordDecoder.trustedByAvro(UrbanSensorReading.class)).isTrue();
    }
}
