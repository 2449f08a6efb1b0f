package org.etlsuite.transformer;

/**
 * The registry (or a proxy in front of it) answers the schema lookup with HTTP 200 and a body that is
 * no schema at all: as much an outage as a 503, since it says nothing about the record.
 */
class RegistryMalformedAnswerIntegrationTests extends RegistryFailureIntegrationTests {

    @Override
    void failRegistry(FakeSchemaRegistry registry) {
        registry.answerSchemasWith("<html><body><h1>Single sign-on</h1><form action=\"/login\"></form></body></html>");
    }
}
