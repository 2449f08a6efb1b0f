package org.etlsuite.transformer.stream;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link QualityKey} as UTF-8 text {@code stream|metric|rule}, e.g.
 * {@code urban-sensors|rejected|pm25-range} or {@code urban-sensors|accepted|}: readable with any
 * console consumer, and equal keys always give equal bytes (compaction depends on it). Stream names
 * cannot contain '|' ({@link StreamSpec}); a rule may, as everything after the second '|' is the rule.
 */
public final class QualityKeySerde implements Serde<QualityKey> {

    private static final char SEPARATOR = '|';

    @Override
    public Serializer<QualityKey> serializer() {
        return (topic, key) -> key == null ? null : format(key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Deserializer<QualityKey> deserializer() {
        return (topic, data) -> data == null ? null : parse(new String(data, StandardCharsets.UTF_8));
    }

    static String format(QualityKey key) {
        return key.stream() + SEPARATOR + key.metric().label() + SEPARATOR + key.rule();
    }

    static QualityKey parse(String text) {
        String[] parts = text.split("\\|", 3);
        if (parts.length != 3) {
            throw new SerializationException("Malformed data-quality key '" + text + "': expected stream|metric|rule");
        }
        try {
            return new QualityKey(parts[0], QualityMetric.ofLabel(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Malformed data-quality key '" + text + "': " + e.getMessage(), e);
        }
    }
}
