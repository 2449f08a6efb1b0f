package org.etlsuite.transformer.stream;

import java.io.EOFException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.serialization.Deserializer;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.etlsuite.model.registry.UnsupportedSchemaTypeException;

/**
 * Turns the raw value bytes of an input record into an event, or tells why they are not one.
 *
 * <p>The Avro deserializer reports every failure as a {@code SerializationException}; the cause chain
 * tells a bad record from a failing registry. Bad records (wrong magic byte, truncated, unknown schema
 * id, unusable or foreign schema, corrupt body) are answered as {@link Undecodable}. Of the registry's
 * answers only two are about the record: "no schema has this id" (HTTP 404, error code 40403) and a
 * well-formed answer that the id is not an Avro schema. Every other registry failure throws
 * {@link StreamHaltException}, as does Avro refusing to instantiate the stream's own generated class
 * ({@link SecurityException}, a setting of this service): a registry that is unreachable (HTTP status 0)
 * or failing (5xx), one that refuses requests (401, 403, 429, a 404 that is not 40403: every record
 * would hit it), and one that answers a success status with a malformed body (not JSON, a field missing
 * or mistyped, a schema that does not parse: a broken registry or proxy). Those records are fine and must
 * be read again after a restart.
 *
 * <p>A {@link SecurityException} stops processing only while the stream's own class is untrusted. Avro
 * also throws it for a record whose writer schema names some other class that happens to be on the
 * classpath (say {@code org.apache.kafka.common.Node}); such a record is foreign, and stopping for it
 * would let one crafted record halt the stream.
 */
public final class RecordDecoder<V> {

    /** The result of decoding one value. */
    public sealed interface Outcome<V> permits Decoded, Undecodable {
    }

    /** The event, or {@code null} for a record without a value (a tombstone). */
    public record Decoded<V>(V value) implements Outcome<V> {
    }

    /** Bytes that are not an event of the stream, and the exception that says why. */
    public record Undecodable<V>(DecodeError error, Exception exception) implements Outcome<V> {
    }

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_SIZE = 5;

    private final Deserializer<?> avro;
    private final Class<V> type;
    private final BooleanSupplier typeTrusted;

    /** @param avro a configured Avro deserializer with {@code specific.avro.reader=true} */
    public RecordDecoder(Deserializer<?> avro, Class<V> type) {
        this(avro, type, () -> trustedByAvro(type));
    }

    /** @param typeTrusted whether Avro currently instantiates {@code type} (tests simulate an untrusted class) */
    RecordDecoder(Deserializer<?> avro, Class<V> type, BooleanSupplier typeTrusted) {
        this.avro = Objects.requireNonNull(avro, "avro");
        this.type = Objects.requireNonNull(type, "type");
        this.typeTrusted = Objects.requireNonNull(typeTrusted, "typeTrusted");
    }

    /**
     * Decodes one value.
     *
     * @throws StreamHaltException when the failure is not the record's fault
     */
    public Outcome<V> decode(String topic, byte[] value) {
        if (value == null) {
            return new Decoded<>(null);
        }
        Object decoded;
        try {
            decoded = avro.deserialize(topic, value);
        } catch (RuntimeException e) {
            return new Undecodable<>(classify(value, e), e);
        }
        if (!type.isInstance(decoded)) {
            String found = decoded == null ? "nothing" : decoded.getClass().getName();
            return new Undecodable<>(DecodeError.WRONG_RECORD_TYPE, new IllegalArgumentException(
                    "Expected a " + type.getName() + " on topic " + topic + " but the record's schema decodes to " + found));
        }
        return new Decoded<>(type.cast(decoded));
    }

    /**
     * What is wrong with the bytes, from the bytes themselves where they tell (header) and from the
     * deserializer's cause chain otherwise. The deserializer (common-model's {@code AvroDeserializer})
     * wraps the decoder's exception when the body is at fault and throws without a cause when the
     * writer schema cannot be used.
     *
     * @throws StreamHaltException when the failure is not the record's fault
     */
    DecodeError classify(byte[] value, RuntimeException failure) {
        if (value.length > 0 && value[0] != MAGIC_BYTE) {
            return DecodeError.BAD_MAGIC_BYTE;
        }
        if (value.length < HEADER_SIZE) {
            return DecodeError.TRUNCATED;
        }
        if (causeOfType(failure, SecurityException.class) != null) {
            if (!typeTrusted.getAsBoolean()) {
                throw new StreamHaltException("Avro refuses to instantiate " + type.getName() + " (check the system property "
                        + "org.apache.avro.SERIALIZABLE_PACKAGES); every record would fail the same way, so processing stops", failure);
            }
            return DecodeError.UNUSABLE_SCHEMA;
        }
        SchemaRegistryException registry = causeOfType(failure, SchemaRegistryException.class);
        if (registry != null) {
            if (registry.schemaNotFound()) {
                return DecodeError.UNKNOWN_SCHEMA_ID;
            }
            if (registry instanceof UnsupportedSchemaTypeException) {
                return DecodeError.UNUSABLE_SCHEMA;
            }
            throw new StreamHaltException(haltReason(registry) + "; processing stops so that no record is dead-lettered or "
                    + "skipped for it", failure);
        }
        if (causeOfType(failure, EOFException.class) != null) {
            return DecodeError.TRUNCATED;
        }
        return failure.getCause() == null ? DecodeError.UNUSABLE_SCHEMA : DecodeError.CORRUPT_PAYLOAD;
    }

    private static String haltReason(SchemaRegistryException registry) {
        int status = registry.httpStatus();
        String what = "HTTP " + status + ", error code " + registry.errorCode();
        if (status == 0 || status >= 500) {
            return "The Schema Registry is unavailable (" + what + ")";
        }
        if (status >= 200 && status < 300) {
            return "The Schema Registry answered with a malformed body (" + what + ")";
        }
        return "The Schema Registry refused the request (" + what + "); every record would hit it";
    }

    /** Whether Avro's class security lets it instantiate the generated class (it checks on every lookup). */
    static boolean trustedByAvro(Class<?> type) {
        try {
            SpecificData.getForClass(type).getClass(SpecificData.get().getSchema(type));
            return true;
        } catch (SecurityException e) {
            return false;
        }
    }

    static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
