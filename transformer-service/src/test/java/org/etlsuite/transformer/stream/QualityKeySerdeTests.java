package org.etlsuite.transformer.stream;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityKeySerdeTests {

    private final QualityKeySerde serde = new QualityKeySerde();

    private byte[] write(QualityKey key) {
        return serde.serializer().serialize("t", key);
    }

    private QualityKey read(String text) {
        return serde.deserializer().deserialize("t", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteReadableText() {
        assertThat(new String(write(QualityKey.rejected("urban-sensors", "pm25-range")), StandardCharsets.UTF_8))
                .isEqualTo("urban-sensors|rejected|pm25-range");
        assertThat(new String(write(QualityKey.accepted("urban-sensors")), StandardCharsets.UTF_8)).isEqualTo("urban-sensors|accepted|");
        assertThat(new String(write(QualityKey.undecodable("urban-sensors", DecodeError.UNKNOWN_SCHEMA_ID)), StandardCharsets.UTF_8))
                .isEqualTo("urban-sensors|undecodable|unknown-schema-id");
    }

    @Test
    void shouldReadBackEveryKey() {
        for (QualityKey key : new QualityKey[] {QualityKey.accepted("a"), QualityKey.duplicate("a"), QualityKey.rejected("a", "x|y"),
                QualityKey.undecodable("b", DecodeError.CORRUPT_PAYLOAD)}) {
            assertThat(serde.deserializer().deserialize("t", write(key))).isEqualTo(key);
        }
    }

    @Test
    void shouldPassNullThrough() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseMalformedKeys() {
        assertThatThrownBy(() -> read("urban-sensors|accepted")).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> read("urban-sensors|lost|")).isInstanceOf(SerializationException.class).hasMessageContaining("lost");
    }
}
