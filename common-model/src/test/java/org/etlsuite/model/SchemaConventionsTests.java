package org.etlsuite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every event schema follows, checked on the files so that a new schema cannot skip them. */
class SchemaConventionsTests {

    private static final Path SCHEMAS = Path.of("..", "schemas");

    static Stream<Path> schemaFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SCHEMAS)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".avsc")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("urban-sensor-reading.avsc", "product-event.avsc", "transport-trip.avsc");
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldDocumentTheRecordEveryFieldAndEveryNamedType(Path file) throws IOException {
        Schema record = parse(file);

        List<String> undocumented = new ArrayList<>();
        collectUndocumented(record, undocumented);
        assertThat(undocumented).as("fields and types without a doc in %s", file.getFileName()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldPlaceEveryNamedTypeInAnExplicitEventsNamespace(Path file) throws IOException {
        Schema record = parse(file);

        assertThat(record.getType()).isEqualTo(Schema.Type.RECORD);
        for (Schema named : namedTypes(record)) {
            assertThat(named.getNamespace()).as(named.getName()).startsWith("org.etlsuite.events.");
        }
        // Explicit in the file, not inherited: the generated package must not depend on nesting
        assertThat(Files.readString(file)).contains("\"namespace\": \"" + record.getNamespace() + "\"");
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldUseUpperCaseIdentifiersAsEnumSymbols(Path file) throws IOException {
        for (Schema named : namedTypes(parse(file))) {
            if (named.getType() == Schema.Type.ENUM) {
                assertThat(named.getEnumSymbols()).as(named.getName()).allMatch(s -> s.matches("[A-Z][A-Z0-9_]*"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldMakeOptionalFieldsNullFirstWithANullDefault(Path file) throws IOException {
        for (Schema.Field field : parse(file).getFields()) {
            if (field.schema().isUnion()) {
                assertThat(field.schema().getTypes().getFirst().getType()).as(field.name()).isEqualTo(Schema.Type.NULL);
                assertThat(field.defaultVal()).as(field.name()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldCarryTheEventTimeAsTimestampMillis(Path file) throws IOException {
        Schema record = parse(file);

        long timestamps = record.getFields().stream()
                .filter(f -> LogicalTypes.timestampMillis().equals(f.schema().getLogicalType()))
                .count();
        assertThat(timestamps).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void shouldPackageTheSchemaFileAsAClasspathResource(Path file) throws IOException {
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream("schemas/" + file.getFileName())) {
            assertThat(resource).isNotNull();
            assertThat(new String(resource.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(file));
        }
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }

    private static void collectUndocumented(Schema schema, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (isBlank(schema.getDoc())) {
                    undocumented.add("record " + schema.getName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        undocumented.add("field " + schema.getName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), undocumented);
                }
            }
            case ENUM, FIXED -> {
                if (isBlank(schema.getDoc())) {
                    undocumented.add(schema.getType().getName() + " " + schema.getName());
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collectUndocumented(branch, undocumented));
            case ARRAY -> collectUndocumented(schema.getElementType(), undocumented);
            case MAP -> collectUndocumented(schema.getValueType(), undocumented);
            default -> {
            }
        }
    }

    private static List<Schema> namedTypes(Schema record) {
        List<Schema> named = new ArrayList<>();
        named.add(record);
        for (Schema.Field field : record.getFields()) {
            Stream<Schema> branches = field.schema().isUnion() ? field.schema().getTypes().stream() : Stream.of(field.schema());
            branches.filter(s -> s.getType() == Schema.Type.ENUM || s.getType() == Schema.Type.RECORD
                    || s.getType() == Schema.Type.FIXED).forEach(named::add);
        }
        return named;
    }

    private static boolean isBlank(String doc) {
        return doc == null || doc.isBlank();
    }
}
