package org.etlsuite.model.registry;

import java.io.Closeable;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that the serdes and tools of this project use.
 * Implementations: {@link HttpSchemaRegistryClient} for a real registry and {@link MockSchemaRegistry}
 * for {@code mock://} URLs in tests.
 */
public interface SchemaRegistryClient extends Closeable {

    /** Registers the schema under the subject (or finds it there) and answers its global id. */
    int register(String subject, Schema schema);

    /** Finds an already registered schema under the subject, without registering it. */
    SchemaMetadata lookup(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getSchemaById(int id);

    SchemaMetadata getLatestVersion(String subject);

    SchemaMetadata getVersion(String subject, int version);

    List<Integer> getVersions(String subject);

    List<String> getSubjects();

    /**
     * Whether the schema could be registered under the subject given its compatibility level,
     * checked against {@code version} (a number or {@code latest}).
     */
    boolean testCompatibility(String subject, String version, Schema schema);

    /** The global compatibility level, e.g. {@code BACKWARD}. */
    String getCompatibility();

    @Override
    default void close() {
    }
}
