package org.etlsuite.transformer.run.api;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.etlsuite.model.Topics;
import org.etlsuite.model.web.MalformedParametersFilter;
import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.etlsuite.transformer.ExactlyOnceEmbeddedKafka;
import org.etlsuite.transformer.TestCredentials;
import org.etlsuite.transformer.run.step.FakeProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what over real HTTP: every request that changes something needs the API user's credentials (HTTP
 * Basic) and must be JSON, reads stay open, the actuator shows only health (components to the API user), info and
 * prometheus; the runs ask the producer ({@link FakeProducer}, which checks) with the same credentials. Kafka Streams
 * does not start: nothing here needs a record processed (and so the health is DOWN, 503).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=mock://api-security",
        "spring.kafka.streams.application-id=api-security-test",
        "spring.kafka.streams.auto-startup=false",
        "etl.export.enabled=false",
        "etl.topic-partitions=3",
        "etl.runs.poll-interval=100ms",
        "etl.runs.heartbeat-interval=500ms",
        "etl.runs.stale-after=2s"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class ApiSecurityIntegrationTests {

    private static final FakeProducer PRODUCER = FakeProducer.forEmbeddedKafka();
    private static final String RUNS = "/api/pipelines/urban-sensors/runs";
    private static final String PAUSED = "/api/pipelines/urban-sensors/paused";
    private static final String JSON = "application/json";

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.register(registry, "api_security", data);
        registry.add("etl.runs.producer-url", () -> PRODUCER.url().toString());
    }

    @AfterAll
    static void stopProducer() {
        PRODUCER.close();
    }

    private RunApi api() {
        return new RunApi(port);
    }

    @Test
    void shouldRefuseEveryChangingRequestWithoutCredentialsWith401ProblemAndChangeNothing() {
        Map<String, Object> before = whatChanges();

        assertUnauthorized(api().exchange("POST", RUNS, JSON, "{\"events\": 10}", null), RUNS, "POST " + RUNS + " needs credentials");
        assertUnauthorized(api().exchange("PUT", PAUSED, JSON, "{\"paused\": false}", null), PAUSED, "needs credentials");
        // the run's existence is nobody's business either: 401 before 404
        assertUnauthorized(api().exchange("POST", "/api/runs/1/cancel", JSON, null, null), "/api/runs/1/cancel", "needs credentials");

        assertThat(whatChanges()).isEqualTo(before);
    }

    @Test
    void shouldRefuseWrongCredentialsWith401ProblemAndStartNothing() {
        Map<String, Object> before = whatChanges();

        for (String wrong : List.of(TestCredentials.basic(TestCredentials.API_USER.user(), "not-the-password"),
                TestCredentials.basic("intruder", TestCredentials.API_USER.password()), "Basic not-base64!")) {
            assertUnauthorized(api().exchange("POST", RUNS, JSON, "{\"events\": 10}", wrong), RUNS, "the credentials were not accepted");
        }

        assertThat(whatChanges()).isEqualTo(before);
    }

    @Test
    void shouldRefuseChangingRequestsThatAreNotJsonWith415ProblemAndChangeNothing() {
        Map<String, Object> before = whatChanges();
        String user = TestCredentials.authorization();

        // what another site's page can send without asking first: no Content-Type at all, text/plain, a form
        assertUnsupported(api().exchange("POST", RUNS, null, null, user), RUNS, "Content-Type is missing; a POST needs 'application/json'");
        assertUnsupported(api().exchange("POST", RUNS, "text/plain", "{\"events\": 10}", user), RUNS,
                "Content-Type 'text/plain' is not supported; a POST needs 'application/json'");
        assertUnsupported(api().exchange("POST", RUNS, "application/x-www-form-urlencoded", "events=10", user), RUNS,
                "Content-Type 'application/x-www-form-urlencoded' is not supported; a POST needs 'application/json'");
        assertUnsupported(api().exchange("PUT", PAUSED, "text/plain", "{\"paused\": false}", user), PAUSED,
                "Content-Type 'text/plain' is not supported; a PUT needs 'application/json'");
        assertUnsupported(api().exchange("POST", "/api/runs/1/cancel", null, null, user), "/api/runs/1/cancel",
                "Content-Type is missing; a POST needs 'application/json'");
        // credentials first
        assertUnauthorized(api().exchange("POST", RUNS, "text/plain", "{\"events\": 10}", null), RUNS, "needs credentials");

        assertThat(whatChanges()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400ProblemForAJsonPutWithoutBody() {
        RunApi.Answer answer = api().exchange("PUT", PAUSED, JSON, null, TestCredentials.authorization());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("instance").asText()).isEqualTo(PAUSED);
        assertThat(api().get("/api/pipelines/urban-sensors").body().get("paused").asBoolean()).isTrue();
    }

    @Test
    void shouldStartARunWithTheDefaultsFromABodylessJsonPostAndCancelItOnlyWithCredentials() {
        PRODUCER.hold(Topics.URBAN_SENSORS, true);
        RunApi api = api();
        long runsBefore = runs();

        RunApi.Answer accepted = api.post(RUNS, null);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        long run = accepted.body().get("id").asLong();
        assertThat(runs()).isEqualTo(runsBefore + 1);
        // the fake producer accepted the burst: the extract task sent the credentials
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.run(run).get("burstId").isNull());
        assertThat(api.run(run).get("parameters").get("events").asLong()).isEqualTo(500);

        String cancel = "/api/runs/" + run + "/cancel";
        assertUnauthorized(api.exchange("POST", cancel, JSON, null, null), cancel, "needs credentials");
        assertThat(api.state(run)).isEqualTo("RUNNING");

        assertThat(api.post(cancel, null).status()).isEqualTo(202);
        api.awaitState(run, "CANCELLED", Duration.ofSeconds(30));
        // the cancel of the burst went through too (a DELETE, with the credentials)
        assertThat(PRODUCER.state(api.run(run).get("burstId").asText())).isEqualTo("CANCELLED");
    }

    @Test
    void shouldAnswerReadsWithoutCredentials() {
        RunApi.Answer pipelines = api().get("/api/pipelines");

        assertThat(pipelines.status()).isEqualTo(200);
        assertThat(pipelines.body().get(0).get("id").asText()).isEqualTo("urban-sensors");
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheusOfTheActuator() {
        for (String hidden : List.of("env", "beans", "metrics", "configprops", "loggers", "heapdump", "threaddump")) {
            assertThat(api().get("/actuator/" + hidden).status()).as(hidden).isEqualTo(404);
            assertThat(api().exchange("GET", "/actuator/" + hidden, null, null, TestCredentials.authorization()).status())
                    .as(hidden).isEqualTo(404);
        }
        RunApi.Answer scrape = api().get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text()).contains("# TYPE jvm_threads_live_threads gauge");
        assertThat(api().get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void shouldShowTheHealthComponentsOnlyWithCredentials() {
        RunApi.Answer anonymous = api().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.body().get("status").asText()).isEqualTo("DOWN");
        assertThat(anonymous.body().has("components")).isFalse();

        RunApi.Answer authenticated = api().exchange("GET", "/actuator/health", null, null, TestCredentials.authorization());
        assertThat(authenticated.status()).isEqualTo(503);
        assertThat(authenticated.body().get("components").get("kafkaStreams").get("details").get("state").asText()).isEqualTo("NOT_STARTED");
        assertThat(authenticated.body().get("components").get("db").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldRefuseAQueryStringThatCannotBeDecodedWith400Problem() throws IOException {
        // java.net.URI refuses to build such a target, so it goes out as raw HTTP/1.1
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + RUNS + "?state=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"detail\":\"" + MalformedParametersFilter.REASON + "\"");
        }
    }

    /** What the requests under test could have changed: runs, bursts asked for, the schedule's pause. */
    private Map<String, Object> whatChanges() {
        return Map.of("runs", runs(), "bursts", PRODUCER.starts(),
                "paused", api().get("/api/pipelines/urban-sensors").body().get("paused").asBoolean());
    }

    private long runs() {
        return jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Long.class);
    }

    static void assertUnauthorized(RunApi.Answer answer, String path, String detail) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        assertThat(answer.challenge()).isEqualTo("Basic realm=\"etl-suite\"");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(401);
        assertThat(answer.body().get("title").asText()).isEqualTo("Unauthorized");
        assertThat(answer.body().get("detail").asText()).contains(detail);
        assertThat(answer.body().get("instance").asText()).isEqualTo(path);
    }

    private static void assertUnsupported(RunApi.Answer answer, String path, String detail) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(415);
        assertThat(answer.body().get("detail").asText()).isEqualTo(detail);
        assertThat(answer.body().get("instance").asText()).isEqualTo(path);
    }
}
