package org.etlsuite.transformer.streams;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.registry.HttpSchemaRegistryClient;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The handler's decisions, on the exceptions the real Avro deserializer throws: bad records are
 * skipped and counted, a failing registry stops processing.
 */
class RegistryAwareDeserializationHandlerTests {

    private static final String TOPIC = "urban-sensors";

    private final String registryScope = "handler-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RegistryAwareDeserializationHandler handler = new RegistryAwareDeserializationHandler();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger handlerLogger = (Logger) LoggerFactory.getLogger(RegistryAwareDeserializationHandler.class);

    @BeforeEach
    void configureHandlerAndCaptureLog() {
        handler.configure(Map.of(RegistryAwareDeserializationHandler.METER_REGISTRY_CONFIG, meters, "unrelated", "x"));
        log.start();
        handlerLogger.addAppender(log);
    }

    @AfterEach
    void releaseLogAndRegistry() {
        handlerLogger.detachAppender(log);
        MockSchemaRegistry.dropScope(registryScope);
    }

    /** A valid reading in Confluent wire format, registered in this test's mock registry. */
    private byte[] validWireBytes() {
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>(MockSchemaRegistry.forScope(registryScope), true);
        return serializer.serialize(TOPIC, UrbanSensorReading.newBuilder()
                .setSensorId("sensor-101")
                .setTs(Instant.parse("2026-03-01T08:00:00Z"))
                .setLocation(UrbanLocation.CENTRO)
                .setVehicleCount(10)
                .setAvgSpeedKmh(30.0)
                .setNoiseDb(50.0)
                .setPm25(10.0)
                .setPm10(20.0)
                .setStatus(SensorStatus.OK)
                .build());
    }

    private static byte[] withSchemaId(byte[] wireBytes, int id) {
        byte[] copy = wireBytes.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(id);
        return copy;
    }

    /** What the deserializer of the transformer throws for these bytes when it asks the given registry. */
    private static Exception deserializationFailure(SchemaRegistryClient registry, byte[] value) {
        AvroDeserializer<UrbanSensorReading> deserializer = new AvroDeserializer<>(registry, true);
        Exception failure = catchException(() -> deserializer.deserialize(TOPIC, value));
        assertThat(failure).as("the deserializer must reject these bytes").isNotNull();
        return failure;
    }

    private Exception failureWithMockRegistry(byte[] value) {
        return deserializationFailure(MockSchemaRegistry.forScope(registryScope), value);
    }

    private static Exception failureWithRegistryThrowing(SchemaRegistryException registryFailure) {
        SchemaRegistryClient registry = mock(SchemaRegistryClient.class);
        when(registry.getSchemaById(anyInt())).thenThrow(registryFailure);
        return deserializationFailure(registry, new byte[] {0, 0, 0, 0, 1, 2, 3});
    }

    private DeserializationHandlerResponse handle(Exception failure) {
        return handler.handle(new TestErrorHandlerContext(TOPIC, 2, 42), new ConsumerRecord<>(TOPIC, 2, 42, null, new byte[0]), failure);
    }

    private double skipped(String reason) {
        var counter = meters.find(RegistryAwareDeserializationHandler.SKIPPED_METER).tags("reason", reason, "topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void shouldSkipAndCountARecordWithAWrongMagicByte() {
        Exception failure = failureWithMockRegistry(new byte[] {7, 0, 0, 0, 1, 42});

        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(skipped("undecodable")).isEqualTo(1.0);
    }

    @Test
    void shouldSkipAndCountARecordTooShortForTheWireFormatHeader() {
        Exception failure = failureWithMockRegistry(new byte[] {0, 0, 1});

        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(skipped("undecodable")).isEqualTo(1.0);
    }

    @Test
    void shouldSkipAndCountARecordWhosePayloadIsTruncated() {
        byte[] valid = validWireBytes();
        Exception failure = failureWithMockRegistry(Arrays.copyOf(valid, valid.length - 6));

        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(skipped("undecodable")).isEqualTo(1.0);
    }

    @Test
    void shouldSkipAndCountARecordNamingASchemaIdTheRegistryDoesNotKnow() {
        Exception failure = failureWithMockRegistry(withSchemaId(validWireBytes(), 4711));

        assertThat(RegistryAwareDeserializationHandler.classify(failure))
                .isEqualTo(RegistryAwareDeserializationHandler.Reason.UNKNOWN_SCHEMA_ID);
        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(skipped("unknown-schema-id")).isEqualTo(1.0);
    }

    @Test
    void shouldSkipARecordWhoseSchemaTheRegistryServesButIsNotAvro() {
        Exception failure = failureWithRegistryThrowing(new SchemaRegistryException("Schema id 1 is a PROTOBUF schema, not Avro", 200, 0));

        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(skipped("unusable-schema")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "HTTP {0}, error code {1}")
    @CsvSource({
            "0, 0",          // connection refused, timeout: unreachable
            "500, 500",
            "500, 50001",    // storage error
            "502, 502",      // a proxy in front of the registry
            "503, 503",
            "504, 50002"     // operation timed out
    })
    void shouldStopWhileTheRegistryIsUnavailable(int httpStatus, int errorCode) {
        Exception failure = failureWithRegistryThrowing(new SchemaRegistryException("registry failed", httpStatus, errorCode));

        assertThat(RegistryAwareDeserializationHandler.classify(failure))
                .isEqualTo(RegistryAwareDeserializationHandler.Reason.REGISTRY_UNAVAILABLE);
        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.FAIL);
        assertThat(meters.find(RegistryAwareDeserializationHandler.SKIPPED_METER).counters()).isEmpty();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void shouldStopWhenTheRegistryCannotBeConnectedTo() {
        // Port 1 on the loopback interface: nothing listens there, so the connection is refused.
        SchemaRegistryClient unreachable = new HttpSchemaRegistryClient("http://127.0.0.1:1", null,
                new HttpSchemaRegistryClient.RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2)));
        Exception failure = deserializationFailure(unreachable, withSchemaId(validWireBytes(), 1));

        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.FAIL);
        assertThat(meters.find(RegistryAwareDeserializationHandler.SKIPPED_METER).counters()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}, error code {1}")
    @CsvSource({
            "401, 401",      // wrong credentials
            "403, 403",
            "404, 404",      // schema.registry.url does not point at the API root
            "429, 429"       // rate limited
    })
    void shouldStopWhenTheRegistryRefusesEveryRequestRatherThanSkipEveryRecord(int httpStatus, int errorCode) {
        Exception failure = failureWithRegistryThrowing(new SchemaRegistryException("refused", httpStatus, errorCode));

        assertThat(RegistryAwareDeserializationHandler.classify(failure))
                .isEqualTo(RegistryAwareDeserializationHandler.Reason.REGISTRY_REFUSED);
        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    @Test
    void shouldStopWhenAvroRefusesTheGeneratedClassRatherThanSkipEveryRecord() {
        Exception failure = new org.apache.kafka.common.errors.SerializationException("Error deserializing",
                new SecurityException("Forbidden org.etlsuite.events.urban.UrbanSensorReading! This class is not trusted"));

        assertThat(RegistryAwareDeserializationHandler.classify(failure))
                .isEqualTo(RegistryAwareDeserializationHandler.Reason.UNTRUSTED_CLASS);
        assertThat(handle(failure)).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    @Test
    void shouldNameTopicPartitionOffsetAndReasonInTheWarning() {
        handle(failureWithMockRegistry(new byte[] {7, 0, 0, 0, 1, 42}));

        assertThat(warnings()).singleElement().asString()
                .contains("urban-sensors-2@42")
                .contains("undecodable")
                .contains("Unknown magic byte 7");
    }

    @Test
    void shouldCountPerReason() {
        handle(failureWithMockRegistry(new byte[] {7, 0, 0, 0, 1, 42}));
        handle(failureWithMockRegistry(new byte[] {1}));
        handle(failureWithMockRegistry(withSchemaId(validWireBytes(), 4711)));

        assertThat(skipped("undecodable")).isEqualTo(2.0);
        assertThat(skipped("unknown-schema-id")).isEqualTo(1.0);
    }

    @Test
    void shouldStillDecideWithoutAMeterRegistry() {
        RegistryAwareDeserializationHandler withoutMeters = new RegistryAwareDeserializationHandler();
        withoutMeters.configure(Map.of());

        DeserializationHandlerResponse response = withoutMeters.handle(new TestErrorHandlerContext(TOPIC, 0, 1),
                new ConsumerRecord<>(TOPIC, 0, 1, null, new byte[] {7}), failureWithMockRegistry(new byte[] {7}));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
    }
}
