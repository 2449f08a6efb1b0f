package org.etlsuite.transformer.run.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.TestPipelines;
import org.etlsuite.transformer.run.RunFencedException;
import org.etlsuite.transformer.run.RunParameters;
import org.etlsuite.transformer.run.RunState;
import org.etlsuite.transformer.run.RunTrigger;
import org.etlsuite.transformer.run.TaskName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The run history against real PostgreSQL: every change the executing thread makes is conditioned on
 * its instance still owning the active run, and time (heartbeats, staleness, the history's timestamps)
 * is the database's. Each test's instances have JVM clocks a day off, one ahead and one behind: the
 * history must not notice.
 */
class RunStoreIntegrationTests {

    private static final String DATABASE = "run_store";
    private static final String A = "transformer-a";
    private static final String B = "transformer-b";
    private static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final RunParameters PARAMETERS = new RunParameters(true, 10L, null, null, null, null);

    private final ApplicationContextRunner ahead = RunHistory.instance(DATABASE, Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
    private final ApplicationContextRunner behind = RunHistory.instance(DATABASE, Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)));

    /** The history of one instance (its JVM clock a day ahead), on a database without runs. */
    private void withStore(ThrowingConsumer<Fixture> test) {
        ahead.run(context -> {
            Fixture fixture = new Fixture(context.getBean(RunStore.class), context.getBean(JdbcTemplate.class));
            fixture.jdbc.update("DELETE FROM pipeline_run");
            test.accept(fixture);
        });
    }

    private record Fixture(RunStore store, JdbcTemplate jdbc) {

        long running(Pipeline pipeline, String owner) {
            long id = store.insert(pipeline, RunTrigger.API, PARAMETERS);
            assertThat(store.claim(id, owner)).isTrue();
            return id;
        }

        /** Moves the run's heartbeat (and queue time) back by {@code seconds} of the database's clock. */
        void silentFor(long id, int seconds) {
            jdbc.update("UPDATE pipeline_run SET heartbeat_at = current_timestamp - make_interval(secs => ?), "
                    + "queued_at = current_timestamp - make_interval(secs => ?) WHERE id = ?", seconds, seconds, id);
        }

        void queuedFor(long id, int seconds) {
            jdbc.update("UPDATE pipeline_run SET heartbeat_at = NULL, queued_at = current_timestamp - make_interval(secs => ?) "
                    + "WHERE id = ?", seconds, id);
        }

        String owner(long id) {
            return jdbc.queryForObject("SELECT owner FROM pipeline_run WHERE id = ?", String.class, id);
        }

        /** Every row of the run, its tasks and their attempts. */
        List<Map<String, Object>> history(long id) {
            List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM pipeline_run WHERE id = ?", id));
            rows.addAll(jdbc.queryForList("SELECT * FROM run_task WHERE run_id = ? ORDER BY position", id));
            rows.addAll(jdbc.queryForList("SELECT a.* FROM task_attempt a JOIN run_task t ON t.id = a.task_id WHERE t.run_id = ? "
                    + "ORDER BY a.id", id));
            return rows;
        }

        Timestamp databaseTime() {
            return jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
        }
    }

    @Test
    void shouldRefuseEveryChangeOfTheExecutingThreadOnceAnotherInstanceTookTheRunOver() {
        withStore(f -> {
            long id = f.running(TestPipelines.URBAN_SENSORS, A);
            f.store.startAttempt(id, A, TaskName.EXTRACT);
            f.store.attemptSucceeded(id, A, TaskName.EXTRACT);
            f.store.startAttempt(id, A, TaskName.AWAIT);
            f.silentFor(id, 60);
            assertThat(f.store.recover(id, STALE_AFTER, B)).isEqualTo(RunStore.Recovery.RESUMED);
            List<Map<String, Object>> taken = f.history(id);

            List<Runnable> changesOfA = List.of(
                    () -> f.store.startAttempt(id, A, TaskName.LOAD_RAW),
                    () -> f.store.attemptSucceeded(id, A, TaskName.AWAIT),
                    () -> f.store.attemptFailed(id, A, TaskName.AWAIT, "boom", true),
                    () -> f.store.update(id, A, run -> run.setGenerated(99L)),
                    () -> f.store.finish(id, A, RunState.SUCCESS, null),
                    () -> f.store.checkOwned(id, A));
            for (Runnable change : changesOfA) {
                assertThatThrownBy(change::run).isInstanceOf(RunFencedException.class)
                        .hasMessage("Run " + id + " is no longer executed by " + A + ": another instance took it over (" + B + ", RUNNING)");
            }

            assertThat(f.history(id)).isEqualTo(taken);
            assertThat(f.store.heartbeat(id, A)).as("A's heartbeat").isFalse();
            assertThat(f.store.heartbeat(id, B)).as("B's heartbeat").isTrue();
            f.store.update(id, B, run -> run.setGenerated(10L));
            assertThat(f.jdbc.queryForObject("SELECT generated FROM pipeline_run WHERE id = ?", Long.class, id)).isEqualTo(10L);
        });
    }

    @Test
    void shouldRefuseChangesOfTheOwnerOnceTheRunHasEnded() {
        withStore(f -> {
            long id = f.running(TestPipelines.URBAN_SENSORS, A);
            f.store.finish(id, A, RunState.SUCCESS, null);

            assertThatThrownBy(() -> f.store.update(id, A, run -> run.setGenerated(99L))).isInstanceOf(RunFencedException.class)
                    .hasMessage("Run " + id + " is no longer executed by " + A + ": it has ended (SUCCESS)");
            assertThatThrownBy(() -> f.store.startAttempt(id, A, TaskName.EXTRACT)).isInstanceOf(RunFencedException.class);
            assertThat(f.store.heartbeat(id, A)).isFalse();
            assertThat(f.jdbc.queryForObject("SELECT generated FROM pipeline_run WHERE id = ?", Long.class, id)).isNull();
        });
    }

    @Test
    void shouldNotLetAnInstanceClaimARunAnotherInstanceRecoveredBeforeItsThreadGotToIt() {
        withStore(f -> {
            long id = f.store.insert(TestPipelines.URBAN_SENSORS, RunTrigger.API, PARAMETERS);
            f.queuedFor(id, 60);
            assertThat(f.store.recover(id, STALE_AFTER, B)).isEqualTo(RunStore.Recovery.RESUMED);

            assertThat(f.store.claim(id, A)).isFalse();
            assertThat(f.owner(id)).isEqualTo(B);
            assertThat(f.store.claim(id, B)).isTrue();
            assertThat(f.jdbc.queryForObject("SELECT state FROM pipeline_run WHERE id = ?", String.class, id)).isEqualTo("RUNNING");
        });
    }

    @Test
    void shouldStillAcceptCancelRequestsWhicheverInstanceOwnsTheRun() {
        withStore(f -> {
            long running = f.running(TestPipelines.URBAN_SENSORS, A);
            long queued = f.store.insert(TestPipelines.PRODUCT_EVENTS, RunTrigger.API, PARAMETERS);

            assertThat(f.store.requestCancel(running)).isEqualTo(RunState.RUNNING);
            assertThat(f.store.requestCancel(queued)).isEqualTo(RunState.CANCELLED);

            assertThat(f.store.cancelRequested(List.of(running, queued))).containsExactlyInAnyOrder(running, queued);
            f.store.finish(running, A, RunState.CANCELLED, "cancelled on request");
            assertThat(f.jdbc.queryForList("SELECT state FROM pipeline_run ORDER BY id", String.class)).containsExactly("CANCELLED", "CANCELLED");
        });
    }

    @Test
    void shouldWriteEveryTimeOfTheHistoryByTheDatabaseClockNotTheInstances() {
        withStore(f -> {
            Timestamp before = f.databaseTime();
            long id = f.running(TestPipelines.URBAN_SENSORS, A);
            f.store.startAttempt(id, A, TaskName.EXTRACT);
            f.store.attemptSucceeded(id, A, TaskName.EXTRACT);
            assertThat(f.store.heartbeat(id, A)).isTrue();
            Timestamp after = f.databaseTime();

            Map<String, Object> run = f.jdbc.queryForMap("SELECT queued_at, started_at, heartbeat_at FROM pipeline_run WHERE id = ?", id);
            Map<String, Object> attempt = f.jdbc.queryForMap("SELECT a.started_at AS attempt_started, a.ended_at AS attempt_ended "
                    + "FROM task_attempt a JOIN run_task t ON t.id = a.task_id WHERE t.run_id = ?", id);
            List<Object> times = new ArrayList<>(run.values());
            times.addAll(attempt.values());
            // the instance's JVM clock is a day ahead: with it, every one of these would be a day late
            assertThat(times).hasSize(5).allSatisfy(time -> assertThat((Timestamp) time).isBetween(before, after));
        });
    }

    @Test
    void shouldJudgeStalenessByTheDatabaseClockWhateverTheInstancesClocksSay() {
        ahead.run(aheadContext -> behind.run(behindContext -> {
            Fixture f = new Fixture(aheadContext.getBean(RunStore.class), aheadContext.getBean(JdbcTemplate.class));
            RunStore behindStore = behindContext.getBean(RunStore.class);
            f.jdbc.update("DELETE FROM pipeline_run");
            long silent = f.running(TestPipelines.URBAN_SENSORS, A);
            long alive = f.running(TestPipelines.PRODUCT_EVENTS, A);
            long neverClaimed = f.store.insert(TestPipelines.TRANSPORTATION, RunTrigger.API, PARAMETERS);
            f.silentFor(silent, 10);
            f.silentFor(alive, 1);
            f.queuedFor(neverClaimed, 10);

            assertThat(f.store.stale(STALE_AFTER)).containsExactly(silent, neverClaimed);
            assertThat(behindStore.stale(STALE_AFTER)).containsExactly(silent, neverClaimed);

            f.store.finish(silent, A, RunState.FAILED, "ended");
            assertThat(behindStore.stale(STALE_AFTER)).as("an ended run is never stale").containsExactly(neverClaimed);
        }));
    }

    @Test
    void shouldRecoverOnlyARunThatIsStillStaleUnderTheRowLockByTheDatabaseClock() {
        withStore(f -> {
            long alive = f.running(TestPipelines.URBAN_SENSORS, A);
            f.silentFor(alive, 1);
            assertThat(f.store.recover(alive, STALE_AFTER, B)).isEqualTo(RunStore.Recovery.NONE);
            assertThat(f.owner(alive)).isEqualTo(A);

            f.silentFor(alive, 10);
            assertThat(f.store.recover(alive, STALE_AFTER, B)).isEqualTo(RunStore.Recovery.RESUMED);
            assertThat(f.owner(alive)).isEqualTo(B);
        });
    }

    /**
     * The owner's heartbeat and another instance's recovery meet on the row lock: a heartbeat committed
     * while the recovery waits for the lock keeps the run its owner's, because the recovery checks the
     * heartbeat again once it holds the lock.
     */
    @Test
    void shouldLeaveARunWhoseHeartbeatArrivesWhileTheRecoveryWaitsForTheRowLock() {
        withStore(f -> {
            long id = f.running(TestPipelines.URBAN_SENSORS, A);
            f.silentFor(id, 60);
            assertThat(f.store.stale(STALE_AFTER)).containsExactly(id);
            DataSource dataSource = f.jdbc.getDataSource();

            try (Connection owner = dataSource.getConnection()) {
                owner.setAutoCommit(false);
                // A's heartbeat transaction: holds the row lock from its update until it commits
                try (PreparedStatement heartbeat = owner.prepareStatement(
                        "UPDATE pipeline_run SET heartbeat_at = current_timestamp WHERE id = ? AND owner = ?")) {
                    heartbeat.setLong(1, id);
                    heartbeat.setString(2, A);
                    assertThat(heartbeat.executeUpdate()).isOne();
                }
                CompletableFuture<RunStore.Recovery> recovery = CompletableFuture.supplyAsync(() -> f.store.recover(id, STALE_AFTER, B));
                await().atMost(Duration.ofSeconds(30)).until(() -> f.jdbc.queryForObject(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'", Long.class, DATABASE) > 0);
                owner.commit();

                assertThat(recovery.get(30, TimeUnit.SECONDS)).isEqualTo(RunStore.Recovery.NONE);
            }
            assertThat(f.owner(id)).isEqualTo(A);
        });
    }
}
