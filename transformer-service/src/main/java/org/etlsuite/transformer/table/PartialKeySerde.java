package org.etlsuite.transformer.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link PartialKey} as UTF-8 text {@code <cell>@<step>/<partition>}, e.g.
 * {@code EMILIANO_ZAPATA|2026-03-01|07@aggregate/2}: the cell as its own (text) serde writes it, then
 * the owner. Readable with any console consumer, and equal keys always give equal bytes, which
 * compaction depends on. The owner follows the last '@', so a cell may contain '@' but a step may not.
 */
final class PartialKeySerde<K> implements Serde<PartialKey<K>> {

    private static final byte AT = '@';

    private final Serde<K> cellSerde;

    PartialKeySerde(Serde<K> cellSerde) {
        this.cellSerde = Objects.requireNonNull(cellSerde, "cellSerde");
    }

    @Override
    public Serializer<PartialKey<K>> serializer() {
        Serializer<K> cells = cellSerde.serializer();
        return (topic, key) -> {
            if (key == null) {
                return null;
            }
            byte[] cell = cells.serialize(topic, key.cell());
            byte[] owner = ("@" + key.step() + "/" + key.partition()).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = Arrays.copyOf(cell, cell.length + owner.length);
            System.arraycopy(owner, 0, bytes, cell.length, owner.length);
            return bytes;
        };
    }

    @Override
    public Deserializer<PartialKey<K>> deserializer() {
        Deserializer<K> cells = cellSerde.deserializer();
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            int at = lastIndexOf(data, AT);
            String owner = at < 0 ? "" : new String(data, at + 1, data.length - at - 1, StandardCharsets.UTF_8);
            int slash = owner.lastIndexOf('/');
            if (at < 0 || slash < 1) {
                throw new SerializationException("Malformed partial key '" + new String(data, StandardCharsets.UTF_8) + "' on topic "
                        + topic + ": expected <cell>@<step>/<partition>");
            }
            try {
                return new PartialKey<>(cells.deserialize(topic, Arrays.copyOf(data, at)), owner.substring(0, slash),
                        Integer.parseInt(owner.substring(slash + 1)));
            } catch (IllegalArgumentException e) {
                throw new SerializationException("Malformed partial key '" + new String(data, StandardCharsets.UTF_8) + "' on topic "
                        + topic + ": " + e.getMessage(), e);
            }
        };
    }

    private static int lastIndexOf(byte[] data, byte value) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
