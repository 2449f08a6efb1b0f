package org.etlsuite.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTests {

    @Test
    void shouldChooseMockRegistryForMockUrl() {
        String scope = "clients-tests-" + System.nanoTime();
        try {
            assertThat(SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, "mock://" + scope)))
                    .isSameAs(MockSchemaRegistry.forScope(scope));
            assertThat(SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, List.of("mock://" + scope))))
                    .isSameAs(MockSchemaRegistry.forScope(scope));
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    @Test
    void shouldChooseHttpClientForHttpUrlWithoutContactingIt() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfigs(
                Map.of(SchemaRegistryClients.URL_CONFIG, "http://schema-registry:8081/"));

        assertThat(client).isInstanceOf(HttpSchemaRegistryClient.class);
        assertThat(((HttpSchemaRegistryClient) client).baseUrl()).isEqualTo("http://schema-registry:8081");
        client.close();
    }

    @Test
    void shouldRejectMissingOrBlankUrl() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfigs(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing required configuration \"schema.registry.url\" (e.g. http://localhost:8081, or mock://<scope> in tests)");
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Missing required configuration \"schema.registry.url\"");
    }
}
