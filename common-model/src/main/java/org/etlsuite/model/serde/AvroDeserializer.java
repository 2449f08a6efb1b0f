package org.etlsuite.model.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
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
 * Writer schemas and datum readers are cached per schema id.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specific;

    public AvroDeserializer() {
    }

    /** For callers that manage the registry client themselves (tests, tools). */
    public AvroDeserializer(SchemaRegistryClient registry, boolean specific) {
        this.registry = registry;
        this.specific = specific;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.specific = AvroSerdeConfig.flag(configs, AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        if (registry == null) {
            this.registry = SchemaRegistryClients.fromConfigs(configs);
        }
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
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("Truncated Avro message on topic " + topic + ": " + data.length
                    + " bytes, but the Confluent wire format needs at least 5 (magic byte and schema id)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        byte magic = buffer.get();
        if (magic != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + magic + " on topic " + topic
                    + ": expected 0 (Confluent wire format); the record was not written by an Avro serializer");
        }
        int id = buffer.getInt();
        DatumReader<Object> reader = readerFor(id, topic);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            return (T) reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("Truncated or corrupt Avro payload for schema id " + id + " on topic "
                    + topic + " (" + (data.length - WireFormat.HEADER_SIZE) + " payload bytes): " + e, e);
        }
    }

    private DatumReader<Object> readerFor(int id, String topic) {
        DatumReader<Object> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = registry.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Error retrieving Avro schema for id " + id + " (topic " + topic + "): "
                    + e.getMessage(), e);
        }
        DatumReader<Object> reader = specific ? specificReader(writer) : new GenericDatumReader<>(writer, writer, GenericData.get());
        readers.put(id, reader);
        return reader;
    }

    private static DatumReader<Object> specificReader(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD && writer.getType() != Schema.Type.ENUM) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || generated == Object.class) {
            throw new SerializationException("specific.avro.reader is set but no generated class "
                    + writer.getFullName() + " is on the classpath");
        }
        Schema reader = SpecificData.get().getSchema(generated);
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }
}
