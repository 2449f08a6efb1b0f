package org.etlsuite.model.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
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

    /** Keyed by Avro's schema equality, as Confluent's client cache is; Schema caches its hash code. */
    private record SubjectSchema(String subject, Schema schema) {
    }

    /** Specific and generic writers differ (logical-type conversions), so one schema can need both. */
    private record WriterKey(Schema schema, boolean specific) {
    }

    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<Encoding> encoders = ThreadLocal.withInitial(Encoding::new);
    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private boolean autoRegister = true;
    private boolean isKey;

    public AvroSerializer() {
    }

    /** For callers that manage the registry client themselves (tests, tools). */
    public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    /**
     * Reads {@code schema.registry.url} (unless a client was given to the constructor) and
     * {@code auto.register.schemas}; a flag absent from the map keeps its current value, so a
     * constructor-given setting survives a framework calling {@code configure} with unrelated configs.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.flag(configs, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, autoRegister);
        if (registry == null) {
            this.registry = SchemaRegistryClients.fromConfigs(configs);
            this.ownsRegistry = true;
        }
        ids.clear();
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
            if (data instanceof byte[] bytes) {
                // Confluent writes a "bytes" value raw, without Avro's length prefix, and reads it back the same way
                return withHeader(id, bytes, 0, bytes.length);
            } else if (data instanceof ByteBuffer buffer) {
                ByteBuffer view = buffer.duplicate();
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                return withHeader(id, bytes, 0, bytes.length);
            }
            return encoders.get().encode(id, data, writerFor(schema, data instanceof SpecificRecord));
        } catch (SecurityException e) {
            // Avro 1.12 resolves the generated class (for its logical-type conversions) and checks it is trusted
            throw new SerializationException("Avro refuses to use the generated class " + schema.getFullName() + " ("
                    + e.getMessage() + "): add its package to the system property org.apache.avro.SERIALIZABLE_PACKAGES"
                    + " (currently " + System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro message for subject " + subject
                    + " with schema id " + id + ": " + e, e);
        }
    }

    private static byte[] withHeader(int id, byte[] payload, int offset, int length) {
        byte[] record = new byte[WireFormat.HEADER_SIZE + length];
        writeHeader(record, id);
        System.arraycopy(payload, offset, record, WireFormat.HEADER_SIZE, length);
        return record;
    }

    /** Magic byte, then the schema id as a big-endian int. */
    private static void writeHeader(byte[] record, int id) {
        record[0] = WireFormat.MAGIC_BYTE;
        record[1] = (byte) (id >>> 24);
        record[2] = (byte) (id >>> 16);
        record[3] = (byte) (id >>> 8);
        record[4] = (byte) id;
    }

    /**
     * One thread's reusable encoding state: a buffered encoder over an unsynchronized growable buffer. Encoding
     * byte by byte through a fresh direct encoder into a synchronized {@code ByteArrayOutputStream} cost about a
     * quarter of the serializer's time. Per thread, because one producer (and so one serializer) is shared by every
     * sending thread.
     */
    private static final class Encoding extends OutputStream {

        /** A rare huge record does not stay pinned to the thread. */
        private static final int RETAINED_CAPACITY = 64 * 1024;

        private byte[] buffer = new byte[256];
        private int size;
        private BinaryEncoder encoder;

        byte[] encode(int id, Object data, DatumWriter<Object> writer) throws IOException {
            // Reconfiguring first: should an earlier record have failed half-way, its leftovers land before reset().
            encoder = EncoderFactory.get().binaryEncoder(this, encoder);
            size = WireFormat.HEADER_SIZE;
            try {
                writer.write(data, encoder);
                encoder.flush();
                byte[] record = Arrays.copyOf(buffer, size);
                writeHeader(record, id);
                return record;
            } finally {
                if (buffer.length > RETAINED_CAPACITY) {
                    buffer = new byte[256];
                }
                size = 0;
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    private int schemaId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema).id();
            ids.put(key, id);
            return id;
        } catch (SchemaRegistryException e) {
            boolean notRegistered = e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND;
            String hint = !autoRegister && notRegistered ? "; auto.register.schemas is false, so register the schema first" : "";
            throw new SerializationException((autoRegister ? "Error registering" : "Error retrieving")
                    + " Avro schema for subject " + subject + " (error code " + e.errorCode() + "): " + e.getMessage() + hint, e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, boolean specific) {
        return writers.computeIfAbsent(new WriterKey(schema, specific), key -> key.specific()
                ? new SpecificDatumWriter<>(key.schema(), SpecificData.getForSchema(key.schema()))
                : new GenericDatumWriter<>(key.schema(), GenericData.get()));
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

    /** Closes the registry client only if {@link #configure} created it; a given or mock client belongs to someone else. */
    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }
}
