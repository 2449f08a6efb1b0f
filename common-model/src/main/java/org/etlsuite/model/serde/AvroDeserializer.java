package org.etlsuite.model.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryClients;
import org.etlsuite.model.registry.SchemaRegistryException;

/**
 * Kafka deserializer for Confluent's wire format. With {@code specific.avro.reader=true} it answers
 * the generated class of the writer schema's full name (resolved against that class's schema, so an
 * older writer is read into the newer reader); otherwise a {@link org.apache.avro.generic.GenericRecord}.
 * Like Confluent's deserializer it answers a {@code string} value as {@link String} and a {@code bytes}
 * value as the raw {@code byte[]} after the header. Writer schemas and datum readers are cached per
 * schema id, so after the first record of an id the hot path makes no registry call.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private static final String TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    /** What the first record of a schema id taught us: the writer schema and the reader for it. */
    private record CachedReader(Schema writer, DatumReader<Object> reader) {
    }

    private final Map<Integer, CachedReader> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private boolean specific;

    public AvroDeserializer() {
    }

    /** For callers that manage the registry client themselves (tests, tools). */
    public AvroDeserializer(SchemaRegistryClient registry, boolean specific) {
        this.registry = registry;
        this.specific = specific;
    }

    /**
     * Reads {@code schema.registry.url} (unless a client was given to the constructor) and
     * {@code specific.avro.reader}; a flag absent from the map keeps its current value, so a
     * constructor-given setting survives a framework calling {@code configure} with unrelated configs.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.specific = AvroSerdeConfig.flag(configs, AvroSerdeConfig.SPECIFIC_AVRO_READER, specific);
        if (registry == null) {
            this.registry = SchemaRegistryClients.fromConfigs(configs);
            this.ownsRegistry = true;
        }
        readers.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroDeserializer is not configured: call configure() with schema.registry.url");
        }
        // magic byte first: a short payload that does not start with 0 was never ours, which says more than "too short"
        if (data.length > 0 && data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + data[0] + String.format(" (0x%02x)", data[0] & 0xff)
                    + " on topic " + topic + ": expected 0 (Confluent wire format); the record was not written by an Avro serializer");
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("Truncated Avro message on topic " + topic + ": " + data.length
                    + " bytes, but the Confluent wire format needs at least 5 (magic byte and schema id)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data, 1, WireFormat.HEADER_SIZE - 1);
        int id = buffer.getInt();
        CachedReader cached = readerFor(id, topic);
        int length = data.length - WireFormat.HEADER_SIZE;
        if (cached.writer().getType() == Schema.Type.BYTES) {
            return (T) Arrays.copyOfRange(data, WireFormat.HEADER_SIZE, data.length);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, length, null);
            Object value = cached.reader().read(null, decoder);
            return (T) (cached.writer().getType() == Schema.Type.STRING && value != null ? value.toString() : value);
        } catch (EOFException e) {
            throw new SerializationException("Truncated Avro payload for schema id " + id + " on topic " + topic
                    + ": the body ended after " + length + " bytes, before the record was complete", e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error deserializing Avro payload for schema id " + id + " on topic " + topic
                    + " (" + length + " payload bytes; corrupt or truncated data): " + e, e);
        }
    }

    private CachedReader readerFor(int id, String topic) {
        CachedReader cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = registry.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            String what = e.schemaNotFound()
                    ? "Unknown schema id " + id + " on topic " + topic + ": the Schema Registry has no schema with this id"
                    : "Error retrieving Avro schema for id " + id + " (topic " + topic + ")";
            throw new SerializationException(what + " (error code " + e.errorCode() + "): " + e.getMessage(), e);
        }
        DatumReader<Object> reader = specific ? specificReader(writer, id) : new GenericDatumReader<>(writer, writer, GenericData.get());
        cached = new CachedReader(writer, reader);
        readers.put(id, cached);
        return cached;
    }

    private static DatumReader<Object> specificReader(Schema writer, int id) {
        if (writer.getType() != Schema.Type.RECORD && writer.getType() != Schema.Type.ENUM
                && writer.getType() != Schema.Type.FIXED) {
            // primitives, arrays, maps and unions have no generated class: read them generically, as Confluent does
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> generated;
        try {
            generated = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw new SerializationException("Avro refuses to load the generated class " + writer.getFullName()
                    + " (" + e.getMessage() + "): add its package to the system property " + TRUSTED_PACKAGES_PROPERTY
                    + " (currently " + System.getProperty(TRUSTED_PACKAGES_PROPERTY) + ")", e);
        }
        if (generated == null || generated == Object.class) {
            throw new SerializationException("specific.avro.reader is set but no generated class "
                    + writer.getFullName() + " (schema id " + id + ") is on the classpath");
        }
        Schema reader = SpecificData.get().getSchema(generated);
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (compatibility.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            // fail with the reason up front instead of an AvroTypeException halfway through the first record
            throw new SerializationException("Writer schema id " + id + " cannot be read into " + generated.getName()
                    + ": " + compatibility.getIncompatibilities());
        }
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(generated));
    }

    /** Closes the registry client only if {@link #configure} created it; a given or mock client belongs to someone else. */
    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }
}
