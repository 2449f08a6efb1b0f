package org.etlsuite.model.registry;

import java.util.Map;

/** Chooses the registry client for a {@code schema.registry.url}: in-memory for {@code mock://}, HTTP otherwise. */
public final class SchemaRegistryClients {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        Object url = configs.get(URL_CONFIG);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + URL_CONFIG
                    + "\" (e.g. http://localhost:8081, or mock://<scope> in tests)");
        }
        String value = url.toString().trim();
        if (value.startsWith(MockSchemaRegistry.URL_PREFIX)) {
            return MockSchemaRegistry.forScope(value.substring(MockSchemaRegistry.URL_PREFIX.length()));
        }
        return HttpSchemaRegistryClient.fromConfigs(configs);
    }
}
