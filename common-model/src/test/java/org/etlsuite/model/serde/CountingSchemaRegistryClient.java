package org.etlsuite.model.serde;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.etlsuite.model.registry.SchemaMetadata;
import org.etlsuite.model.registry.SchemaRegistryClient;

/** Delegates to another client and counts every call, to prove what the serdes cache. */
final class CountingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final AtomicInteger registers = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger schemaByIds = new AtomicInteger();
    private final AtomicInteger others = new AtomicInteger();

    CountingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    int registers() {
        return registers.get();
    }

    int lookups() {
        return lookups.get();
    }

    int schemaByIds() {
        return schemaByIds.get();
    }

    int total() {
        return registers.get() + lookups.get() + schemaByIds.get() + others.get();
    }

    @Override
    public int register(String subject, Schema schema) {
        registers.incrementAndGet();
        return delegate.register(subject, schema);
    }

    @Override
    public SchemaMetadata lookup(String subject, Schema schema) {
        lookups.incrementAndGet();
        return delegate.lookup(subject, schema);
    }

    @Override
    public Schema getSchemaById(int id) {
        schemaByIds.incrementAndGet();
        return delegate.getSchemaById(id);
    }

    @Override
    public SchemaMetadata getLatestVersion(String subject) {
        others.incrementAndGet();
        return delegate.getLatestVersion(subject);
    }

    @Override
    public SchemaMetadata getVersion(String subject, int version) {
        others.incrementAndGet();
        return delegate.getVersion(subject, version);
    }

    @Override
    public List<Integer> getVersions(String subject) {
        others.incrementAndGet();
        return delegate.getVersions(subject);
    }

    @Override
    public List<String> getSubjects() {
        others.incrementAndGet();
        return delegate.getSubjects();
    }

    @Override
    public boolean testCompatibility(String subject, String version, Schema schema) {
        others.incrementAndGet();
        return delegate.testCompatibility(subject, version, schema);
    }

    @Override
    public String getCompatibility() {
        others.incrementAndGet();
        return delegate.getCompatibility();
    }
}
