package org.etlsuite.model.serde;

import java.util.Map;

import org.etlsuite.model.registry.SchemaRegistryClients;

/** Configuration keys shared with Confluent's Avro serdes, so the same client properties work for both. */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClients.URL_CONFIG;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** {@code user:password} for HTTP basic auth against the registry. */
    public static final String BASIC_AUTH_USER_INFO = SchemaRegistryClients.BASIC_AUTH_USER_INFO_CONFIG;

    private AvroSerdeConfig() {
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("Configuration \"" + key + "\" must be true or false, was: " + value);
        }
        return Boolean.parseBoolean(text);
    }
}
