package org.etlsuite.localstack.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a new schema may join a subject, using Avro's own reader/writer resolution rules
 * ({@link SchemaCompatibility}) as Confluent does. The messages reproduce Confluent's wording
 * ({@code {errorType:'...', description:'...', additionalInfo:'...'}}, then the old version and
 * schema, then the level) so that tooling and people reading a 409 see what they would see there.
 */
final class CompatibilityChecker {

    /** An already registered version to check against. */
    record Existing(int version, ParsedAvroSchema schema) {
    }

    /**
     * @param newestFirst the subject's live versions, newest first (or just the one version a
     *                    compatibility request named)
     * @return the reasons it is incompatible; empty when it is compatible
     */
    List<String> check(ParsedAvroSchema candidate, List<Existing> newestFirst, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || newestFirst.isEmpty()) {
            return List.of();
        }
        List<Existing> against = level.transitive() ? newestFirst : newestFirst.subList(0, 1);
        for (Existing existing : against) {
            List<String> messages = new ArrayList<>();
            if (level.forward()) {
                messages.addAll(describe(existing.schema().schema(), candidate.schema(), "old", "new"));
            }
            if (level.backward()) {
                messages.addAll(describe(candidate.schema(), existing.schema().schema(), "new", "old"));
            }
            if (!messages.isEmpty()) {
                // Transitive levels stop at the newest version that fails, like Confluent.
                messages.add("{oldSchemaVersion: " + existing.version() + "}");
                messages.add("{oldSchema: '" + existing.schema().canonical() + "'}");
                messages.add("{validateFields: 'false', compatibility: '" + level + "'}");
                return messages;
            }
        }
        return List.of();
    }

    private static List<String> describe(Schema reader, Schema writer, String readerLabel, String writerLabel) {
        List<String> messages = new ArrayList<>();
        SchemaCompatibility.SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            messages.add(describe(incompatibility, readerLabel, writerLabel));
        }
        return messages;
    }

    private static String describe(Incompatibility incompatibility, String reader, String writer) {
        String path = incompatibility.getLocation();
        String info = incompatibility.getMessage();
        String description = switch (incompatibility.getType()) {
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '" + info + "' at path '"
                    + path + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '"
                    + path + "' in the " + writer + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + info + "' at path '" + path + "' in the "
                    + reader + " schema has no default value and is missing in the " + writer + " schema";
        };
        return "{errorType:'" + incompatibility.getType() + "', description:'" + description + "', additionalInfo:'"
                + info + "'}";
    }
}
