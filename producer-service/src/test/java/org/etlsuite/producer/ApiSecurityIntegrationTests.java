package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may do what over real HTTP: every request that changes something needs the API user's credentials (HTTP Basic)
 * and must be JSON, reads stay open, and the actuator shows only health (details to the API user), info and
 * prometheus.
 */
class ApiSecurityIntegrationTests extends LiveBrokerIntegrationTest {

    static final String STREAM = "urban-sensors";
    static final String BURSTS = "/api/streams/" + STREAM + "/bursts";
    static final String CONTINUOUS = "/api/streams/" + STREAM + "/continuous";
    static final MediaType JSON = MediaType.APPLICATION_JSON;

    @Test
    void shouldRefuseToStartOrStopAnythingWithoutCredentialsWith401Problem() throws Exception {
        Map<String, Object> before = whatRuns();

        assertUnauthorized(exchange("POST", BURSTS, JSON, "{\"events\": 5}", null), BURSTS, "POST " + BURSTS + " needs credentials");
        assertUnauthorized(exchange("PUT", CONTINUOUS, JSON, "{\"ratePerSecond\": 1}", null), CONTINUOUS, "needs credentials");
        assertUnauthorized(exchange("DELETE", CONTINUOUS, null, null, null), CONTINUOUS, "needs credentials");

        assertThat(whatRuns()).isEqualTo(before);
    }

    @Test
    void shouldRefuseToCancelABurstWithoutCredentialsAndCancelItWithThemAndNoContentType() {
        Accepted burst = startBurst(STREAM, "{\"events\": 100, \"ratePerSecond\": 0.1}");

        assertUnauthorized(exchange("DELETE", burst.location(), null, null, null), burst.location(), "needs credentials");
        assertThat(JsonPath.<String>read(exchange("GET", burst.location(), null).getBody(), "$.state")).isEqualTo("RUNNING");

        ResponseEntity<String> cancelled = exchange("DELETE", burst.location(), null, null, TestCredentials.authorization());
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(JsonPath.<String>read(cancelled.getBody(), "$.state")).isEqualTo("CANCELLED");
    }

    @Test
    void shouldRefuseWrongCredentialsWith401ProblemAndStartNothing() throws Exception {
        Map<String, Object> before = whatRuns();

        for (String wrong : new String[] {TestCredentials.basic(TestCredentials.USER, "not-the-password"),
                TestCredentials.basic("intruder", TestCredentials.PASSWORD), "Basic not-base64!"}) {
            assertUnauthorized(exchange("POST", BURSTS, JSON, "{\"events\": 5}", wrong), BURSTS, "the credentials were not accepted");
        }

        assertThat(whatRuns()).isEqualTo(before);
    }

    @Test
    void shouldAskForCredentialsBeforeJudgingTheContentType() {
        assertUnauthorized(exchange("POST", BURSTS, MediaType.TEXT_PLAIN, "events=5", null), BURSTS, "needs credentials");
    }

    @Test
    void shouldRefuseChangingRequestsThatAreNotJsonWith415ProblemAndStartNothing() throws Exception {
        Map<String, Object> before = whatRuns();
        String user = TestCredentials.authorization();

        // what another site's page can send without asking first: text/plain, a form, no Content-Type at all
        assertUnsupported(exchange("POST", BURSTS, MediaType.TEXT_PLAIN, "{\"events\": 5}", user), BURSTS,
                "Content-Type 'text/plain", "a POST needs 'application/json'");
        assertUnsupported(exchange("POST", BURSTS, MediaType.APPLICATION_FORM_URLENCODED, "events=5", user), BURSTS,
                "Content-Type 'application/x-www-form-urlencoded", "a POST needs 'application/json'");
        assertUnsupported(exchange("POST", BURSTS, null, null, user), BURSTS,
                "Content-Type is missing", "a POST needs 'application/json'");
        assertUnsupported(exchange("PUT", CONTINUOUS, MediaType.TEXT_PLAIN, "{\"ratePerSecond\": 1}", user), CONTINUOUS,
                "Content-Type 'text/plain", "a PUT needs 'application/json'");
        assertUnsupported(exchange("PUT", CONTINUOUS, null, null, user), CONTINUOUS,
                "Content-Type is missing", "a PUT needs 'application/json'");

        assertThat(whatRuns()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400ProblemForAJsonRequestWithoutBody() throws Exception {
        Map<String, Object> before = whatRuns();

        ResponseEntity<String> answer = exchange("POST", BURSTS, JSON, null, TestCredentials.authorization());

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertProblem(answer, 400, BURSTS);
        assertThat(JsonPath.<String>read(answer.getBody(), "$.detail")).isEqualTo("request body: a JSON object is required");
        assertThat(whatRuns()).isEqualTo(before);
    }

    @Test
    void shouldAnswerReadsWithoutCredentials() {
        ResponseEntity<String> streams = exchange("GET", "/api/streams", null, null, null);

        assertThat(streams.getStatusCode().value()).isEqualTo(200);
        assertThat(JsonPath.<String>read(streams.getBody(), "$[2].name")).isEqualTo(STREAM);
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheusOfTheActuator() {
        for (String hidden : new String[] {"env", "beans", "metrics", "configprops", "loggers", "heapdump", "threaddump"}) {
            assertThat(exchange("GET", "/actuator/" + hidden, null, null, null).getStatusCode().value()).as(hidden).isEqualTo(404);
            assertThat(exchange("GET", "/actuator/" + hidden, null, null, TestCredentials.authorization()).getStatusCode().value())
                    .as(hidden).isEqualTo(404);
        }
        ResponseEntity<String> scrape = exchange("GET", "/actuator/prometheus", null, null, null);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody()).contains("etl_producer_events_sent_total");
        assertThat(exchange("GET", "/actuator/info", null, null, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void shouldShowTheHealthComponentsOnlyWithCredentials() {
        ResponseEntity<String> anonymous = exchange("GET", "/actuator/health", null, null, null);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        assertThat(JsonPath.<Map<String, Object>>read(anonymous.getBody(), "$")).containsEntry("status", "UP")
                .doesNotContainKey("components");

        ResponseEntity<String> authenticated = exchange("GET", "/actuator/health", null, null, TestCredentials.authorization());
        assertThat(authenticated.getStatusCode().value()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(authenticated.getBody(), "$.components.kafka.details.nodes")).isEqualTo(1);

        assertUnauthorized(exchange("GET", "/actuator/health", null, null, TestCredentials.basic(TestCredentials.USER, "wrong")),
                "/actuator/health", "the credentials were not accepted");
    }

    /** What the requests under test could have started: bursts of the stream, records on its topic, its generator. */
    private Map<String, Object> whatRuns() throws Exception {
        return Map.of("bursts", JsonPath.<Integer>read(exchange("GET", BURSTS, null).getBody(), "$.length()"),
                "records", recordCount(STREAM),
                "continuous", JsonPath.<String>read(exchange("GET", CONTINUOUS, null).getBody(), "$.state"));
    }

    private static void assertUnauthorized(ResponseEntity<String> answer, String path, String detail) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"etl-suite\"");
        assertProblem(answer, 401, path);
        assertThat(JsonPath.<String>read(answer.getBody(), "$.title")).isEqualTo("Unauthorized");
        assertThat(JsonPath.<String>read(answer.getBody(), "$.detail")).contains(detail);
    }

    /** 415 whose detail names what was sent ({@code refused}, e.g. the type without a charset) and what is needed. */
    private static void assertUnsupported(ResponseEntity<String> answer, String path, String refused, String needed) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(415);
        assertProblem(answer, 415, path);
        assertThat(JsonPath.<String>read(answer.getBody(), "$.detail")).startsWith(refused).endsWith(needed);
        assertThat(answer.getHeaders().getAccept()).containsExactly(MediaType.APPLICATION_JSON);
    }

    private static void assertProblem(ResponseEntity<String> answer, int status, String path) {
        MediaType type = answer.getHeaders().getContentType();
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(type)).as("%s", type).isTrue();
        assertThat(JsonPath.<Integer>read(answer.getBody(), "$.status")).isEqualTo(status);
        assertThat(JsonPath.<String>read(answer.getBody(), "$.instance")).isEqualTo(path);
    }
}
