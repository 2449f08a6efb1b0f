package org.etlsuite.transformer.kafkastreams;

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
 * Compact binary serde for the transformer's own state (repartition topics, stores, changelogs and
 * the KPI tables' output topics). Layout (big-endian): one format version byte, then the body the
 * subclass writes. The version byte lets a later format be read next to this one during a rolling
 * upgrade; a record that is truncated, has trailing bytes or an unknown version is refused, since
 * only this service writes these topics and a bad record there would corrupt the KPIs.
 */
public abstract class VersionedBinarySerde<T> implements Serde<T> {

    private final String description;
    private final byte version;
    private final int maxDecimalBytes;

    /**
     * @param description    what a record is, for error messages ("tally", "urban hourly aggregate")
     * @param maxDecimalBytes the longest unscaled decimal accepted; anything longer is corrupt input
     */
    protected VersionedBinarySerde(String description, byte version, int maxDecimalBytes) {
        this.description = description;
        this.version = version;
        this.maxDecimalBytes = maxDecimalBytes;
    }

    protected abstract void writeBody(DataOutputStream out, T value) throws IOException;

    protected abstract T readBody(DataInputStream in) throws IOException;

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : read(topic, data);
    }

    private byte[] write(T value) {
        try {
            // sized for the largest value written per record (an urban aggregate), so it never grows
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(version);
            writeBody(out, value);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }

    private T read(String topic, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte found = in.readByte();
            if (found != version) {
                throw new SerializationException("Unknown " + description + " format version " + found + " on topic " + topic
                        + " (this build reads version " + version + ")");
            }
            T value = readBody(in);
            if (in.available() > 0) {
                throw new SerializationException("Trailing " + in.available() + " bytes after a " + description + " on topic " + topic);
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Truncated or corrupt " + description + " on topic " + topic + " (" + data.length
                    + " bytes): " + e.getMessage(), e);
        }
    }

    /** An exact decimal: scale (int), length (int), two's-complement unscaled value. */
    protected static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
        out.writeInt(value.scale());
        writeInteger(out, value.unscaledValue());
    }

    protected final BigDecimal readDecimal(DataInputStream in) throws IOException {
        int scale = in.readInt();
        return new BigDecimal(readInteger(in), scale);
    }

    /** An integer of any size: length (int), two's-complement bytes. */
    protected static void writeInteger(DataOutputStream out, BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    protected final BigInteger readInteger(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > maxDecimalBytes) {
            throw new IOException("implausible number length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new BigInteger(bytes);
    }
}
