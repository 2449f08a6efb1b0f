package org.etlsuite.transformer.stream;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTests {

    private static final RecordMetadata SOURCE = new RecordMetadata() {
        @Override
        public String topic() {
            return "urban-sensors";
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 12_345_678_901L;
        }
    };

    private static List<String> names(Headers headers) {
        return Arrays.stream(headers.toArray()).map(Header::key).toList();
    }

    @Test
    void shouldKeepTheOriginalHeadersInOrderAndAddTheQualityHeaders() {
        Headers original = new RecordHeaders().add("trace-id", new byte[] {1}).add("trace-id", new byte[] {2}).add("origin", new byte[] {3});

        Headers headers = DeadLetterHeaders.quality(original, "pm25-range", SOURCE);

        assertThat(names(headers)).containsExactly("trace-id", "trace-id", "origin",
                "etl.dlt.reason", "etl.dlt.source.topic", "etl.dlt.source.partition", "etl.dlt.source.offset", "etl.dlt.rule");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.reason")).isEqualTo("quality");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.rule")).isEqualTo("pm25-range");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.source.partition")).isEqualTo("2");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.source.offset")).isEqualTo("12345678901");
        assertThat(names(original)).containsExactly("trace-id", "trace-id", "origin");
    }

    @Test
    void shouldReplaceTheHeadersOfAnEarlierFailureWhenADeadLetterIsReplayed() {
        Headers replayed = DeadLetterHeaders.quality(new RecordHeaders().add("trace-id", new byte[] {1}), "pm25-range", SOURCE);

        Headers headers = DeadLetterHeaders.deserialization(replayed, DecodeError.TRUNCATED, new SerializationException("cut"), SOURCE);

        assertThat(names(headers)).containsExactly("trace-id",
                "etl.dlt.reason", "etl.dlt.source.topic", "etl.dlt.source.partition", "etl.dlt.source.offset",
                "etl.dlt.error", "etl.dlt.exception.class", "etl.dlt.exception.message");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.reason")).isEqualTo("deserialization");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.error")).isEqualTo("truncated");
    }

    @Test
    void shouldNameTheExceptionItsMessageAndItsInnermostCause() {
        Exception failure = new SerializationException("Error deserializing", new IllegalStateException("middle", new ArithmeticException("root")));

        Headers headers = DeadLetterHeaders.deserialization(new RecordHeaders(), DecodeError.CORRUPT_PAYLOAD, failure, SOURCE);

        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.exception.class")).isEqualTo(SerializationException.class.getName());
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.exception.message")).isEqualTo("Error deserializing");
        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.exception.cause.class")).isEqualTo(ArithmeticException.class.getName());
    }

    @Test
    void shouldCutAVeryLongMessage() {
        Exception failure = new SerializationException("x".repeat(5_000));

        Headers headers = DeadLetterHeaders.deserialization(new RecordHeaders(), DecodeError.CORRUPT_PAYLOAD, failure, SOURCE);

        assertThat(DeadLetterHeaders.text(headers, "etl.dlt.exception.message")).hasSize(DeadLetterHeaders.MAX_MESSAGE_LENGTH).endsWith("…");
    }

    @Test
    void shouldAnswerNullForAMissingHeader() {
        assertThat(Optional.ofNullable(DeadLetterHeaders.text(new RecordHeaders(), "etl.dlt.rule"))).isEmpty();
    }
}
