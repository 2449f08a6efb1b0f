package org.etlsuite.model.registry;

import java.util.Collection;
import java.util.Map;

/** Chooses the registry client for a {@code schema.registry.url}: in-memory for {@code mock://}, HTTP otherwise. */
public final class SchemaRegistryClients {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        String url = firstUrl(configs.get(URL_CONFIG));
        if (url == null) {
            throw new IllegalArgumentException("Missing required configuration \"" + URL_CONFIG
                    + "\" (e.g. http://localhost:8081, or mock://<scope> in tests)");
        }
        if (url.startsWith(MockSchemaRegistry.URL_PREFIX)) {
            return MockSchemaRegistry.forScope(url.substring(MockSchemaRegistry.URL_PREFIX.length()));
        }
        return HttpSchemaRegistryClient.fromConfigs(configs);
    }

    /**
     * The first URL of a {@code schema.registry.url} value, which Kafka-style configs may give as a
     * comma-separated string or (Confluent declares it a LIST) as a collection; {@code null} when absent.
     */
    static String firstUrl(Object value) {
        Object first = value instanceof Collection<?> list ? list.stream().findFirst().orElse(null) : value;
        if (first == null) {
            return null;
        }
        String url = first.toString().split(",")[0].trim();
        return url.isEmpty() ? null : url;
    }
}
