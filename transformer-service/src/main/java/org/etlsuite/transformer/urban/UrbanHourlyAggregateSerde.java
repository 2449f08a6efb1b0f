package org.etlsuite.transformer.urban;

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
 * Binary serde of {@link UrbanHourlyAggregate}, used for the repartition topic, the aggregation
 * store, its changelog, the output topic and the global store. Layout (big-endian): format version
 * byte (1), readings (long), vehicle count sum (long), then for each of avg speed, pm25, pm10,
 * pollution index and noise: scale (int), length (int), two's-complement unscaled value. The version
 * byte lets a later format be read next to this one during a rolling upgrade.
 */
public final class UrbanHourlyAggregateSerde implements Serde<UrbanHourlyAggregate> {

    static final byte FORMAT_V1 = 1;

    /** Sums of a few million readings need a few dozen bytes; anything far larger is corrupt input. */
    private static final int MAX_UNSCALED_BYTES = 4096;

    @Override
    public Serializer<UrbanHourlyAggregate> serializer() {
        return (topic, aggregate) -> aggregate == null ? null : write(aggregate);
    }

    @Override
    public Deserializer<UrbanHourlyAggregate> deserializer() {
        return (topic, data) -> data == null ? null : read(topic, data);
    }

    static byte[] write(UrbanHourlyAggregate aggregate) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT_V1);
            out.writeLong(aggregate.readings());
            out.writeLong(aggregate.vehicleCountSum());
            writeDecimal(out, aggregate.avgSpeedKmhSum());
            writeDecimal(out, aggregate.pm25Sum());
            writeDecimal(out, aggregate.pm10Sum());
            writeDecimal(out, aggregate.pollutionIdxSum());
            writeDecimal(out, aggregate.noiseDbSum());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }

    static UrbanHourlyAggregate read(String topic, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != FORMAT_V1) {
                throw new SerializationException("Unknown urban hourly aggregate format version " + version
                        + " on topic " + topic + " (this build reads version " + FORMAT_V1 + ")");
            }
            UrbanHourlyAggregate aggregate = new UrbanHourlyAggregate(in.readLong(), in.readLong(),
                    readDecimal(in), readDecimal(in), readDecimal(in), readDecimal(in), readDecimal(in));
            if (in.available() > 0) {
                throw new SerializationException("Trailing " + in.available() + " bytes after an urban hourly aggregate on topic " + topic);
            }
            return aggregate;
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Truncated or corrupt urban hourly aggregate on topic " + topic
                    + " (" + data.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(value.scale());
        out.writeInt(unscaled.length);
        out.write(unscaled);
    }

    private static BigDecimal readDecimal(DataInputStream in) throws IOException {
        int scale = in.readInt();
        int length = in.readInt();
        if (length < 1 || length > MAX_UNSCALED_BYTES) {
            throw new IOException("implausible decimal length " + length);
        }
        byte[] unscaled = new byte[length];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }
}
