package org.etlsuite.localstack.registry;

import org.apache.avro.Schema;

/**
 * A schema that Avro accepted, with its canonical text. Like Confluent, the registry stores and
 * answers the canonical text ({@link Schema#toString()}), so {@code {"type": "string"}} comes back
 * as {@code "string"}, and two registrations that differ only in whitespace or key order are the
 * same schema with the same id.
 */
record ParsedAvroSchema(Schema schema, String canonical) {

    /**
     * @param subject only used in the error message, which mirrors Confluent's
     * @throws RegistryException 42201 when the text is empty or not a valid Avro schema
     */
    static ParsedAvroSchema parse(String text, String subject) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        try {
            // A fresh parser per schema: a Parser remembers named types, and a second definition
            // of the same name would otherwise be refused.
            Schema schema = new Schema.Parser().parse(text);
            return new ParsedAvroSchema(schema, schema.toString());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema {subject=" + subject
                    + ", version=0, id=-1, schemaType=AVRO, references=[], metadata=null, ruleSet=null, schema=" + text
                    + "} with refs [] of type AVRO, details: " + e.getMessage());
        }
    }

    /** Re-reads text this registry stored itself (from the state file), which is already canonical. */
    static ParsedAvroSchema ofStored(String canonical) {
        Schema schema = new Schema.Parser().parse(canonical);
        return new ParsedAvroSchema(schema, schema.toString());
    }
}
