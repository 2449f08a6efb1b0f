package org.etlsuite.localstack.registry;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompatibilityCheckerTests {

    private static final ParsedAvroSchema A_INT = schema("{\"name\":\"a\",\"type\":\"int\"}");
    private static final ParsedAvroSchema EMPTY = schema("");
    private static final ParsedAvroSchema A_STRING_WITH_DEFAULT = schema("{\"name\":\"a\",\"type\":\"string\",\"default\":\"\"}");
    private static final ParsedAvroSchema A_INT_B_LONG = schema("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"long\"}");
    private static final ParsedAvroSchema A_LONG = schema("{\"name\":\"a\",\"type\":\"long\"}");

    private final CompatibilityChecker checker = new CompatibilityChecker();

    @Test
    void shouldAcceptAnythingWithLevelNone() {
        assertThat(checker.check(A_INT_B_LONG, history(A_INT), CompatibilityLevel.NONE)).isEmpty();
    }

    @Test
    void shouldAcceptFirstVersionAtEveryLevel() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(checker.check(A_INT_B_LONG, List.of(), level)).as(level.name()).isEmpty();
        }
    }

    @Test
    void shouldAllowTypePromotionBackwardButNotForward() {
        // A long reader can read int data; an int reader cannot read long data.
        assertThat(checker.check(A_LONG, history(A_INT), CompatibilityLevel.BACKWARD)).isEmpty();

        assertThat(checker.check(A_LONG, history(A_INT), CompatibilityLevel.FORWARD)).containsExactly(
                "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the old schema "
                        + "does not match with the new schema', additionalInfo:'reader type: INT not compatible with writer type: LONG'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + A_INT.canonical() + "'}",
                "{validateFields: 'false', compatibility: 'FORWARD'}");
    }

    @Test
    void shouldReportForwardProblemsBeforeBackwardOnesForFull() {
        // Dropping "b" breaks old readers (no default); adding "b" breaks new readers of old data.
        List<String> dropped = checker.check(A_INT, history(A_INT_B_LONG), CompatibilityLevel.FULL);
        List<String> added = checker.check(A_INT_B_LONG, history(A_INT), CompatibilityLevel.FULL);

        assertThat(dropped.getFirst()).isEqualTo("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' "
                + "at path '/fields/1' in the old schema has no default value and is missing in the new schema', additionalInfo:'b'}");
        assertThat(added.getFirst()).isEqualTo("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' "
                + "at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'b'}");
        assertThat(added.getLast()).isEqualTo("{validateFields: 'false', compatibility: 'FULL'}");
    }

    @Test
    void shouldCheckOnlyLatestVersionUnlessTransitive() {
        // v1 {a:int}, v2 {} ; candidate {a:string, default ""} reads v2 data but not v1 data.
        List<CompatibilityChecker.Existing> newestFirst = List.of(
                new CompatibilityChecker.Existing(2, EMPTY), new CompatibilityChecker.Existing(1, A_INT));

        assertThat(checker.check(A_STRING_WITH_DEFAULT, newestFirst, CompatibilityLevel.BACKWARD)).isEmpty();
        assertThat(checker.check(A_STRING_WITH_DEFAULT, newestFirst, CompatibilityLevel.BACKWARD_TRANSITIVE))
                .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}")
                .first().asString().startsWith("{errorType:'TYPE_MISMATCH'");
        assertThat(checker.check(A_STRING_WITH_DEFAULT, newestFirst, CompatibilityLevel.FULL_TRANSITIVE))
                .contains("{oldSchemaVersion: 1}");
    }

    @Test
    void shouldReportRenamedRecordAndMissingEnumSymbol() {
        ParsedAvroSchema colors = ParsedAvroSchema.parse("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"BLUE\"]}", "s");
        ParsedAvroSchema fewerColors = ParsedAvroSchema.parse("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\"]}", "s");
        ParsedAvroSchema renamed = ParsedAvroSchema.parse("{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}", "s");

        assertThat(checker.check(fewerColors, history(colors), CompatibilityLevel.BACKWARD).getFirst())
                .isEqualTo("{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols '[BLUE]' "
                        + "at path '/symbols' in the old schema', additionalInfo:'[BLUE]'}");
        assertThat(checker.check(renamed, history(A_INT), CompatibilityLevel.BACKWARD).getFirst())
                .isEqualTo("{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', "
                        + "additionalInfo:'expected: R'}");
    }

    private static List<CompatibilityChecker.Existing> history(ParsedAvroSchema only) {
        return List.of(new CompatibilityChecker.Existing(1, only));
    }

    private static ParsedAvroSchema schema(String fields) {
        return ParsedAvroSchema.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}", "s");
    }
}
