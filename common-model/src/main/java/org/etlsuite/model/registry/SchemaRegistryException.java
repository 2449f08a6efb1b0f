package org.etlsuite.model.registry;

/**
 * A registry answer that is not a success, carrying Confluent's numeric error code
 * (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema, ...).
 * A success status whose body is not the answer the API promises (not JSON, a field missing or of
 * the wrong type, a schema that does not parse) is one too: the registry, or a proxy in front of it,
 * is broken, and says nothing about what was asked for.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** HTTP status of the answer, or 0 when the registry could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Confluent's {@code error_code}, or the HTTP status when an error body carried none; 0 when there
     * was no error answer at all (unreachable, or a success status with a malformed body).
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * Whether the registry said definitively that no schema has the id asked for: HTTP 404 with error
     * code 40403. Nothing else that goes wrong with a lookup by id says anything about the id.
     */
    public boolean schemaNotFound() {
        return httpStatus == 404 && errorCode == SCHEMA_NOT_FOUND;
    }
}
