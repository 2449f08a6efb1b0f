package org.etlsuite.model.registry;

/**
 * A well-formed answer of the registry that the schema with the id asked for is not an Avro schema
 * (Protobuf or JSON Schema): a definitive answer about the id, unlike a failing or malformed answer.
 */
public final class UnsupportedSchemaTypeException extends SchemaRegistryException {

    private final String schemaType;

    public UnsupportedSchemaTypeException(String message, int httpStatus, String schemaType) {
        super(message, httpStatus, 0);
        this.schemaType = schemaType;
    }

    /** The {@code schemaType} the registry answered, e.g. {@code PROTOBUF}. */
    public String schemaType() {
        return schemaType;
    }
}
