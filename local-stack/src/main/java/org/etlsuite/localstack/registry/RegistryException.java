package org.etlsuite.localstack.registry;

import java.util.List;

/**
 * An error answer in Confluent's shape: an HTTP status plus the {@code error_code} and
 * {@code message} of the JSON body. The factories reproduce Confluent's codes and message texts
 * because client tools match on them (the serializers, for instance, treat 40401/40403 as
 * "not registered yet").
 */
final class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(404, 40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(404, 40403, "Schema not found");
    }

    static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, 40403, "Schema " + id + " not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, 40404,
                "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, 40405,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectLevelCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatibleSchema(String subject, List<String> messages) {
        return new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + messages);
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(422, 42201, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, "
                + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException unprocessableEntity(String message) {
        return new RegistryException(422, 422, message);
    }

    static RegistryException malformedJson(String message) {
        return new RegistryException(400, 400, message);
    }

    static RegistryException unauthorized() {
        return new RegistryException(401, 401, "Unauthorized");
    }

    static RegistryException payloadTooLarge(int limit) {
        return new RegistryException(413, 413, "HTTP 413 Payload Too Large: the request body is larger than "
                + limit + " bytes");
    }

    static RegistryException storeError(String message) {
        return new RegistryException(500, 50001, "Error in the backend data store - " + message);
    }

    /** Errors the JAX-RS layer of Confluent's registry produces: the body repeats the status line. */
    static RegistryException http(int status, String reason) {
        return new RegistryException(status, status, "HTTP " + status + " " + reason);
    }
}
