package org.etlsuite.model.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryClients;
import org.etlsuite.model.registry.SchemaRegistryException;

/**
 * Kafka serializer writing Avro records in Confluent's wire format, byte-for-byte what
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer} writes. Subjects follow TopicNameStrategy
 * ({@code <topic>-value} / {@code <topic>-key}). The schema id and the datum writer are cached per
 * schema, so after the first record of a schema the hot path makes no registry call.
 */
public class AvroSerializer<T> implements Serializer<T> {

    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    public AvroSerializer() {
    }

    /** For callers that manage the registry client themselves (tests, tools). */
    public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.flag(configs, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        if (registry == null) {
            this.registry = SchemaRegistryClients.fromConfigs(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroSerializer is not configured: call configure() with schema.registry.url");
        }
        Schema schema = schemaOf(data);
        String subject = WireFormat.subject(topic, isKey);
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(schema, data).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro message for subject " + subject
                    + " with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        String cacheKey = subject + '\u0000' + schema.toString();
        Integer cached = idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        try {
            int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema).id();
            idsBySubjectAndSchema.put(cacheKey, id);
            return id;
        } catch (SchemaRegistryException e) {
            throw new SerializationException((autoRegister ? "Error registering" : "Error retrieving")
                    + " Avro schema for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))
                : new GenericDatumWriter<>(s, GenericData.get()));
    }

    private static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type primitive = switch (data) {
            case CharSequence ignored -> Schema.Type.STRING;
            case Integer ignored -> Schema.Type.INT;
            case Long ignored -> Schema.Type.LONG;
            case Double ignored -> Schema.Type.DOUBLE;
            case Float ignored -> Schema.Type.FLOAT;
            case Boolean ignored -> Schema.Type.BOOLEAN;
            case byte[] ignored -> Schema.Type.BYTES;
            case ByteBuffer ignored -> Schema.Type.BYTES;
            default -> throw new SerializationException("Cannot serialize " + data.getClass().getName()
                    + " as Avro: expected a generated (specific) record, a GenericRecord or a primitive");
        };
        return Schema.create(primitive);
    }

    @Override
    public void close() {
        // The registry client may be shared (mock scopes); it holds no resources that need closing here.
    }
}
