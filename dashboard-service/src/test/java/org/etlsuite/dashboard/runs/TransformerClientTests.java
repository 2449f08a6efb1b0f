package org.etlsuite.dashboard.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.model.web.ApiCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatusCode;

class TransformerClientTests {

    @RegisterExtension
    static final WireMockExtension transformer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private TransformerClient client;

    private TransformerClient client(String url, Duration timeout) {
        client = new TransformerClient(new EtlProperties(Path.of("data"), new EtlProperties.Dashboard(URI.create(url), timeout)),
                new ApiCredentials("etl", "client-secret"));
        return client;
    }

    private TransformerClient client() {
        return client(transformer.baseUrl(), Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldReadThePipelinesIgnoringFieldsItDoesNotKnow() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson(TransformerSamples.PIPELINES)));

        List<TransformerApi.Pipeline> pipelines = client().pipelines();

        assertThat(pipelines).containsExactly(
                new TransformerApi.Pipeline("urban-sensors", "VMI_URBAN_SENSORS_ELT", "urban-sensors",
                        List.of("extract", "await", "load-raw", "transform"), "0 0 * * * *", "UTC",
                        Instant.parse("2026-11-26T02:00:00Z"), true, 2, Duration.ofMinutes(2), 2.0, null),
                new TransformerApi.Pipeline("transportation", "VMI_001", "transportation-stats",
                        List.of("extract", "await", "load-raw", "transform"), "0 0 0 * * *", "UTC",
                        Instant.parse("2026-11-27T00:00:00Z"), false, 2, Duration.ofMinutes(2), 2.0, 21L));
    }

    @Test
    void shouldSendTheSuitesCredentialsAlsoWhenItOnlyReads() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson("[]")));

        client().pipelines();

        // "etl:client-secret" in Base64
        transformer.verify(getRequestedFor(urlEqualTo("/api/pipelines"))
                .withHeader("Authorization", equalTo("Basic ZXRsOmNsaWVudC1zZWNyZXQ=")));
    }

    @Test
    void shouldStartARunWithOnlyTheFieldsGivenAsAManualRun() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/api/runs/23").withHeader("Content-Type", "application/json")
                .withBody(TransformerSamples.QUEUED_RUN)));

        TransformerApi.Accepted accepted = client().startRun("urban-sensors", new RunForm("urban-sensors", 5000L, null, 0.1));

        assertThat(accepted.runId()).isEqualTo(23);
        assertThat(accepted.run().state()).isEqualTo("QUEUED");
        transformer.verify(postRequestedFor(urlEqualTo("/api/pipelines/urban-sensors/runs"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic ZXRsOmNsaWVudC1zZWNyZXQ="))
                .withRequestBody(equalToJson("{\"events\":5000,\"dirtyFraction\":0.1,\"trigger\":\"manual\"}")));
    }

    @Test
    void shouldSayWhyTheTransformerRefusedARun() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_400)));

        assertThatThrownBy(() -> client().startRun("urban-sensors", new RunForm("urban-sensors", 0L, null, null)))
                .isInstanceOf(TransformerException.class)
                .hasMessage("POST " + transformer.baseUrl() + "/api/pipelines/urban-sensors/runs: answered 400 Bad Request: events must be at least 1, was 0");
    }

    @Test
    void shouldReadTheRunIdFromTheLocationOfTheAnswerAlsoWhenItIsAnAbsoluteUrl() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(202)
                .withHeader("Location", "http://transformer-service:8091/api/runs/24").withHeader("Content-Type", "application/json")
                .withBody(TransformerSamples.QUEUED_RUN)));

        assertThat(client().startRun("urban-sensors", new RunForm("urban-sensors", null, null, null)).runId()).isEqualTo(24);
    }

    @Test
    void shouldRefuseAStartedRunWithoutLocation() {
        transformer.stubFor(post("/api/pipelines/urban-sensors/runs").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(TransformerSamples.QUEUED_RUN)));

        assertThatThrownBy(() -> client().startRun("urban-sensors", new RunForm("urban-sensors", null, null, null)))
                .isInstanceOf(TransformerException.class)
                .hasMessage("POST " + transformer.baseUrl() + "/api/pipelines/urban-sensors/runs: answered without the Location of the run (null)");
    }

    @Test
    void shouldReadARunWithItsParametersTasksAndEveryAttempt() {
        transformer.stubFor(get("/api/runs/18").willReturn(okJson(TransformerSamples.FAILED_RUN)));

        TransformerApi.Run run = client().run(18);

        assertThat(run.id()).isEqualTo(18);
        assertThat(run.parameters()).isEqualTo(new TransformerApi.Parameters(true, 500L, null, null, null, null));
        assertThat(run.cancelRequested()).isFalse();
        assertThat(run.active()).isFalse();
        assertThat(run.queuedAt()).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(run.tasks()).extracting(TransformerApi.Task::name).containsExactly("extract", "await", "load-raw", "transform");
        assertThat(run.tasks().get(1).tries()).containsExactly(
                new TransformerApi.Attempt(1, "FAILED", Instant.parse("2026-11-26T02:00:01Z"), Instant.parse("2026-11-26T02:00:03Z"),
                        "the consumer group lags 480 records behind"),
                new TransformerApi.Attempt(2, "FAILED", Instant.parse("2026-11-26T02:02:03Z"), Instant.parse("2026-11-26T02:02:05Z"),
                        "the consumer group lags 200 records behind"),
                new TransformerApi.Attempt(3, "FAILED", Instant.parse("2026-11-26T02:06:05Z"), Instant.parse("2026-11-26T02:07:10.100Z"),
                        "Kafka Streams did not process the range within PT2S"));
        assertThat(run.tasks().get(2).tries()).isEmpty();
    }

    @Test
    void shouldTellAQueuedOrRunningRunFromOneThatEnded() {
        transformer.stubFor(get("/api/runs/21").willReturn(okJson(TransformerSamples.RUNNING_RUN)));
        transformer.stubFor(get("/api/runs/23").willReturn(okJson(TransformerSamples.QUEUED_RUN)));
        transformer.stubFor(get("/api/runs/24").willReturn(okJson(TransformerSamples.CANCELLED_RUN)));

        assertThat(client().run(21).active()).isTrue();
        assertThat(client.run(23).active()).isTrue();
        assertThat(client.run(24).active()).isFalse();
    }

    @Test
    void shouldReportTheStatusOfAnAnswerForARunItDoesNotKnow() {
        transformer.stubFor(get("/api/runs/99").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_404_RUN)));

        assertThatThrownBy(() -> client().run(99))
                .isInstanceOfSatisfying(TransformerException.class, e -> {
                    assertThat(e.status()).contains(HttpStatusCode.valueOf(404));
                    assertThat(e.outcome()).isEqualTo("answered 404 Not Found: Unknown run 99");
                })
                .hasMessage("GET " + transformer.baseUrl() + "/api/runs/99: answered 404 Not Found: Unknown run 99");
    }

    @Test
    void shouldPauseAndResumeAScheduleAsTheSuitesUserWithAJsonBody() {
        transformer.stubFor(put("/api/pipelines/transportation/paused").willReturn(okJson(TransformerSamples.PAUSED_PIPELINE)));
        transformer.stubFor(put("/api/pipelines/urban-sensors/paused").willReturn(okJson(TransformerSamples.RESUMED_PIPELINE)));

        assertThat(client().setPaused("transportation", true).paused()).isTrue();
        assertThat(client.setPaused("urban-sensors", false).nextFireTime()).isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));

        transformer.verify(1, putRequestedFor(urlEqualTo("/api/pipelines/transportation/paused"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic ZXRsOmNsaWVudC1zZWNyZXQ="))
                .withRequestBody(equalToJson("{\"paused\":true}")));
        transformer.verify(1, putRequestedFor(urlEqualTo("/api/pipelines/urban-sensors/paused"))
                .withRequestBody(equalToJson("{\"paused\":false}")));
    }

    @Test
    void shouldCancelARunAsTheSuitesUserWithAJsonContentTypeAndNoBody() {
        transformer.stubFor(post("/api/runs/21/cancel").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(TransformerSamples.CANCEL_REQUESTED_RUN)));

        TransformerApi.Run run = client().cancelRun(21);

        assertThat(run.cancelRequested()).isTrue();
        assertThat(run.state()).isEqualTo("RUNNING");
        transformer.verify(1, postRequestedFor(urlEqualTo("/api/runs/21/cancel"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic ZXRsOmNsaWVudC1zZWNyZXQ=")));
        // the cancel takes no body
        assertThat(transformer.findAll(postRequestedFor(urlEqualTo("/api/runs/21/cancel")))).singleElement()
                .satisfies(request -> assertThat(request.getBody()).isEmpty());
    }

    @Test
    void shouldSayWhyTheTransformerRefusedToCancelARun() {
        transformer.stubFor(post("/api/runs/17/cancel").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_409_ENDED)));

        assertThatThrownBy(() -> client().cancelRun(17))
                .isInstanceOfSatisfying(TransformerException.class, e -> assertThat(e.status()).contains(HttpStatusCode.valueOf(409)))
                .hasMessage("POST " + transformer.baseUrl() + "/api/runs/17/cancel: answered 409 Conflict: Run 17 has already ended (SUCCESS)");
    }

    @Test
    void shouldAskForTheLatestRunsOfThePipelineAndReadThemWithTheirTasks() {
        transformer.stubFor(get("/api/pipelines/urban-sensors/runs?size=10").willReturn(okJson(TransformerSamples.URBAN_RUNS)));

        TransformerApi.RunPage page = client().latestRuns("urban-sensors", 10);

        assertThat(page.totalElements()).isEqualTo(12);
        assertThat(page.content()).extracting(TransformerApi.Run::id).containsExactly(18L, 17L);
        TransformerApi.Run failed = page.content().getFirst();
        assertThat(failed.trigger()).isEqualTo("SCHEDULE");
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.startedAt()).isEqualTo(Instant.parse("2026-11-26T02:00:00.100Z"));
        assertThat(failed.counts()).isEqualTo(new TransformerApi.Counts(500L, null, null, null));
        assertThat(failed.files()).isEqualTo(new TransformerApi.Files(null, null));
        assertThat(failed.error()).isEqualTo("await: Kafka Streams did not process the range within PT2S\nlast committed offsets: 0=120");
        assertThat(failed.tasks().get(1)).isEqualTo(new TransformerApi.Task("await", "FAILED", 3,
                Instant.parse("2026-11-26T02:00:01Z"), Instant.parse("2026-11-26T02:07:10.100Z"),
                "Kafka Streams did not process the range within PT2S", List.of()));
        assertThat(page.content().get(1).files()).isEqualTo(new TransformerApi.Files("raw/urban_sensors_raw_20261126_0105.csv",
                "processed/urban_sensors_processed_20261126_0105_17.csv"));
    }

    @Test
    void shouldEncodeThePipelineInThePath() {
        transformer.stubFor(get("/api/pipelines/urban%20sensors/runs?size=3").willReturn(okJson(TransformerSamples.NO_RUNS)));

        assertThat(client().latestRuns("urban sensors", 3).content()).isEmpty();
        transformer.verify(1, getRequestedFor(urlEqualTo("/api/pipelines/urban%20sensors/runs?size=3")));
    }

    @Test
    void shouldReportAServerErrorWithTheUrlAndTheProblemDetail() {
        transformer.stubFor(get("/api/pipelines").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(TransformerSamples.PROBLEM_500)));

        assertThatThrownBy(() -> client().pipelines())
                .isInstanceOf(TransformerException.class)
                .hasMessage("GET " + transformer.baseUrl() + "/api/pipelines: answered 500 Internal Server Error: "
                        + "could not open a connection to PostgreSQL");
    }

    @Test
    void shouldReportAnErrorWithoutProblemDetailByItsStatusAlone() {
        transformer.stubFor(get("/api/pipelines").willReturn(aResponse().withStatus(503).withBody("try later")));

        assertThatThrownBy(() -> client().pipelines())
                .hasMessage("GET " + transformer.baseUrl() + "/api/pipelines: answered 503 Service Unavailable");
    }

    @Test
    void shouldReportARefusedConnection() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> client("http://localhost:" + port, Duration.ofSeconds(2)).pipelines())
                .isInstanceOfSatisfying(TransformerException.class, e -> {
                    assertThat(e.status()).isEmpty();
                    assertThat(e.outcome()).isEqualTo("could not be reached (connection refused)");
                })
                .hasMessage("GET http://localhost:" + port + "/api/pipelines: connection refused");
    }

    @Test
    void shouldGiveUpOnASlowTransformerAfterTheTimeout() {
        transformer.stubFor(get("/api/pipelines").willReturn(okJson("[]").withFixedDelay(3_000)));
        TransformerClient slow = client(transformer.baseUrl(), Duration.ofMillis(200));
        long start = System.nanoTime();

        assertThatThrownBy(slow::pipelines)
                .hasMessage("GET " + transformer.baseUrl() + "/api/pipelines: no answer within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void shouldReportAnAnswerThatIsNotTheRunApi() {
        transformer.stubFor(get("/api/pipelines").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Whitelabel Error Page</html>")));

        assertThatThrownBy(() -> client().pipelines())
                .hasMessageStartingWith("GET " + transformer.baseUrl() + "/api/pipelines: answered something other than the run API (");
    }

    @Test
    void shouldReportAnAnswerWithoutBody() {
        transformer.stubFor(get("/api/pipelines").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));

        assertThatThrownBy(() -> client().pipelines())
                .hasMessage("GET " + transformer.baseUrl() + "/api/pipelines: answered without a body");
    }
}
