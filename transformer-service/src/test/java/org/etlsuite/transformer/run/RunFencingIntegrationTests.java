package org.etlsuite.transformer.run;

import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.run.store.RunHistory;
import org.etlsuite.transformer.run.store.RunStore;
import org.etlsuite.transformer.run.store.StallingRunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances, A and B, over one real PostgreSQL database, each with its own run history context
 * (connection pool, JVM clock a day off the other's), executor and recovery. A executes a run and
 * stalls in one of its tasks while its heartbeat hangs (a database stall as A sees it). Once the run's
 * heartbeat is older than stale-after by the database's clock, B's recovery takes the run over and
 * B completes it. Then A continues, and must stop at once: its heartbeat updates no row, or its next
 * change of the run is refused; nothing A does after the takeover reaches the database or the raw file.
 *
 * <p>The tasks are stand-ins that write what the real ones write (counts through the store, a file
 * through {@link AtomicFileWriter}): what is under test is the executor and the store, and the run
 * needs no broker.
 */
class RunFencingIntegrationTests {

    private static final String DATABASE = "run_fencing";
    private static final String A = "transformer-a";
    private static final String B = "transformer-b";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final RunsProperties PROPERTIES = new RunsProperties(URI.create("http://localhost:8090"), 10, 100,
            Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1),
            // no retries: an attempt that fails ends the run, so a SUCCESS is an attempt that succeeded
            Map.of("urban-sensors", new RunsProperties.PipelineSettings("0 0 * * * *", true, 0, Duration.ZERO, 1)));

    private final ApplicationContextRunner instanceA = RunHistory.instance(DATABASE, Clock.offset(Clock.systemUTC(), Duration.ofDays(1)),
            StallingRunStore.class);
    private final ApplicationContextRunner instanceB = RunHistory.instance(DATABASE, Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)));

    @TempDir
    Path data;

    /** Where A's task stops, and what became of it. */
    private static final class Stall {

        private final TaskName task;
        private final StallingRunStore store;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean interrupted = new AtomicBoolean();
        private final AtomicBoolean continued = new AtomicBoolean();

        Stall(TaskName task, StallingRunStore store) {
            this.task = task;
            this.store = store;
        }

        /** Stalls the task and the instance's heartbeat until released or interrupted. */
        void hold(TaskName at) throws InterruptedIOException {
            if (at != task) {
                return;
            }
            store.stall();
            reached.countDown();
            try {
                release.await();
                continued.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
                // as a file write or a Kafka call fails when the thread is interrupted
                throw new InterruptedIOException("interrupted in " + at.label());
            }
        }
    }

    /** Stand-ins for the four tasks: each writes to the run what its real one writes. */
    private List<RunStep> steps(RunStore store, String owner, Stall stall) {
        AtomicFileWriter writer = new AtomicFileWriter();
        return List.of(
                step(TaskName.EXTRACT, run -> store.update(run.runId(), run.owner(), row -> row.setGenerated(10L))),
                step(TaskName.AWAIT, run -> stall.hold(TaskName.AWAIT)),
                step(TaskName.LOAD_RAW, run -> {
                    String rawFile = "raw/run_" + run.runId() + ".csv";
                    writer.replace(data.resolve(rawFile), temp -> {
                        Files.writeString(temp, "written by " + owner + "\n");
                        stall.hold(TaskName.LOAD_RAW);
                        run.confirmOwned();
                    });
                    store.update(run.runId(), run.owner(), row -> {
                        row.setRawFile(rawFile);
                        row.setGenerated(10L);
                    });
                }),
                step(TaskName.TRANSFORM, run -> store.update(run.runId(), run.owner(), row -> row.setOutcome(9, 1, 0))));
    }

    private interface Body {
        void execute(RunContext run) throws Exception;
    }

    private static RunStep step(TaskName name, Body body) {
        return new RunStep() {
            @Override
            public TaskName name() {
                return name;
            }

            @Override
            public void execute(RunContext run) throws Exception {
                body.execute(run);
            }
        };
    }

    private record Instance(RunStore store, RunExecutor executor, RunRecovery recovery) {

        static Instance of(RunStore store, List<RunStep> steps, String owner) {
            RunExecutor executor = new RunExecutor(store, steps, PROPERTIES, owner);
            return new Instance(store, executor, new RunRecovery(store, executor, PROPERTIES));
        }
    }

    private interface Scenario {
        void run(Instance a, StallingRunStore storeA, Stall stall, Instance b, JdbcTemplate jdbc, long runId) throws Exception;
    }

    /**
     * Starts the run on A, waits until A stalls in the task, lets B take the run over and complete it,
     * then hands over to the scenario.
     */
    private void afterTakeover(TaskName stalledIn, Scenario scenario) {
        instanceA.run(contextA -> instanceB.run(contextB -> {
            StallingRunStore storeA = contextA.getBean(StallingRunStore.class);
            RunStore storeB = contextB.getBean(RunStore.class);
            JdbcTemplate jdbc = contextB.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM pipeline_run");
            Stall stall = new Stall(stalledIn, storeA);
            Instance a = Instance.of(storeA, steps(storeA, A, stall), A);
            Instance b = Instance.of(storeB, steps(storeB, B, new Stall(null, null)), B);
            try {
                long id = storeA.insert(TestPipelines.URBAN_SENSORS, RunTrigger.API, new RunParameters(true, 10L, null, null, null, null));
                a.executor().submit(id);
                assertThat(stall.reached.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("A reached " + stalledIn).isTrue();

                // B's recovery, as its timer would call it, until the run is stale by the database's clock
                await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                    b.recovery().recoverStaleRuns();
                    return B.equals(jdbc.queryForObject("SELECT owner FROM pipeline_run WHERE id = ?", String.class, id));
                });
                await().atMost(TIMEOUT).until(() -> "SUCCESS".equals(jdbc.queryForObject("SELECT state FROM pipeline_run WHERE id = ?",
                        String.class, id)));
                assertThat(a.executor().executing()).as("A still executes the run it stalled in").containsExactly(id);

                scenario.run(a, storeA, stall, b, jdbc, id);
            } finally {
                storeA.resume();
                a.executor().destroy();
                b.executor().destroy();
            }
        }));
    }

    @Test
    void shouldStopAnInstanceWhoseHeartbeatFindsItsRunTakenOverAtOnceAndKeepOnlyTheNewOwnersHistory() {
        afterTakeover(TaskName.LOAD_RAW, (a, storeA, stall, b, jdbc, id) -> {
            List<Map<String, Object>> completedByB = history(jdbc, id);

            // the stall ends for A's heartbeat only: A's task stays blocked until something stops it
            storeA.resume();

            await().atMost(TIMEOUT).until(() -> a.executor().executing().isEmpty());
            assertThat(stall.interrupted).as("A's task was interrupted by the fence").isTrue();
            assertThat(stall.continued).isFalse();
            assertCompletedByBOnly(jdbc, id, completedByB, TaskName.LOAD_RAW);
        });
    }

    @Test
    void shouldRefuseTheNextChangeOfAnInstanceThatContinuesAfterItsRunWasTakenOver() {
        afterTakeover(TaskName.AWAIT, (a, storeA, stall, b, jdbc, id) -> {
            List<Map<String, Object>> completedByB = history(jdbc, id);

            // A's task goes on before any heartbeat of A could tell it: its await attempt "succeeds"
            stall.release.countDown();

            await().atMost(TIMEOUT).until(() -> a.executor().executing().isEmpty());
            assertThat(stall.continued).isTrue();
            assertThat(stall.interrupted).isFalse();
            assertCompletedByBOnly(jdbc, id, completedByB, TaskName.AWAIT);
        });
    }

    @Test
    void shouldNotLetAnInstanceReplaceAFileOfARunThatWasTakenOver() {
        afterTakeover(TaskName.LOAD_RAW, (a, storeA, stall, b, jdbc, id) -> {
            List<Map<String, Object>> completedByB = history(jdbc, id);

            // A's temporary file is written; the rename is next
            stall.release.countDown();

            await().atMost(TIMEOUT).until(() -> a.executor().executing().isEmpty());
            assertThat(stall.continued).isTrue();
            assertCompletedByBOnly(jdbc, id, completedByB, TaskName.LOAD_RAW);
        });
    }

    /**
     * The history is exactly what it was when B completed the run (A added nothing), and it is B's: one
     * SUCCESS per task, A's attempt at the task it stalled in closed as interrupted by B's recovery and
     * followed by B's, B's counts, and the raw file B wrote.
     */
    private void assertCompletedByBOnly(JdbcTemplate jdbc, long id, List<Map<String, Object>> completedByB, TaskName stalledIn)
            throws Exception {
        assertThat(history(jdbc, id)).isEqualTo(completedByB);
        Map<String, Object> run = jdbc.queryForMap("SELECT * FROM pipeline_run WHERE id = ?", id);
        assertThat(run).containsEntry("state", "SUCCESS").containsEntry("owner", B).containsEntry("generated", 10L)
                .containsEntry("processed", 9L).containsEntry("rejected", 1L).containsEntry("duplicates", 0L)
                .containsEntry("raw_file", "raw/run_" + id + ".csv").containsEntry("error", null);

        List<String> attempts = jdbc.queryForList("SELECT t.name || ':' || a.attempt || ':' || a.state FROM task_attempt a "
                + "JOIN run_task t ON t.id = a.task_id WHERE t.run_id = ? ORDER BY t.position, a.attempt", String.class, id);
        List<String> expected = new ArrayList<>();
        for (TaskName task : TaskName.values()) {
            if (task == stalledIn) {
                expected.add(task.name() + ":1:FAILED");
                expected.add(task.name() + ":2:SUCCESS");
            } else {
                expected.add(task.name() + ":1:SUCCESS");
            }
        }
        assertThat(attempts).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForObject("SELECT a.error FROM task_attempt a JOIN run_task t ON t.id = a.task_id "
                + "WHERE t.run_id = ? AND t.name = ? AND a.attempt = 1", String.class, id, stalledIn.name()))
                .isEqualTo("interrupted: the instance executing the run (" + A + ") stopped");
        assertThat(jdbc.queryForList("SELECT state FROM run_task WHERE run_id = ? ORDER BY position", String.class, id))
                .containsOnly("SUCCESS").hasSize(TaskName.values().length);

        assertThat(Files.readString(data.resolve("raw/run_" + id + ".csv"), StandardCharsets.UTF_8)).isEqualTo("written by " + B + "\n");
        try (Stream<Path> raw = Files.list(data.resolve("raw"))) {
            assertThat(raw).as("no temporary file left behind").containsExactly(data.resolve("raw/run_" + id + ".csv"));
        }
    }

    /** Every row of the run, its tasks and their attempts. */
    private static List<Map<String, Object>> history(JdbcTemplate jdbc, long id) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM pipeline_run WHERE id = ?", id));
        rows.addAll(jdbc.queryForList("SELECT * FROM run_task WHERE run_id = ? ORDER BY position", id));
        rows.addAll(jdbc.queryForList("SELECT a.* FROM task_attempt a JOIN run_task t ON t.id = a.task_id WHERE t.run_id = ? "
                + "ORDER BY a.id", id));
        return rows;
    }
}
