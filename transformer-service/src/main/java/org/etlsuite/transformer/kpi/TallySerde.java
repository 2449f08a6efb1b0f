package org.etlsuite.transformer.kpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of {@link Tally} for the repartition topic, the store, its changelog, the output topic
 * and the global store. Layout (big-endian): format version byte (1), count (long), units (long),
 * amount scale (int), length (int), two's-complement unscaled value. The version byte lets a later
 * format be read next to this one during a rolling upgrade.
 */
public final class TallySerde implements Serde<Tally> {

    static final byte FORMAT_V1 = 1;

    /** Sums of billions of cents need a handful of bytes; anything far larger is corrupt input. */
    private static final int MAX_UNSCALED_BYTES = 1024;

    @Override
    public Serializer<Tally> serializer() {
        return (topic, tally) -> tally == null ? null : write(tally);
    }

    @Override
    public Deserializer<Tally> deserializer() {
        return (topic, data) -> data == null ? null : read(topic, data);
    }

    static byte[] write(Tally tally) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(40);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT_V1);
            out.writeLong(tally.count());
            out.writeLong(tally.units());
            byte[] unscaled = tally.amount().unscaledValue().toByteArray();
            out.writeInt(tally.amount().scale());
            out.writeInt(unscaled.length);
            out.write(unscaled);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }

    static Tally read(String topic, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != FORMAT_V1) {
                throw new SerializationException("Unknown tally format version " + version + " on topic " + topic
                        + " (this build reads version " + FORMAT_V1 + ")");
            }
            long count = in.readLong();
            long units = in.readLong();
            int scale = in.readInt();
            int length = in.readInt();
            if (length < 1 || length > MAX_UNSCALED_BYTES) {
                throw new IOException("implausible decimal length " + length);
            }
            byte[] unscaled = new byte[length];
            in.readFully(unscaled);
            if (in.available() > 0) {
                throw new SerializationException("Trailing " + in.available() + " bytes after a tally on topic " + topic);
            }
            return new Tally(count, units, new BigDecimal(new BigInteger(unscaled), scale));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Truncated or corrupt tally on topic " + topic + " (" + data.length + " bytes): "
                    + e.getMessage(), e);
        }
    }
}
