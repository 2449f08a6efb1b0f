package org.etlsuite.transformer.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.etlsuite.model.Topics;
import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.etlsuite.transformer.TestBrokers;
import org.etlsuite.transformer.TransformerProcess;
import org.etlsuite.transformer.run.api.RunApi;
import org.etlsuite.transformer.run.step.FakeProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: a run killed mid-way (the application restarted) is recovered by the recovery rule, with
 * real processes, broker and PostgreSQL.
 *
 * <p>The transformer runs as a child JVM ({@link TransformerProcess}) and is killed with SIGKILL: no
 * shutdown hook, the runs' attempts left RUNNING and their heartbeats simply stopping. At that moment
 * one run (A) is past extract, waiting in await, and another (B) is inside extract with its burst
 * still running at the producer. The restarted process must, once their heartbeats are stale:
 * <ul>
 *   <li>resume A: the interrupted await attempt closed as FAILED ("interrupted ..."), a second attempt,
 *       then the remaining tasks, ending SUCCESS with exactly the burst's events counted and filed;</li>
 *   <li>fail B: its burst may have been sent partly, so it is not resumed, and its later tasks never run.</li>
 * </ul>
 * The first process runs without Kafka Streams ({@code spring.kafka.streams.auto-startup=false}), so
 * run A's await can never finish there: "mid-way" is a state the test waits for, not a timing guess.
 */
class RunCrashRecoveryIntegrationTests {

    private static final String REGISTRY = "mock://run-crash-recovery";
    private static final String APPLICATION_ID = "run-crash-recovery-test";
    private static final String DATABASE = "run_crash";
    private static final int EVENTS = 500;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(180);

    private static EmbeddedKafkaKraftBroker broker;
    private static FakeProducer producer;
    private static final List<Process> processes = new ArrayList<>();

    @TempDir
    static Path workDir;

    @BeforeAll
    static void startBrokerAndProducer() throws IOException {
        broker = TestBrokers.startedForExactlyOnce(Topics.URBAN_SENSORS, Topics.PRODUCT_EVENTS, Topics.TRANSPORTATION_STATS);
        producer = new FakeProducer(() -> broker.getBrokersAsString());
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        TransformerProcess.killAll(processes);
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldResumeARunInterruptedAfterExtractAndFailOneInterruptedDuringExtract() throws Exception {
        // the same schema ids in this JVM's mock registry as in each child's
        TransformerProcess.registerInputSchemas(REGISTRY);
        RunEvents.Burst burst = new RunEvents(REGISTRY).urban(EVENTS);
        producer.content(Topics.URBAN_SENSORS, events -> burst.records());
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(EmbeddedPostgresHolder.jdbcUrl(DATABASE), "postgres", "postgres"));

        // --- first instance: no Kafka Streams, so run A stops in await and run B in extract
        int firstPort = freePort();
        Process first = launch("first", firstPort, false);
        RunApi firstApi = new RunApi(firstPort);
        awaitUp(first, firstApi);

        long runA = firstApi.start("urban-sensors", "{\"events\": " + EVENTS + "}");
        awaitRun(first, firstApi, runA, run -> taskStates(run).equals(List.of("SUCCESS", "RUNNING", "PENDING", "PENDING")));

        producer.hold(Topics.PRODUCT_EVENTS, true);
        long runB = firstApi.start("product-events", "{\"events\": 50}");
        // the burst id is stored once the producer accepted the burst: from then on it may be sending
        awaitRun(first, firstApi, runB, run -> taskStates(run).getFirst().equals("RUNNING") && !run.get("burstId").isNull());

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // nothing ended them: both are still "running" for a process that no longer exists
        assertThat(jdbc.queryForList("SELECT state FROM pipeline_run WHERE id IN (?, ?)", String.class, runA, runB))
                .containsExactly("RUNNING", "RUNNING");
        String killedOwner = jdbc.queryForObject("SELECT owner FROM pipeline_run WHERE id = ?", String.class, runA);

        // --- restarted instance, with Kafka Streams: recovers both once their heartbeats are stale
        int secondPort = freePort();
        Process second = launch("second", secondPort, true);
        RunApi api = new RunApi(secondPort);
        awaitUp(second, api);
        JsonNode recovered = awaitEnd(second, api, runA);
        JsonNode failed = awaitEnd(second, api, runB);

        // run A: resumed at await, then everything else, with exactly the burst's events
        RunEvents.Mix mix = RunEvents.Mix.of(EVENTS);
        assertThat(recovered.get("state").asText()).as("run A: %s", recovered).isEqualTo("SUCCESS");
        assertThat(recovered.get("counts").get("generated").asLong()).isEqualTo(EVENTS);
        assertThat(recovered.get("counts").get("processed").asLong()).isEqualTo(mix.valid());
        assertThat(recovered.get("counts").get("rejected").asLong()).isEqualTo(mix.invalid() + mix.poison());
        assertThat(recovered.get("counts").get("duplicates").asLong()).isEqualTo(mix.copies());
        assertThat(recovered.get("tasks")).extracting(task -> task.get("name").asText() + ":" + task.get("state").asText() + ":" + task.get("attempts").asInt())
                .containsExactly("extract:SUCCESS:1", "await:SUCCESS:2", "load-raw:SUCCESS:1", "transform:SUCCESS:1");
        JsonNode awaitTries = recovered.get("tasks").get(1).get("tries");
        assertThat(awaitTries).extracting(attempt -> attempt.get("state").asText()).containsExactly("FAILED", "SUCCESS");
        assertThat(awaitTries.get(0).get("error").asText()).startsWith("interrupted").contains(killedOwner);
        assertThat(awaitTries.get(1).get("error").isNull()).isTrue();
        assertThat(producer.starts()).as("the resumed run does not ask for a second burst").isEqualTo(2);

        List<String> raw = Files.readAllLines(workDir.resolve("data").resolve(recovered.get("files").get("raw").asText()), StandardCharsets.UTF_8);
        assertThat(raw.subList(1, raw.size())).hasSize(EVENTS);
        List<String> processed = Files.readAllLines(workDir.resolve("data").resolve(recovered.get("files").get("processed").asText()), StandardCharsets.UTF_8);
        assertThat(processed.subList(1, processed.size())).hasSize(mix.valid());

        // run B: interrupted during extract, so failed rather than resumed; nothing after extract ran
        assertThat(failed.get("state").asText()).as("run B: %s", failed).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).startsWith("interrupted").contains("during extract");
        assertThat(failed.get("tasks")).extracting(task -> task.get("name").asText() + ":" + task.get("state").asText() + ":" + task.get("attempts").asInt())
                .containsExactly("extract:FAILED:1", "await:SKIPPED:0", "load-raw:SKIPPED:0", "transform:SKIPPED:0");
        assertThat(failed.get("tasks").get(0).get("tries").get(0).get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("files").get("raw").isNull()).isTrue();

        // the rows in PostgreSQL say the same; A now belongs to the restarted instance
        Map<String, Object> rowA = jdbc.queryForMap("SELECT * FROM pipeline_run WHERE id = ?", runA);
        assertThat(rowA).containsEntry("pipeline", "urban-sensors").containsEntry("state", "SUCCESS")
                .containsEntry("generated", (long) EVENTS).containsEntry("processed", (long) mix.valid())
                .containsEntry("rejected", (long) (mix.invalid() + mix.poison())).containsEntry("duplicates", (long) mix.copies());
        assertThat(rowA.get("owner")).isNotEqualTo(killedOwner);
        assertThat(jdbc.queryForList("SELECT a.state FROM task_attempt a JOIN run_task t ON t.id = a.task_id "
                + "WHERE t.run_id = ? AND t.name = 'AWAIT' ORDER BY a.attempt", String.class, runA)).containsExactly("FAILED", "SUCCESS");
        Map<String, Object> rowB = jdbc.queryForMap("SELECT * FROM pipeline_run WHERE id = ?", runB);
        assertThat(rowB).containsEntry("pipeline", "product-events").containsEntry("state", "FAILED");
        assertThat((String) rowB.get("error")).contains("during extract");
        assertThat(rowB.get("ended_at")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pipeline_run WHERE state IN ('QUEUED', 'RUNNING')", Long.class)).isZero();

        // every file was written to a temporary name and renamed: no partial file left anywhere
        try (Stream<Path> files = Files.walk(workDir.resolve("data"))) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    /** Waits until the child answers on its API (Flyway, the broker and the web server are up). */
    private static void awaitUp(Process process, RunApi api) {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreException(UncheckedIOException.class)
                .failFast("the transformer process ended on its own", () -> !process.isAlive())
                .until(() -> api.get("/api/pipelines").status() == 200);
    }

    /** Waits until the run (still active) looks as expected; fails at once if it ended meanwhile. */
    private static void awaitRun(Process process, RunApi api, long id, Predicate<JsonNode> expected) {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .failFast("the transformer process ended on its own", () -> !process.isAlive())
                .until(() -> {
                    JsonNode run = api.run(id);
                    String state = run.get("state").asText();
                    if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                        throw new AssertionError("run " + id + " ended before the kill: " + run);
                    }
                    return expected.test(run);
                });
    }

    /** Waits until the run has ended (in whatever state: the caller asserts which) and answers it. */
    private static JsonNode awaitEnd(Process process, RunApi api, long id) {
        await().atMost(RECOVERY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .failFast("the restarted transformer process ended on its own", () -> !process.isAlive())
                .until(() -> {
                    String state = api.state(id);
                    return !state.equals("QUEUED") && !state.equals("RUNNING");
                });
        return api.run(id);
    }

    private static List<String> taskStates(JsonNode run) {
        List<String> states = new ArrayList<>();
        run.get("tasks").forEach(task -> states.add(task.get("state").asText()));
        return states;
    }

    /** A port free right now, for the child's API (closed again before the child binds it). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static Process launch(String name, int port, boolean streams) throws IOException {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "spring.kafka.properties.schema.registry.url=" + REGISTRY,
                "spring.kafka.streams.application-id=" + APPLICATION_ID,
                "spring.kafka.streams.properties.commit.interval.ms=100",
                "spring.kafka.streams.properties.session.timeout.ms=6000",
                "spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(DATABASE),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "etl.export-interval=250ms",
                // the Parquet dataset is not what this test is about; keep its rounds out of the way
                "etl.export.parquet-interval=1h",
                "etl.topic-partitions=3",
                "etl.data-dir=" + workDir.resolve("data"),
                // the same state folder for both, as a restarted container has
                "etl.state-dir=" + workDir.resolve("state"),
                "etl.runs.producer-url=" + producer.url(),
                "etl.runs.poll-interval=100ms",
                "etl.runs.heartbeat-interval=500ms",
                // short, so that the restart finds the killed instance's runs stale within seconds
                "etl.runs.stale-after=3s",
                // long enough that the first instance's await is still waiting when it is killed
                "etl.runs.await-timeout=3m",
                // one attempt only: a second await attempt must come from the recovery, not a retry
                "etl.runs.pipelines.urban-sensors.retries=0",
                "etl.runs.pipelines.product-events.retries=0"));
        if (!streams) {
            // the topology is built but never started: nothing is processed, await waits forever
            properties.add("spring.kafka.streams.auto-startup=false");
        }
        // under target/ rather than the temporary folder, so the output outlives a failed run
        Process process = TransformerProcess.start(Path.of("target", "run-crash-recovery-" + name + ".log"), REGISTRY, properties);
        processes.add(process);
        return process;
    }
}
