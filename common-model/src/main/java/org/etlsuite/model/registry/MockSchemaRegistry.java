package org.etlsuite.model.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * In-memory registry selected by {@code mock://<scope>} URLs, as Confluent's serdes do: every client
 * configured with the same scope shares one registry, so a test's producer and consumer agree on ids.
 * Enforces BACKWARD compatibility like a default Confluent registry.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    public static final String URL_PREFIX = "mock://";

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new LinkedHashMap<>();

    private MockSchemaRegistry() {
    }

    public static MockSchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistry());
    }

    /** Forgets a scope, so that the next test starts with an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : versions) {
            if (schemasById.get(id).equals(schema)) {
                return id;
            }
        }
        if (!versions.isEmpty()) {
            Schema latest = schemasById.get(versions.getLast());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getResult();
            if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\", details: " + result.getIncompatibilities(), 409,
                        SchemaRegistryException.INCOMPATIBLE_SCHEMA);
            }
        }
        int id = schemasById.entrySet().stream()
                .filter(e -> e.getValue().equals(schema))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> {
                    int next = schemasById.size() + 1;
                    schemasById.put(next, schema);
                    return next;
                });
        versions.add(id);
        return id;
    }

    @Override
    public synchronized SchemaMetadata lookup(String subject, Schema schema) {
        List<Integer> versions = subjectVersions(subject);
        for (int i = 0; i < versions.size(); i++) {
            if (schemasById.get(versions.get(i)).equals(schema)) {
                return metadata(subject, i + 1);
            }
        }
        throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404,
                SchemaRegistryException.SCHEMA_NOT_FOUND);
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized SchemaMetadata getLatestVersion(String subject) {
        return metadata(subject, subjectVersions(subject).size());
    }

    @Override
    public synchronized SchemaMetadata getVersion(String subject, int version) {
        // same order of checks as the real registry: unknown subject first, then a malformed, then a missing version
        int count = subjectVersions(subject).size();
        if (version < 1) {
            throw new SchemaRegistryException("The specified version '" + version + "' is not a valid version id. "
                    + "Allowed values are between [1, 2^31-1] and the string \"latest\"", 422, SchemaRegistryException.INVALID_VERSION);
        }
        if (version > count) {
            throw new SchemaRegistryException("Version " + version + " not found.", 404, SchemaRegistryException.VERSION_NOT_FOUND);
        }
        return metadata(subject, version);
    }

    @Override
    public synchronized List<Integer> getVersions(String subject) {
        int count = subjectVersions(subject).size();
        List<Integer> versions = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            versions.add(v);
        }
        return versions;
    }

    @Override
    public synchronized List<String> getSubjects() {
        return List.copyOf(idsBySubject.keySet());
    }

    @Override
    public synchronized boolean testCompatibility(String subject, String version, Schema schema) {
        SchemaMetadata against = "latest".equals(version) ? getLatestVersion(subject) : getVersion(subject, parseVersion(version));
        Schema writer = getSchemaById(against.id());
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public String getCompatibility() {
        return "BACKWARD";
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException("The specified version '" + version + "' is not a valid version id. "
                    + "Allowed values are between [1, 2^31-1] and the string \"latest\"", 422, SchemaRegistryException.INVALID_VERSION);
        }
    }

    private List<Integer> subjectVersions(String subject) {
        List<Integer> versions = idsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        return versions;
    }

    private SchemaMetadata metadata(String subject, int version) {
        int id = subjectVersions(subject).get(version - 1);
        return new SchemaMetadata(subject, version, id, schemasById.get(id).toString());
    }
}
