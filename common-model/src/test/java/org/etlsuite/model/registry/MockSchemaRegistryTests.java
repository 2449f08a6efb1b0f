package org.etlsuite.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTests {

    private static final Schema V1 = parse("""
            {"type":"record","name":"Reading","namespace":"org.etlsuite.events.test","fields":[
              {"name":"sensor_id","type":"string"}]}""");
    /** V1 plus a field with a default: new readers can read V1 data (BACKWARD). */
    private static final Schema V2_WITH_DEFAULT = parse("""
            {"type":"record","name":"Reading","namespace":"org.etlsuite.events.test","fields":[
              {"name":"sensor_id","type":"string"},
              {"name":"noise_db","type":"double","default":0.0}]}""");
    /** V1 plus a required field: a reader of this cannot read V1 data. */
    private static final Schema V2_WITHOUT_DEFAULT = parse("""
            {"type":"record","name":"Reading","namespace":"org.etlsuite.events.test","fields":[
              {"name":"sensor_id","type":"string"},
              {"name":"noise_db","type":"double"}]}""");

    private final String scope = "mock-registry-tests-" + System.nanoTime();
    private final String otherScope = scope + "-other";
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    @AfterEach
    void dropScopes() {
        MockSchemaRegistry.dropScope(scope);
        MockSchemaRegistry.dropScope(otherScope);
    }

    @Test
    void shouldShareOneRegistryBetweenClientsOfSameScope() {
        SchemaRegistryClient producer = SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, "mock://" + scope));
        SchemaRegistryClient consumer = SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, "mock://" + scope));

        int id = producer.register("readings-value", V1);

        assertThat(consumer).isSameAs(producer).isSameAs(registry);
        assertThat(consumer.getSchemaById(id)).isEqualTo(V1);
    }

    @Test
    void shouldKeepScopesIndependent() {
        SchemaRegistryClient other = SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, "mock://" + otherScope));
        int id = registry.register("readings-value", V1);

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> other.getSchemaById(id));

        assertThat(other).isNotSameAs(registry);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(e).hasMessage("Schema " + id + " not found");
        assertThat(other.getSubjects()).isEmpty();
        assertThat(registry.getSubjects()).containsExactly("readings-value");
    }

    @Test
    void shouldStartAfreshAfterScopeIsDropped() {
        registry.register("readings-value", V1);

        MockSchemaRegistry.dropScope(scope);

        assertThat(MockSchemaRegistry.forScope(scope)).isNotSameAs(registry);
        assertThat(MockSchemaRegistry.forScope(scope).getSubjects()).isEmpty();
    }

    @Test
    void shouldAcceptBackwardCompatibleNewVersion() {
        int first = registry.register("readings-value", V1);
        int second = registry.register("readings-value", V2_WITH_DEFAULT);

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(registry.getVersions("readings-value")).containsExactly(1, 2);
        assertThat(registry.getLatestVersion("readings-value"))
                .isEqualTo(new SchemaMetadata("readings-value", 2, 2, V2_WITH_DEFAULT.toString()));
        assertThat(registry.getVersion("readings-value", 1)).isEqualTo(new SchemaMetadata("readings-value", 1, 1, V1.toString()));
    }

    @Test
    void shouldRejectBackwardIncompatibleSchemaWith409() {
        registry.register("readings-value", V1);

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.register("readings-value", V2_WITHOUT_DEFAULT));

        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        assertThat(e).hasMessageStartingWith(
                "Schema being registered is incompatible with an earlier schema for subject \"readings-value\"")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("noise_db");
        assertThat(registry.getVersions("readings-value")).containsExactly(1);
    }

    @Test
    void shouldCheckCompatibilityAgainstLatestVersionOnly() {
        registry.register("readings-value", V1);
        registry.register("readings-value", V2_WITH_DEFAULT);

        // compatible with the latest (V2 has the field, so V2-without-default can read V2 data)
        int third = registry.register("readings-value", V2_WITHOUT_DEFAULT);

        assertThat(third).isEqualTo(3);
        assertThat(registry.getVersions("readings-value")).containsExactly(1, 2, 3);
    }

    @Test
    void shouldAnswerSameIdForSchemaRegisteredAgain() {
        int first = registry.register("readings-value", V1);

        assertThat(registry.register("readings-value", parse(V1.toString()))).isEqualTo(first);
        assertThat(registry.getVersions("readings-value")).containsExactly(1);
    }

    @Test
    void shouldReuseGlobalIdForSameSchemaUnderAnotherSubject() {
        int id = registry.register("readings-value", V1);

        assertThat(registry.register("readings-replay-value", V1)).isEqualTo(id);
        assertThat(registry.getSubjects()).containsExactly("readings-value", "readings-replay-value");
    }

    @Test
    void shouldLookUpRegisteredSchemaAndReportMissingOnes() {
        registry.register("readings-value", V1);
        registry.register("readings-value", V2_WITH_DEFAULT);

        assertThat(registry.lookup("readings-value", V2_WITH_DEFAULT))
                .isEqualTo(new SchemaMetadata("readings-value", 2, 2, V2_WITH_DEFAULT.toString()));
        assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> registry.lookup("readings-value", V2_WITHOUT_DEFAULT))
                .errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> registry.lookup("nothing-value", V1))
                .errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
    }

    @Test
    void shouldAnswerConfluentErrorCodesForMissingAndInvalidVersions() {
        registry.register("readings-value", V1);

        SchemaRegistryException unknownSubject = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.getLatestVersion("nothing-value"));
        SchemaRegistryException missingVersion = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.getVersion("readings-value", 9));
        SchemaRegistryException invalidVersion = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.getVersion("readings-value", 0));
        SchemaRegistryException invalidVersionText = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.testCompatibility("readings-value", "first", V1));

        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownSubject).hasMessage("Subject 'nothing-value' not found.");
        assertThat(missingVersion.errorCode()).isEqualTo(40402);
        assertThat(missingVersion).hasMessage("Version 9 not found.");
        assertThat(invalidVersion.errorCode()).isEqualTo(42202);
        assertThat(invalidVersion.httpStatus()).isEqualTo(422);
        assertThat(invalidVersionText.errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldTestCompatibilityWithoutRegistering() {
        registry.register("readings-value", V1);

        assertThat(registry.testCompatibility("readings-value", "latest", V2_WITH_DEFAULT)).isTrue();
        assertThat(registry.testCompatibility("readings-value", "1", V2_WITHOUT_DEFAULT)).isFalse();
        assertThat(registry.getVersions("readings-value")).containsExactly(1);
        assertThat(registry.getCompatibility()).isEqualTo("BACKWARD");
    }
}
