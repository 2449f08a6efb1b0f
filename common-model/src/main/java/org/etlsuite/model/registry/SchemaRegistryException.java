package org.etlsuite.model.registry;

/**
 * A registry answer that is not a success, carrying Confluent's numeric error code
 * (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema, ...).
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

    /** Confluent's {@code error_code}, or the HTTP status when the body carried none. */
    public int errorCode() {
        return errorCode;
    }
}
