package org.etlsuite.transformer;

/** The registry answers 503 to everything: an outage. */
class RegistryOutageIntegrationTests extends RegistryFailureIntegrationTests {

    @Override
    void failRegistry(FakeSchemaRegistry registry) {
        registry.down();
    }
}
