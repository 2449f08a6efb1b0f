package org.etlsuite.transformer.stream;

/**
 * Why the bytes of a record are not an event of the stream. Each is the record's own fault, so the
 * record goes to the dead-letter topic and processing goes on; failures that are not the record's
 * fault (the Schema Registry is unavailable, this service cannot use its own classes) stop processing
 * instead, see {@link RecordDecoder}. The label is the value of {@value DeadLetterHeaders#ERROR} and of
 * the {@code rule} column of {@code undecodable} rows in {@code data_quality.csv}.
 */
public enum DecodeError {

    /** The first byte is not 0: not Confluent's wire format, so no Avro serializer wrote it. */
    BAD_MAGIC_BYTE("bad-magic-byte"),

    /** Shorter than the 5-byte header, or the Avro body ends before the record is complete. */
    TRUNCATED("truncated"),

    /** The registry has no schema with the record's id (error 40403). */
    UNKNOWN_SCHEMA_ID("unknown-schema-id"),

    /**
     * The registry serves the schema, but it cannot be read here: not Avro, no generated class for it,
     * or not compatible with the stream's generated class. (A schema that does not parse is no answer
     * about the record: the registry validates every schema it accepts, so processing stops instead.)
     */
    UNUSABLE_SCHEMA("unusable-schema"),

    /** Valid Avro of another event type (say a product event on the urban topic). */
    WRONG_RECORD_TYPE("wrong-record-type"),

    /** The Avro body does not decode with its writer schema (a negative length, an enum index out of range, ...). */
    CORRUPT_PAYLOAD("corrupt-payload");

    private final String label;

    DecodeError(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
