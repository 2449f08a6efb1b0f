package org.etlsuite.transformer.stream;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of a generated Avro class for internal topics (repartition by event id) in Avro's single-object
 * encoding: two marker bytes, the 8-byte fingerprint of the writer schema, then the binary body. No
 * Schema Registry: internal topics hold records for a few seconds, written and read by this service,
 * so they need no registered subject and must not stop when the registry does. A record written with a
 * schema this build does not know (only possible during a rolling upgrade that changes the schema) fails
 * loudly rather than being misread.
 */
final class InternalAvroSerde<V> implements Serde<V> {

    private final BinaryMessageEncoder<V> encoder;
    private final BinaryMessageDecoder<V> decoder;

    InternalAvroSerde(Class<V> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
    }

    @Override
    public Serializer<V> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer buffer = encoder.encode(value);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new SerializationException("Cannot encode an event for internal topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<V> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return decoder.decode(data);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Cannot decode an event from internal topic " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
