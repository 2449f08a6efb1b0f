package org.etlsuite.model.registry;

/** One version of a subject, as the registry answers it. */
public record SchemaMetadata(String subject, int version, int id, String schema) {
}
