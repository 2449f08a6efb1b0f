package org.etlsuite.localstack.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the registry over real HTTP and checks Confluent's status codes and exact bodies. */
class DevelopmentSchemaRegistryTests {

    private static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AdminCredentials ADMIN = new AdminCredentials("etl", "registry-admin-secret");

    /** Deliberately spaced and ordered differently from Avro's canonical text. */
    private static final String READING_V1 = """
            {"namespace": "org.example", "type": "record", "name": "Reading",
             "fields": [ {"name": "sensor_id", "type": "string"} ]}""";
    private static final String READING_V1_CANONICAL =
            "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"org.example\","
                    + "\"fields\":[{\"name\":\"sensor_id\",\"type\":\"string\"}]}";
    /** Backward compatible: the new field has a default. */
    private static final String READING_V2 = """
            {"type": "record", "name": "Reading", "namespace": "org.example", "fields": [
              {"name": "sensor_id", "type": "string"},
              {"name": "noise_db", "type": "double", "default": 0.0}]}""";
    private static final String READING_NEW_FIELD_WITHOUT_DEFAULT = """
            {"type": "record", "name": "Reading", "namespace": "org.example", "fields": [
              {"name": "sensor_id", "type": "string"},
              {"name": "noise_db", "type": "double"}]}""";
    private static final String READING_TYPE_CHANGED = """
            {"type": "record", "name": "Reading", "namespace": "org.example", "fields": [
              {"name": "sensor_id", "type": "int"}]}""";

    @TempDir
    Path stateDir;

    private DevelopmentSchemaRegistry registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        registry = DevelopmentSchemaRegistry.start("localhost", 0, stateDir, ADMIN);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    // ---- registration and ids ----

    @Test
    void shouldRegisterFirstSchemaWithIdOne() throws Exception {
        Answer answer = register("a-value", READING_V1);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"id\":1}");
        assertThat(answer.contentType()).isEqualTo(V1_JSON);
        assertThat(get("/subjects").body()).isEqualTo("[\"a-value\"]");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldReturnSameIdWithoutNewVersionWhenSameSchemaIsRegisteredAgain() throws Exception {
        register("a-value", READING_V1);

        // Same schema, different whitespace and key order: Confluent compares canonical forms.
        Answer again = register("a-value", READING_V1_CANONICAL);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"id\":1}");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldReuseGlobalIdWhenSameSchemaIsRegisteredUnderAnotherSubject() throws Exception {
        register("a-value", READING_V1);

        Answer other = register("b-value", READING_V1);

        assertThat(other.body()).isEqualTo("{\"id\":1}");
        assertThat(get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
        assertThat(get("/subjects/b-value/versions/1").body()).isEqualTo(
                "{\"subject\":\"b-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(READING_V1_CANONICAL) + "}");
        assertThat(get("/schemas/ids/1/versions").body())
                .isEqualTo("[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
        assertThat(get("/schemas/ids/1/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
    }

    @Test
    void shouldRegisterBackwardCompatibleSchemaAsNextVersionWithNewId() throws Exception {
        register("a-value", READING_V1);

        Answer v2 = register("a-value", READING_V2);

        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo("{\"id\":2}");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1,2]");
        JsonNode latest = get("/subjects/a-value/versions/latest").json();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(2);
        assertThat(get("/subjects/a-value/versions/-1").json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRejectNewFieldWithoutDefaultWithConfluentConflictBody() throws Exception {
        register("a-value", READING_V1);

        Answer answer = register("a-value", READING_NEW_FIELD_WITHOUT_DEFAULT);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).isEqualTo(V1_JSON);
        assertThat(fieldNames(answer.json())).containsExactly("error_code", "message");
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(409);
        assertThat(answer.json().get("message").asText()).isEqualTo(
                "Schema being registered is incompatible with an earlier schema for subject \"a-value\", details: ["
                        + "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'noise_db' at path "
                        + "'/fields/1' in the new schema has no default value and is missing in the old schema', "
                        + "additionalInfo:'noise_db'}, {oldSchemaVersion: 1}, {oldSchema: '" + READING_V1_CANONICAL + "'}, "
                        + "{validateFields: 'false', compatibility: 'BACKWARD'}]");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldRejectChangedFieldTypeWithConflict() throws Exception {
        register("a-value", READING_V1);

        Answer answer = register("a-value", READING_TYPE_CHANGED);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(409);
        assertThat(answer.json().get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"a-value\", details: "
                        + "[{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new "
                        + "schema does not match with the old schema', additionalInfo:'reader type: INT not compatible with "
                        + "writer type: STRING'}, {oldSchemaVersion: 1}");
    }

    @Test
    void shouldAnswerCanonicalSchemaTextLikeConfluent() throws Exception {
        assertThat(register("k-key", "{\"type\": \"string\"}").body()).isEqualTo("{\"id\":1}");

        assertThat(get("/schemas/ids/1").body()).isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
        assertThat(get("/subjects/k-key/versions/1").body())
                .isEqualTo("{\"subject\":\"k-key\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}");
    }

    @Test
    void shouldServeVersionLatestRawSchemaAndSchemaById() throws Exception {
        register("a-value", READING_V1);
        String expected = "{\"subject\":\"a-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(READING_V1_CANONICAL) + "}";

        assertThat(get("/subjects/a-value/versions/1").body()).isEqualTo(expected);
        assertThat(get("/subjects/a-value/versions/latest").body()).isEqualTo(expected);
        assertThat(get("/subjects/a-value/versions/1/schema").body()).isEqualTo(READING_V1_CANONICAL);
        assertThat(get("/schemas/ids/1").body()).isEqualTo("{\"schema\":" + quoted(READING_V1_CANONICAL) + "}");
        assertThat(get("/schemas/ids/1/schema").body()).isEqualTo(READING_V1_CANONICAL);
        assertThat(get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void shouldKeepNonAsciiSchemaTextIntact() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"Mérida, µg/m³\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

        register("r-value", schema);

        assertThat(get("/schemas/ids/1").json().get("schema").asText()).isEqualTo(schema);
    }

    @Test
    void shouldFindRegisteredSchemaWithLookup() throws Exception {
        register("a-value", READING_V1);
        register("a-value", READING_V2);

        Answer found = post("/subjects/a-value", schemaBody(READING_V1));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).isEqualTo(
                "{\"subject\":\"a-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(READING_V1_CANONICAL) + "}");
    }

    // ---- not found ----

    @Test
    void shouldAnswerSubjectNotFound() throws Exception {
        assertError(get("/subjects/x/versions"), 404, 40401, "Subject 'x' not found.");
        assertError(get("/subjects/x/versions/latest"), 404, 40401, "Subject 'x' not found.");
        assertError(get("/subjects/x/versions/1"), 404, 40401, "Subject 'x' not found.");
        assertError(post("/subjects/x", schemaBody(READING_V1)), 404, 40401, "Subject 'x' not found.");
    }

    @Test
    void shouldAnswerVersionNotFound() throws Exception {
        register("a-value", READING_V1);

        assertError(get("/subjects/a-value/versions/7"), 404, 40402, "Version 7 not found.");
        assertError(get("/subjects/a-value/versions/7/schema"), 404, 40402, "Version 7 not found.");
    }

    @Test
    void shouldAnswerInvalidVersion() throws Exception {
        register("a-value", READING_V1);
        String message = "The specified version '%s' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"";

        assertError(get("/subjects/a-value/versions/abc"), 422, 42202, message.formatted("abc"));
        assertError(get("/subjects/a-value/versions/0"), 422, 42202, message.formatted("0"));
        assertError(get("/subjects/a-value/versions/-2"), 422, 42202, message.formatted("-2"));
    }

    @Test
    void shouldAnswerSchemaNotFound() throws Exception {
        register("a-value", READING_V1);

        assertError(get("/schemas/ids/7"), 404, 40403, "Schema 7 not found");
        assertError(post("/subjects/a-value", schemaBody(READING_V2)), 404, 40403, "Schema not found");
    }

    @Test
    void shouldAnswerUnknownPathAndMethodLikeJaxRs() throws Exception {
        assertError(get("/nothing/here"), 404, 404, "HTTP 404 Not Found");
        assertError(get("/schemas/ids/abc"), 404, 404, "HTTP 404 Not Found");
        assertError(send("PATCH", "/subjects", null, V1_JSON), 405, 405, "HTTP 405 Method Not Allowed");
    }

    @Test
    void shouldAnswerEmptyObjectAtRoot() throws Exception {
        Answer root = get("/");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("{}");
        assertThat(root.contentType()).isEqualTo(V1_JSON);
    }

    // ---- unprocessable ----

    @Test
    void shouldRejectInvalidAvroSchema() throws Exception {
        Answer answer = register("a-value", "{\"type\":\"record\",\"name\":\"Broken\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(42201);
        assertThat(answer.json().get("message").asText()).startsWith("Invalid schema ").contains("Broken");
        assertThat(get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldRejectSchemaThatIsNotJson() throws Exception {
        Answer answer = register("a-value", "not json at all");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(42201);
    }

    @Test
    void shouldRejectEmptySchema() throws Exception {
        assertError(post("/subjects/a-value/versions", "{}"), 422, 42201, "Empty schema");
        assertError(register("a-value", "  "), 422, 42201, "Empty schema");
    }

    @Test
    void shouldRejectSchemaTypesOtherThanAvro() throws Exception {
        String body = JSON.createObjectNode().put("schemaType", "PROTOBUF").put("schema", "syntax = \"proto3\";").toString();

        Answer answer = post("/subjects/a-value/versions", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(42201);
        assertThat(answer.json().get("message").asText()).startsWith("Invalid schema type PROTOBUF");
    }

    @Test
    void shouldAcceptExplicitAvroSchemaTypeAndEmptyReferences() throws Exception {
        String body = JSON.createObjectNode().put("schemaType", "AVRO").put("schema", READING_V1)
                .putNull("metadata").set("references", JSON.createArrayNode()).toString();

        assertThat(post("/subjects/a-value/versions", body).body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldRejectMalformedJsonBody() throws Exception {
        Answer answer = post("/subjects/a-value/versions", "{\"schema\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldNames(answer.json())).containsExactly("error_code", "message");
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(400);
    }

    @Test
    void shouldRejectBodyThatIsNotAnObject() throws Exception {
        Answer answer = post("/subjects/a-value/versions", "[1,2]");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(422);
    }

    // ---- content types ----

    @Test
    void shouldAcceptAllConfluentRequestContentTypes() throws Exception {
        assertThat(send("POST", "/subjects/a-value/versions", schemaBody(READING_V1), "application/json").body())
                .isEqualTo("{\"id\":1}");
        assertThat(send("POST", "/subjects/b-value/versions", schemaBody(READING_V1), "application/vnd.schemaregistry+json").body())
                .isEqualTo("{\"id\":1}");
        assertThat(send("POST", "/subjects/c-value/versions", schemaBody(READING_V1), V1_JSON).body())
                .isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldRefuseUnsupportedRequestContentType() throws Exception {
        assertError(send("POST", "/subjects/a-value/versions", "schema=x", "application/x-www-form-urlencoded"),
                415, 415, "HTTP 415 Unsupported Media Type");
    }

    @Test
    void shouldAnswerPlainJsonWhenOnlyPlainJsonIsAccepted() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/config"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    // ---- config ----

    @Test
    void shouldReadAndChangeGlobalCompatibility() throws Exception {
        assertThat(get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        Answer put = put("/config", "{\"compatibility\":\"FULL\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldRejectUnknownCompatibilityLevel() throws Exception {
        String message = "Invalid compatibility level. Valid values are none, backward, forward, full, "
                + "backward_transitive, forward_transitive, and full_transitive";

        assertError(put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203, message);
        assertError(put("/config/a-value", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203, message);
        assertThat(get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldAnswerSubjectLevelOnlyWhenConfiguredUnlessDefaultToGlobal() throws Exception {
        assertError(get("/config/a-value"), 404, 40408, "Subject 'a-value' does not have subject-level compatibility configured");
        assertThat(get("/config/a-value?defaultToGlobal=true").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(put("/config/a-value", "{\"compatibility\":\"none\"}").body()).isEqualTo("{\"compatibility\":\"NONE\"}");

        assertThat(get("/config/a-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldApplySubjectLevelCompatibilityWhenRegistering() throws Exception {
        register("a-value", READING_V1);
        register("b-value", READING_V1);
        put("/config/a-value", "{\"compatibility\":\"NONE\"}");

        assertThat(register("a-value", READING_TYPE_CHANGED).status()).isEqualTo(200);
        assertThat(register("b-value", READING_TYPE_CHANGED).status()).isEqualTo(409);
    }

    @Test
    void shouldApplyForwardCompatibilityWhenRegistering() throws Exception {
        put("/config", "{\"compatibility\":\"FORWARD\"}");
        register("a-value", READING_V1);
        register("b-value", READING_NEW_FIELD_WITHOUT_DEFAULT);

        // Old readers skip a field they do not know, so adding one without a default is forward compatible...
        Answer added = register("a-value", READING_NEW_FIELD_WITHOUT_DEFAULT);
        // ...but dropping a field that old readers need and cannot default is not.
        Answer dropped = register("b-value", READING_V1);

        assertThat(added.status()).isEqualTo(200);
        assertThat(dropped.status()).isEqualTo(409);
        assertThat(dropped.json().get("message").asText()).contains("[{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', "
                + "description:'The field 'noise_db' at path '/fields/1' in the old schema has no default value and is "
                + "missing in the new schema', additionalInfo:'noise_db'}, {oldSchemaVersion: 1}", "compatibility: 'FORWARD'");
    }

    // ---- compatibility endpoint ----

    @Test
    void shouldTellWhetherSchemaIsCompatibleWithLatest() throws Exception {
        register("a-value", READING_V1);

        assertThat(post("/compatibility/subjects/a-value/versions/latest", schemaBody(READING_V2)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(post("/compatibility/subjects/a-value/versions/latest", schemaBody(READING_NEW_FIELD_WITHOUT_DEFAULT)).body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(post("/compatibility/subjects/a-value/versions/1", schemaBody(READING_TYPE_CHANGED)).body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(post("/compatibility/subjects/a-value/versions", schemaBody(READING_V2)).body())
                .isEqualTo("{\"is_compatible\":true}");
        // Checking registers nothing.
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldExplainIncompatibilityWhenVerbose() throws Exception {
        register("a-value", READING_V1);

        JsonNode incompatible = post("/compatibility/subjects/a-value/versions/latest?verbose=true",
                schemaBody(READING_NEW_FIELD_WITHOUT_DEFAULT)).json();
        JsonNode compatible = post("/compatibility/subjects/a-value/versions/latest?verbose=true", schemaBody(READING_V2)).json();

        assertThat(incompatible.get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.get("messages")).extracting(JsonNode::asText).containsExactly(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'noise_db' at path '/fields/1' in "
                        + "the new schema has no default value and is missing in the old schema', additionalInfo:'noise_db'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + READING_V1_CANONICAL + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
        assertThat(compatible.toString()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    }

    @Test
    void shouldAnswerNotFoundForCompatibilityAgainstMissingSubjectOrVersion() throws Exception {
        assertError(post("/compatibility/subjects/x/versions/latest", schemaBody(READING_V1)), 404, 40401,
                "Subject 'x' not found.");
        register("a-value", READING_V1);
        assertError(post("/compatibility/subjects/a-value/versions/7", schemaBody(READING_V1)), 404, 40402,
                "Version 7 not found.");
        assertError(post("/compatibility/subjects/a-value/versions/nope", schemaBody(READING_V1)), 422, 42202,
                "The specified version 'nope' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        assertThat(post("/compatibility/subjects/x/versions", schemaBody(READING_V1)).body()).isEqualTo("{\"is_compatible\":true}");
    }

    // ---- deletion ----

    @Test
    void shouldSoftDeleteThenPermanentlyDeleteSubject() throws Exception {
        register("a-value", READING_V1);
        register("a-value", READING_V2);

        assertThat(delete("/subjects/a-value").body()).isEqualTo("[1,2]");

        assertThat(get("/subjects").body()).isEqualTo("[]");
        assertThat(get("/subjects?deleted=true").body()).isEqualTo("[\"a-value\"]");
        assertError(get("/subjects/a-value/versions"), 404, 40401, "Subject 'a-value' not found.");
        assertThat(get("/subjects/a-value/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(get("/schemas/ids/2").status()).isEqualTo(200);
        assertError(delete("/subjects/a-value"), 404, 40404,
                "Subject 'a-value' was soft deleted.Set permanent=true to delete permanently");

        assertThat(delete("/subjects/a-value?permanent=true").body()).isEqualTo("[1,2]");

        assertError(get("/schemas/ids/2"), 404, 40403, "Schema 2 not found");
        assertThat(get("/subjects?deleted=true").body()).isEqualTo("[]");
        // Ids are never handed out twice, even after a permanent delete.
        assertThat(register("a-value", READING_TYPE_CHANGED).body()).isEqualTo("{\"id\":3}");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldRefusePermanentDeleteBeforeSoftDelete() throws Exception {
        register("a-value", READING_V1);

        assertError(delete("/subjects/a-value?permanent=true"), 404, 40405,
                "Subject 'a-value' was not deleted first before being permanently deleted");
        assertError(delete("/subjects/x"), 404, 40401, "Subject 'x' not found.");
    }

    @Test
    void shouldContinueVersionNumbersAfterSoftDeletingOneVersion() throws Exception {
        register("a-value", READING_V1);
        register("a-value", READING_V2);

        assertThat(delete("/subjects/a-value/versions/2").body()).isEqualTo("2");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1]");

        // Re-registering the deleted schema makes a new version with the schema's existing id.
        assertThat(register("a-value", READING_V2).body()).isEqualTo("{\"id\":2}");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1,3]");
    }

    // ---- persistence ----

    @Test
    void shouldKeepIdsAndSettingsAcrossRestart() throws Exception {
        register("a-value", READING_V1);
        put("/config", "{\"compatibility\":\"FULL\"}");
        put("/config/a-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        registry.close();

        registry = DevelopmentSchemaRegistry.start("localhost", 0, stateDir, ADMIN);

        assertThat(get("/schemas/ids/1").body()).isEqualTo("{\"schema\":" + quoted(READING_V1_CANONICAL) + "}");
        assertThat(get("/subjects/a-value/versions/1").json().get("id").asInt()).isEqualTo(1);
        assertThat(get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(get("/config/a-value").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
        assertThat(register("a-value", READING_V1).body()).isEqualTo("{\"id\":1}");
        assertThat(register("a-value", READING_V2).body()).isEqualTo("{\"id\":2}");
        assertThat(get("/subjects/a-value/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void shouldWriteStateFileAtomicallyWithoutLeftovers() throws Exception {
        register("a-value", READING_V1);

        JsonNode state = JSON.readTree(registry.stateFile().toFile());

        assertThat(registry.stateFile().getFileName().toString()).isEqualTo(SchemaStore.STATE_FILE);
        assertThat(state.get("nextId").asInt()).isEqualTo(2);
        assertThat(state.get("schemas").get(0).get("schema").asText()).isEqualTo(READING_V1_CANONICAL);
        assertThat(state.get("subjects").get(0).get("subject").asText()).isEqualTo("a-value");
        try (Stream<Path> files = Files.list(stateDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(SchemaStore.STATE_FILE, "schema-registry.lock");
        }
    }

    @Test
    void shouldRefuseSecondRegistryOnSameStateDirectory() {
        assertThatThrownBy(() -> DevelopmentSchemaRegistry.start("localhost", 0, stateDir, ADMIN))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("already using the state directory");
    }

    @Test
    void shouldRefuseToStartOnCorruptStateFile() throws Exception {
        registry.close();
        Files.writeString(stateDir.resolve(SchemaStore.STATE_FILE), "{ not json");

        assertThatThrownBy(() -> DevelopmentSchemaRegistry.start("localhost", 0, stateDir, ADMIN))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot read the Schema Registry state file");
        registry = DevelopmentSchemaRegistry.start("localhost", 0, Files.createDirectory(stateDir.resolve("fresh")), ADMIN);
    }

    @Test
    void shouldHandOutDistinctIdsToConcurrentRegistrations() throws Exception {
        int writers = 8;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String schema = "{\"type\":\"record\",\"name\":\"R" + i + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
            String subject = "s" + i + "-value";
            tasks.add(() -> register(subject, schema).json().get("id").asInt());
            // The same schema twice in one subject, racing: must still be one version.
            tasks.add(() -> register("shared-value", READING_V1).json().get("id").asInt());
        }
        Set<Integer> ids = new TreeSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (Future<Integer> future : pool.invokeAll(tasks)) {
                ids.add(future.get());
            }
        }

        assertThat(ids).hasSize(writers + 1).allMatch(id -> id >= 1 && id <= writers + 1);
        assertThat(get("/subjects/shared-value/versions").body()).isEqualTo("[1]");
        registry.close();
        registry = DevelopmentSchemaRegistry.start("localhost", 0, stateDir, ADMIN);
        assertThat(get("/subjects").json()).hasSize(writers + 1);
    }

    // ---- helpers ----

    private record Answer(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static void assertError(Answer answer, int status, int errorCode, String message) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(V1_JSON);
        JsonNode json = answer.json();
        assertThat(fieldNames(json)).containsExactly("error_code", "message");
        assertThat(json.get("error_code").asInt()).isEqualTo(errorCode);
        assertThat(json.get("message").asText()).isEqualTo(message);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    private Answer register(String subject, String schema) throws Exception {
        return post("/subjects/" + subject + "/versions", schemaBody(schema));
    }

    private Answer get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private Answer post(String path, String body) throws Exception {
        return send("POST", path, body, V1_JSON);
    }

    /** As the admin: every PUT needs the credentials. */
    private Answer put(String path, String body) throws Exception {
        return send("PUT", path, body, V1_JSON);
    }

    /** As the admin: every DELETE needs the credentials. */
    private Answer delete(String path) throws Exception {
        return send("DELETE", path, null, null);
    }

    private Answer send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", V1_JSON)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN.user() + ":" + ADMIN.password()).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    private URI uri(String path) {
        return URI.create(registry.url() + path);
    }
}
