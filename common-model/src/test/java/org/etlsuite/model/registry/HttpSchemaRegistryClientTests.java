package org.etlsuite.model.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.avro.Schema;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSchemaRegistryClientTests {

    private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Schema SCHEMA = UrbanSensorReading.getClassSchema();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpSchemaRegistryClient.RetryPolicy FAST_RETRY = new HttpSchemaRegistryClient.RetryPolicy(
            3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5));

    @RegisterExtension
    static final WireMockExtension registry = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private HttpSchemaRegistryClient client() {
        return new HttpSchemaRegistryClient(registry.baseUrl(), null, FAST_RETRY);
    }

    private static String schemaJson(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
    }

    @Test
    void shouldRegisterWithConfluentContentTypeAcceptHeaderAndSchemaBody() throws IOException {
        registry.stubFor(post("/subjects/urban-sensors-value/versions").willReturn(okJson("{\"id\":21}")
                .withHeader("Content-Type", CONFLUENT_JSON)));

        int id = client().register("urban-sensors-value", SCHEMA);

        assertThat(id).isEqualTo(21);
        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/urban-sensors-value/versions"))
                .withHeader("Content-Type", equalTo(CONFLUENT_JSON))
                .withHeader("Accept", equalTo("application/vnd.schemaregistry.v1+json, "
                        + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5"))
                .withHeader("Authorization", absent())
                // plain HTTP/1.1 like Confluent's client, no h2c upgrade attempt
                .withHeader("Upgrade", absent())
                .withRequestBody(equalToJson(schemaJson(SCHEMA))));
        LoggedRequest request = registry.getAllServeEvents().getFirst().getRequest();
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.properties()).hasSize(1);
        assertThat(body.get("schema").asText()).isEqualTo(SCHEMA.toString());
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(SCHEMA);
    }

    @Test
    void shouldLookUpRegisteredSchemaWithoutRegistering() {
        registry.stubFor(post("/subjects/urban-sensors-value").willReturn(okJson(JSON.createObjectNode()
                .put("subject", "urban-sensors-value").put("version", 3).put("id", 21).put("schema", SCHEMA.toString())
                .toString())));

        SchemaMetadata metadata = client().lookup("urban-sensors-value", SCHEMA);

        assertThat(metadata).isEqualTo(new SchemaMetadata("urban-sensors-value", 3, 21, SCHEMA.toString()));
        registry.verify(postRequestedFor(urlEqualTo("/subjects/urban-sensors-value"))
                .withHeader("Content-Type", equalTo(CONFLUENT_JSON))
                .withRequestBody(equalToJson(schemaJson(SCHEMA))));
    }

    @Test
    void shouldFetchAndParseSchemaById() {
        registry.stubFor(get("/schemas/ids/21").willReturn(okJson(schemaJson(SCHEMA))));

        Schema schema = client().getSchemaById(21);

        assertThat(schema).isEqualTo(SCHEMA);
        assertThat(schema.getField("sensor_id").schema().getProp("avro.java.string")).isEqualTo("String");
        registry.verify(getRequestedFor(urlEqualTo("/schemas/ids/21")).withHeader("Content-Type", absent()));
    }

    @Test
    void shouldRejectSchemaOfAnotherTypeThanAvro() {
        registry.stubFor(get("/schemas/ids/5").willReturn(okJson(
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}")));

        assertThatThrownBy(() -> client().getSchemaById(5))
                .isInstanceOfSatisfying(UnsupportedSchemaTypeException.class, e -> {
                    assertThat(e.schemaType()).isEqualTo("PROTOBUF");
                    assertThat(e.httpStatus()).isEqualTo(200);
                })
                .hasMessageStartingWith("Schema id 5 is a PROTOBUF schema, not Avro");
    }

    /**
     * Bodies a broken registry or a proxy in front of it answers with HTTP 200. None of them says
     * anything about schema id 7, so none may pass as a schema, nor as "this id is not Avro".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                         | `<html><body>Gateway login</body></html>`     | a body that is not JSON
            empty                            | ``                                            | an empty body
            JSON followed by more            | `{"schema":"\\"string\\""} trailing`            | a body that is not JSON
            a JSON array                     | `["schema"]`                                  | a body that is not a JSON object
            no schema                        | `{"id":7}`                                    | no "schema"
            schema null                      | `{"schema":null}`                             | no "schema"
            schema a number                  | `{"schema":42}`                               | "schema" that is not a string
            schema an object, not its text   | `{"schema":{"type":"string"}}`                | "schema" that is not a string
            schema that does not parse       | `{"schema":"{\\"type\\":\\"record\\",\\"fields\\":[]}"}` | a schema for id 7 that is not valid Avro
            schema text that is not JSON     | `{"schema":"not a schema"}`                   | a schema for id 7 that is not valid Avro
            schemaType a number              | `{"schemaType":1,"schema":"\\"string\\""}`      | "schemaType" that is not a string
            """)
    void shouldReportAMalformedSuccessAnswerForASchemaByIdAsARegistryFailure(String kind, String body, String what) {
        registry.stubFor(get("/schemas/ids/7").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", CONFLUENT_JSON).withBody(body == null ? "" : body)));

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client().getSchemaById(7));

        assertThat(e).isNotInstanceOf(UnsupportedSchemaTypeException.class);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.schemaNotFound()).isFalse();
        assertThat(e).hasMessageStartingWith("Schema Registry answered GET " + registry.baseUrl() + "/schemas/ids/7 with HTTP 200 "
                + "but a malformed body: " + what);
    }

    @Test
    void shouldQuoteOnlyTheStartOfALongMalformedBody() {
        String page = "<html>" + "x".repeat(10_000) + "</html>";
        registry.stubFor(get("/schemas/ids/7").willReturn(aResponse().withStatus(200).withBody(page)));

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client().getSchemaById(7));

        assertThat(e.getMessage()).endsWith("; body: " + page.substring(0, 200) + "...");
    }

    @Test
    void shouldReportMistypedFieldsOfOtherSuccessAnswersAsRegistryFailures() {
        registry.stubFor(post("/subjects/urban-sensors-value/versions").willReturn(okJson("{\"id\":\"21\"}")));
        registry.stubFor(post("/subjects/urban-sensors-value").willReturn(okJson("{\"subject\":\"urban-sensors-value\",\"id\":21,"
                + "\"schema\":\"\\\"string\\\"\"}")));
        registry.stubFor(get("/subjects/urban-sensors-value/versions").willReturn(okJson("{\"versions\":[1,2]}")));
        registry.stubFor(get("/subjects").willReturn(okJson("[1,2]")));
        registry.stubFor(get("/config").willReturn(okJson("{\"compatibility\":\"BACKWARD\"}")));
        registry.stubFor(post("/compatibility/subjects/urban-sensors-value/versions/latest").willReturn(okJson("{\"is_compatible\":\"true\"}")));
        HttpSchemaRegistryClient client = client();

        assertThatThrownBy(() -> client.register("urban-sensors-value", SCHEMA)).hasMessageContaining("malformed body: \"id\" that is not an integer");
        assertThatThrownBy(() -> client.lookup("urban-sensors-value", SCHEMA)).hasMessageContaining("malformed body: no \"version\"");
        assertThatThrownBy(() -> client.getVersions("urban-sensors-value")).hasMessageContaining("malformed body: a body that is not a JSON array");
        assertThatThrownBy(client::getSubjects).hasMessageContaining("malformed body: an array holding 1, not a string");
        assertThatThrownBy(client::getCompatibility).hasMessageContaining("malformed body: no \"compatibilityLevel\"");
        assertThatThrownBy(() -> client.testCompatibility("urban-sensors-value", "latest", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(200))
                .hasMessageContaining("malformed body: \"is_compatible\" that is not a boolean");
    }

    @Test
    void shouldReadSubjectsVersionsAndCompatibility() {
        String version = JSON.createObjectNode().put("subject", "urban-sensors-value").put("version", 2).put("id", 22)
                .put("schema", SCHEMA.toString()).toString();
        registry.stubFor(get("/subjects/urban-sensors-value/versions/latest").willReturn(okJson(version)));
        registry.stubFor(get("/subjects/urban-sensors-value/versions/2").willReturn(okJson(version)));
        registry.stubFor(get("/subjects/urban-sensors-value/versions").willReturn(okJson("[1,2]")));
        registry.stubFor(get("/subjects").willReturn(okJson("[\"urban-sensors-value\",\"urban-sensors-key\"]")));
        registry.stubFor(get("/config").willReturn(okJson("{\"compatibilityLevel\":\"BACKWARD\"}")));
        registry.stubFor(post("/compatibility/subjects/urban-sensors-value/versions/latest")
                .withRequestBody(equalToJson(schemaJson(SCHEMA)))
                .willReturn(okJson("{\"is_compatible\":true}")));
        HttpSchemaRegistryClient client = client();

        SchemaMetadata expected = new SchemaMetadata("urban-sensors-value", 2, 22, SCHEMA.toString());
        assertThat(client.getLatestVersion("urban-sensors-value")).isEqualTo(expected);
        assertThat(client.getVersion("urban-sensors-value", 2)).isEqualTo(expected);
        assertThat(client.getVersions("urban-sensors-value")).containsExactly(1, 2);
        assertThat(client.getSubjects()).containsExactly("urban-sensors-value", "urban-sensors-key");
        assertThat(client.getCompatibility()).isEqualTo("BACKWARD");
        assertThat(client.testCompatibility("urban-sensors-value", "latest", SCHEMA)).isTrue();
    }

    @ParameterizedTest(name = "error_code {1} (HTTP {0})")
    @CsvSource(delimiter = '|', textBlock = """
            404 | 40401 | GET  | /subjects/urban-sensors-value/versions/latest | Subject 'urban-sensors-value' not found.      | Subject not found
            404 | 40402 | GET  | /subjects/urban-sensors-value/versions/9      | Version 9 not found.                          | Version not found
            404 | 40403 | GET  | /schemas/ids/42                               | Schema 42 not found                           | Schema not found
            409 | 409   | POST | /subjects/urban-sensors-value/versions        | Schema being registered is incompatible       | Schema is incompatible with the subject's compatibility level
            422 | 42201 | POST | /subjects/urban-sensors-value/versions        | Either the input schema or one its references is invalid | Invalid schema
            422 | 42202 | GET  | /subjects/urban-sensors-value/versions/0      | The specified version '0' is not a valid version id | Invalid version
            """)
    void shouldMapConfluentErrorBodyToExceptionWithCodeAndExplanation(int status, int code, String method, String path,
            String registryMessage, String explanation) {
        registry.stubFor((method.equals("GET") ? get(path) : post(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", CONFLUENT_JSON).withBody(error(code, registryMessage))));
        HttpSchemaRegistryClient client = client();

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> {
            switch (path) {
                case "/subjects/urban-sensors-value/versions/latest" -> client.getLatestVersion("urban-sensors-value");
                case "/subjects/urban-sensors-value/versions/9" -> client.getVersion("urban-sensors-value", 9);
                case "/subjects/urban-sensors-value/versions/0" -> client.getVersion("urban-sensors-value", 0);
                case "/schemas/ids/42" -> client.getSchemaById(42);
                default -> client.register("urban-sensors-value", SCHEMA);
            }
        });

        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e).hasMessage(explanation + ": " + registryMessage + " (" + method + " " + registry.baseUrl() + path
                + ", HTTP " + status + ")");
        registry.verify(1, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo(path)));
    }

    @Test
    void shouldNotRetryClientErrors() {
        registry.stubFor(get("/schemas/ids/42").willReturn(aResponse().withStatus(404)
                .withBody(error(40403, "Schema 42 not found"))));

        assertThatThrownBy(() -> client().getSchemaById(42)).isInstanceOf(SchemaRegistryException.class);

        registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/42")));
    }

    @Test
    void shouldRetryServiceUnavailableWithBackoffThenSucceed() {
        registry.stubFor(get("/schemas/ids/21").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        registry.stubFor(get("/schemas/ids/21").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        registry.stubFor(get("/schemas/ids/21").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(schemaJson(SCHEMA))));
        long start = System.nanoTime();

        Schema schema = client().getSchemaById(21);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(schema).isEqualTo(SCHEMA);
        registry.verify(3, getRequestedFor(urlEqualTo("/schemas/ids/21")));
        // two waits: 50 ms, then doubled to 100 ms
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void shouldGiveUpOnServerErrorsAfterMaxAttempts() {
        registry.stubFor(post("/subjects/urban-sensors-value/versions").willReturn(aResponse().withStatus(500)
                .withBody(error(50001, "Error in the backend data store"))));

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> client().register("urban-sensors-value", SCHEMA));

        assertThat(e.errorCode()).isEqualTo(50001);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e).hasMessage("Schema Registry storage error: Error in the backend data store (POST " + registry.baseUrl()
                + "/subjects/urban-sensors-value/versions, HTTP 500, gave up after 3 attempts)");
        registry.verify(3, postRequestedFor(urlEqualTo("/subjects/urban-sensors-value/versions")));
    }

    @Test
    void shouldRetryRefusedConnectionsThenFailWithClearMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient("http://localhost:" + closedPort, null, FAST_RETRY);

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.getSchemaById(1));

        assertThat(e.httpStatus()).isZero();
        assertThat(e.errorCode()).isZero();
        assertThat(e).hasMessageStartingWith("Schema Registry at http://localhost:" + closedPort
                + " unreachable after 3 attempts (GET /schemas/ids/1): connection refused");
    }

    @Test
    void shouldRetryTimeoutsThenFailWithClearMessage() {
        registry.stubFor(get("/schemas/ids/1").willReturn(okJson(schemaJson(SCHEMA)).withFixedDelay(1_000)));
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.baseUrl(), null,
                new HttpSchemaRegistryClient.RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(200)));

        assertThatThrownBy(() -> client.getSchemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Schema Registry at " + registry.baseUrl()
                        + " unreachable after 2 attempts (GET /schemas/ids/1): timed out");
        registry.verify(2, getRequestedFor(urlEqualTo("/schemas/ids/1")));
    }

    @Test
    void shouldCallApiBelowBaseUrlPath() {
        registry.stubFor(post("/apis/ccompat/v7/subjects/urban-sensors-value/versions").willReturn(okJson("{\"id\":3}")));
        registry.stubFor(get("/apis/ccompat/v7/schemas/ids/3").willReturn(okJson(schemaJson(SCHEMA))));

        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.baseUrl() + "/apis/ccompat/v7/", null, FAST_RETRY);

        assertThat(client.baseUrl()).isEqualTo(registry.baseUrl() + "/apis/ccompat/v7");
        assertThat(client.register("urban-sensors-value", SCHEMA)).isEqualTo(3);
        assertThat(client.getSchemaById(3)).isEqualTo(SCHEMA);
    }

    @Test
    void shouldSendBasicAuthHeaderWhenUserInfoIsConfigured() {
        registry.stubFor(get("/subjects").willReturn(okJson("[]")));
        SchemaRegistryClient client = SchemaRegistryClients.fromConfigs(Map.of(
                SchemaRegistryClients.URL_CONFIG, registry.baseUrl(),
                "basic.auth.credentials.source", "USER_INFO",
                SchemaRegistryClients.BASIC_AUTH_USER_INFO_CONFIG, "etl:s3cr3t"));

        assertThat(client).isInstanceOf(HttpSchemaRegistryClient.class);
        assertThat(client.getSubjects()).isEmpty();
        // base64("etl:s3cr3t")
        registry.verify(getRequestedFor(urlEqualTo("/subjects")).withHeader("Authorization", equalTo("Basic ZXRsOnMzY3IzdA==")));
    }

    @Test
    void shouldExplainUnauthorizedAnswer() {
        registry.stubFor(get("/subjects").willReturn(aResponse().withStatus(401)
                .withBody(error(40101, "Unauthorized"))));
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.baseUrl(), "etl:wrong", FAST_RETRY);

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, client::getSubjects);

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo(40101);
        assertThat(e).hasMessageContaining("Unauthorized");
        registry.verify(1, getRequestedFor(urlEqualTo("/subjects")));
    }

    @Test
    void shouldKeepNonJsonErrorBodyAndHttpStatusAsCode() {
        registry.stubFor(get("/subjects").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html>denied by proxy</html>")));

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client().getSubjects());

        assertThat(e.errorCode()).isEqualTo(403);
        assertThat(e).hasMessage("Forbidden: the credentials lack permission for this operation: <html>denied by proxy</html> (GET "
                + registry.baseUrl() + "/subjects, HTTP 403)");
    }

    @Test
    void shouldHintAtWrongBaseUrlOnPlainNotFound() {
        registry.stubFor(get("/wrong/schemas/ids/1").willReturn(aResponse().withStatus(404)
                .withBody(error(404, "HTTP 404 Not Found"))));
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.baseUrl() + "/wrong", null, FAST_RETRY);

        assertThatThrownBy(() -> client.getSchemaById(1))
                .hasMessageStartingWith("Not found: is schema.registry.url the registry's API root?: HTTP 404 Not Found");
    }

    @Test
    void shouldPercentEncodeSubjectInPath() {
        registry.stubFor(get("/subjects/my%20topic-value/versions").willReturn(okJson("[1]")));

        assertThat(client().getVersions("my topic-value")).containsExactly(1);
    }

    @Test
    void shouldReportSuccessAnswerThatLacksExpectedField() {
        registry.stubFor(post("/subjects/urban-sensors-value/versions").willReturn(okJson("{}")));

        assertThatThrownBy(() -> client().register("urban-sensors-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("malformed body: no \"id\"");
    }

    @Test
    void shouldRejectUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient("localhost:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be http(s)://host[:port][/path] or mock://<scope>");
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Schema Registry URL is missing");
    }

    @Test
    void shouldRejectRetryPolicyWithoutAttemptsOrTimeout() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient.RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> new HttpSchemaRegistryClient.RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessage("requestTimeout must be positive, was PT0S");
    }

    @Test
    void shouldUseFirstOfSeveralConfiguredUrls() {
        registry.stubFor(get("/subjects").willReturn(okJson("[\"a\"]")));

        SchemaRegistryClient fromString = SchemaRegistryClients.fromConfigs(
                Map.of(SchemaRegistryClients.URL_CONFIG, registry.baseUrl() + ", http://other:8081"));
        SchemaRegistryClient fromList = SchemaRegistryClients.fromConfigs(
                Map.of(SchemaRegistryClients.URL_CONFIG, List.of(registry.baseUrl(), "http://other:8081")));

        assertThat(((HttpSchemaRegistryClient) fromString).baseUrl()).isEqualTo(registry.baseUrl());
        assertThat(((HttpSchemaRegistryClient) fromList).baseUrl()).isEqualTo(registry.baseUrl());
        assertThat(fromList.getSubjects()).containsExactly("a");
    }
}
