package org.etlsuite.transformer.run.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.etlsuite.transformer.run.AttemptState;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunFencedException;
import org.etlsuite.transformer.run.RunNotActiveException;
import org.etlsuite.transformer.run.RunParameters;
import org.etlsuite.transformer.run.RunState;
import org.etlsuite.transformer.run.RunTrigger;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.TaskState;
import org.etlsuite.transformer.run.UnknownRunException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of the run history, each in its own short transaction: the executing thread, the API
 * and the recovery of other instances all work on the same rows, so nobody holds an entity across
 * calls and writes it back later.
 *
 * <p>Fencing: what the executing thread changes carries its instance (the owner) and is made under the
 * row lock only while the run is active and still that instance's; otherwise it throws
 * {@link RunFencedException}. So an instance that was taken for stopped (a database stall longer than
 * {@code etl.runs.stale-after}) and whose run another instance took over cannot write to the run again,
 * whatever it was doing when the stall ended. Cancel requests (the API) and the recovery act on any
 * owner's run.
 *
 * <p>Time: every timestamp of the history (queued, started, ended, heartbeats) is the database's
 * {@code current_timestamp}, and staleness is judged by it too: the instances' clocks may disagree,
 * the database has one.
 */
@Component
public class RunStore {

    private static final List<RunState> ACTIVE = List.of(RunState.QUEUED, RunState.RUNNING);

    private final RunRepository runs;
    private final EntityManager entityManager;

    RunStore(RunRepository runs, EntityManager entityManager) {
        this.runs = runs;
        this.entityManager = entityManager;
    }

    /**
     * Inserts a queued run. Fails with a constraint violation (the partial unique index) when the
     * pipeline already has an active run, also when another instance inserted it a moment ago.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long insert(Pipeline pipeline, RunTrigger trigger, RunParameters parameters) {
        PipelineRun run = runs.saveAndFlush(new PipelineRun(pipeline, trigger, parameters, now()));
        return run.getId();
    }

    @Transactional(readOnly = true)
    public Optional<Long> activeRun(Pipeline pipeline) {
        return runs.findFirstByPipelineAndStateIn(pipeline.id(), ACTIVE).map(PipelineRun::getId);
    }

    /** The run with its tasks and attempts loaded, detached: safe to read outside a transaction. */
    @Transactional(readOnly = true)
    public PipelineRun load(long id) {
        PipelineRun run = runs.findById(id).orElseThrow(() -> new UnknownRunException(id));
        run.getTasks().forEach(task -> task.getAttemptList().size());
        return run;
    }

    @Transactional(readOnly = true)
    public Page<PipelineRun> page(Pipeline pipeline, RunState state, Pageable pageable) {
        Page<PipelineRun> page = state == null ? runs.findByPipeline(pipeline.id(), pageable)
                : runs.findByPipelineAndState(pipeline.id(), state, pageable);
        page.forEach(run -> run.getTasks().forEach(task -> task.getAttemptList().size()));
        return page;
    }

    /**
     * Claims a queued (or recovered) run for this instance: RUNNING, owned, heartbeat now.
     *
     * @return false when the run is no longer active (cancelled while queued) or another instance has
     *         it (it recovered the run before this instance's thread got to it)
     */
    @Transactional
    public boolean claim(long id, String owner) {
        PipelineRun run = locked(id);
        if (!run.getState().active() || run.getOwner() != null && !run.getOwner().equals(owner)) {
            return false;
        }
        Instant now = now();
        run.setState(RunState.RUNNING);
        if (run.getStartedAt() == null) {
            run.setStartedAt(now);
        }
        run.setOwner(owner);
        run.setHeartbeatAt(now);
        return true;
    }

    /** @throws RunFencedException when the run is no longer active and the owner's */
    @Transactional
    public int startAttempt(long id, String owner, TaskName name) {
        return owned(id, owner).task(name).startAttempt(now()).getAttempt();
    }

    /** @throws RunFencedException when the run is no longer active and the owner's */
    @Transactional
    public void attemptSucceeded(long id, String owner, TaskName name) {
        RunTask task = owned(id, owner).task(name);
        Instant now = now();
        task.runningAttempt().end(AttemptState.SUCCESS, now, null);
        task.setState(TaskState.SUCCESS);
        task.setEndedAt(now);
        task.setError(null);
    }

    /**
     * @param retry whether another attempt follows (the task waits UP_FOR_RETRY) or the task has failed
     * @throws RunFencedException when the run is no longer active and the owner's
     */
    @Transactional
    public void attemptFailed(long id, String owner, TaskName name, String error, boolean retry) {
        RunTask task = owned(id, owner).task(name);
        Instant now = now();
        task.runningAttempt().end(AttemptState.FAILED, now, error);
        task.setState(retry ? TaskState.UP_FOR_RETRY : TaskState.FAILED);
        task.setError(error);
        if (!retry) {
            task.setEndedAt(now);
        }
    }

    /**
     * Applies a task's findings (offsets, files, counts) to the run.
     *
     * @throws RunFencedException when the run is no longer active and the owner's
     */
    @Transactional
    public void update(long id, String owner, Consumer<PipelineRun> change) {
        change.accept(owned(id, owner));
    }

    /**
     * Ends the run the owner executes; see {@link #end}.
     *
     * @throws RunFencedException when the run is no longer active and the owner's
     */
    @Transactional
    public void finish(long id, String owner, RunState state, String error) {
        end(owned(id, owner), state, error, now());
    }

    /**
     * Confirms that the run is still active and the owner's, without changing it: before a task does
     * something outside the database that no owner condition can guard.
     *
     * @throws RunFencedException otherwise
     */
    @Transactional(readOnly = true)
    public void checkOwned(long id, String owner) {
        requireOwned(runs.findById(id).orElseThrow(() -> new UnknownRunException(id)), owner);
    }

    /**
     * Cancels a queued run at once; marks a running one for its executing thread (on whichever
     * instance), which stops at its next check.
     *
     * @return the state after the request (CANCELLED or still RUNNING)
     */
    @Transactional
    public RunState requestCancel(long id) {
        PipelineRun run = locked(id);
        if (!run.getState().active()) {
            throw new RunNotActiveException(id, run.getState());
        }
        run.setCancelRequested(true);
        if (run.getState() == RunState.QUEUED) {
            end(run, RunState.CANCELLED, "cancelled before it started", now());
            return RunState.CANCELLED;
        }
        return run.getState();
    }

    /**
     * Marks the run alive, at the database's time.
     *
     * @return false when no row was updated: another instance took the run over, or it has ended
     */
    @Transactional
    public boolean heartbeat(long id, String owner) {
        return runs.heartbeat(id, owner) == 1;
    }

    @Transactional(readOnly = true)
    public List<Long> cancelRequested(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : runs.findCancelRequested(ids);
    }

    /** Active runs without a heartbeat for {@code staleAfter}, by the database's clock. */
    @Transactional(readOnly = true)
    public List<Long> stale(Duration staleAfter) {
        return runs.findStale(staleAfter.toMillis());
    }

    /**
     * Takes over an active run whose instance stopped, if it is still stale under the row lock (so
     * that only one instance takes it), by the database's clock. A run interrupted in the middle of its
     * extract task is failed: its burst may still be running at the producer. Any other run (never
     * started, or past extract, whose offset range is fixed and whose later tasks only read and rewrite
     * whole files) is resumed, owned by {@code owner} from now on: the stopped instance's writes are
     * refused from this commit on, see {@link #owned}.
     *
     * @return what became of it
     */
    @Transactional
    public Recovery recover(long id, Duration staleAfter, String owner) {
        PipelineRun run = locked(id);
        Instant now = now();
        Instant heartbeat = run.getHeartbeatAt() != null ? run.getHeartbeatAt() : run.getQueuedAt();
        if (!run.getState().active() || !heartbeat.isBefore(now.minus(staleAfter))) {
            return Recovery.NONE;
        }
        String interrupted = "interrupted: the instance executing the run (" + run.getOwner() + ") stopped";
        TaskState extract = run.task(TaskName.EXTRACT).getState();
        if (extract != TaskState.SUCCESS && extract != TaskState.PENDING) {
            String error = interrupted + " during extract; its burst may have been sent partly, so the run is not resumed";
            // extract itself failed (it ran and will not run again): FAILED, not SKIPPED as end
            // would leave it, which means "an earlier task failed"
            RunTask task = run.task(TaskName.EXTRACT);
            TaskAttempt attempt = task.runningAttempt();
            if (attempt != null) {
                attempt.end(AttemptState.FAILED, now, error);
            }
            task.setState(TaskState.FAILED);
            task.setError(error);
            task.setEndedAt(now);
            end(run, RunState.FAILED, error, now);
            return Recovery.FAILED;
        }
        for (RunTask task : run.getTasks()) {
            TaskAttempt attempt = task.runningAttempt();
            if (attempt != null) {
                attempt.end(AttemptState.FAILED, now, interrupted);
                task.setState(TaskState.UP_FOR_RETRY);
                task.setError(interrupted);
            }
        }
        run.setOwner(owner);
        run.setHeartbeatAt(now);
        return Recovery.RESUMED;
    }

    public enum Recovery {
        NONE, RESUMED, FAILED
    }

    /**
     * Ends the run. Tasks that did not finish become CANCELLED (cancelled run) or SKIPPED (failed
     * run); an attempt still running is closed the same way.
     */
    private static void end(PipelineRun run, RunState state, String error, Instant now) {
        for (RunTask task : run.getTasks()) {
            TaskAttempt attempt = task.runningAttempt();
            if (attempt != null) {
                attempt.end(state == RunState.CANCELLED ? AttemptState.CANCELLED : AttemptState.FAILED, now, error);
            }
            if (task.getState() != TaskState.SUCCESS && task.getState() != TaskState.FAILED) {
                task.setState(state == RunState.CANCELLED ? TaskState.CANCELLED : TaskState.SKIPPED);
                task.setEndedAt(now);
            }
        }
        run.setState(state);
        run.setEndedAt(now);
        run.setError(error);
    }

    private PipelineRun locked(long id) {
        PipelineRun run = entityManager.find(PipelineRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new UnknownRunException(id);
        }
        return run;
    }

    /** The run, locked, if it is active and the owner's: the condition of every change the executing thread makes. */
    private PipelineRun owned(long id, String owner) {
        return requireOwned(locked(id), owner);
    }

    private static PipelineRun requireOwned(PipelineRun run, String owner) {
        if (!owner.equals(run.getOwner())) {
            throw new RunFencedException(run.getId(), owner, "another instance took it over (" + run.getOwner() + ", "
                    + run.getState() + ")");
        }
        if (!run.getState().active()) {
            throw new RunFencedException(run.getId(), owner, "it has ended (" + run.getState() + ")");
        }
        return run;
    }

    /** The database's {@code current_timestamp}: the time of this transaction, the same for every instance. */
    private Instant now() {
        return runs.databaseTime();
    }

    /** The latest successful run of the pipeline that took existing events: the next such run starts where it ended. */
    @Transactional(readOnly = true)
    public Optional<PipelineRun> previousExistingEventsRun(Pipeline pipeline, long excludedId) {
        return runs.findFirstByPipelineAndGenerateFalseAndStateAndIdNotOrderByIdDesc(pipeline.id(), RunState.SUCCESS, excludedId);
    }

    @Transactional(readOnly = true)
    public boolean rawFileTaken(String rawFile, long excludedId) {
        return runs.existsByRawFileAndIdNot(rawFile, excludedId);
    }
}
