package org.etlsuite.transformer.run;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of the run history, each in its own short transaction: the executing thread, the API
 * and the recovery of other instances all work on the same rows, so nobody holds an entity across
 * calls and writes it back later.
 */
@Component
class RunStore {

    private static final List<RunState> ACTIVE = List.of(RunState.QUEUED, RunState.RUNNING);

    private final RunRepository runs;
    private final EntityManager entityManager;
    private final Clock clock;

    RunStore(RunRepository runs, EntityManager entityManager, Clock runClock) {
        this.runs = runs;
        this.entityManager = entityManager;
        this.clock = runClock;
    }

    /**
     * Inserts a queued run. Fails with a constraint violation (the partial unique index) when the
     * pipeline already has an active run, also when another instance inserted it a moment ago.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long insert(Pipeline pipeline, RunTrigger trigger, RunParameters parameters) {
        PipelineRun run = runs.saveAndFlush(new PipelineRun(pipeline, trigger, parameters, clock.instant()));
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
     * @return false when the run is no longer active (cancelled while queued)
     */
    @Transactional
    public boolean claim(long id, String owner) {
        PipelineRun run = locked(id);
        if (!run.getState().active()) {
            return false;
        }
        Instant now = clock.instant();
        run.setState(RunState.RUNNING);
        if (run.getStartedAt() == null) {
            run.setStartedAt(now);
        }
        run.setOwner(owner);
        run.setHeartbeatAt(now);
        return true;
    }

    @Transactional
    public int startAttempt(long id, TaskName name) {
        return locked(id).task(name).startAttempt(clock.instant()).getAttempt();
    }

    @Transactional
    public void attemptSucceeded(long id, TaskName name) {
        RunTask task = locked(id).task(name);
        Instant now = clock.instant();
        task.runningAttempt().end(AttemptState.SUCCESS, now, null);
        task.setState(TaskState.SUCCESS);
        task.setEndedAt(now);
        task.setError(null);
    }

    /** @param retry whether another attempt follows (the task waits UP_FOR_RETRY) or the task has failed */
    @Transactional
    public void attemptFailed(long id, TaskName name, String error, boolean retry) {
        RunTask task = locked(id).task(name);
        Instant now = clock.instant();
        task.runningAttempt().end(AttemptState.FAILED, now, error);
        task.setState(retry ? TaskState.UP_FOR_RETRY : TaskState.FAILED);
        task.setError(error);
        if (!retry) {
            task.setEndedAt(now);
        }
    }

    /** Applies a task's findings (offsets, files, counts) to the run. */
    @Transactional
    public void update(long id, Consumer<PipelineRun> change) {
        change.accept(locked(id));
    }

    /**
     * Ends the run. Tasks that did not finish become CANCELLED (cancelled run) or SKIPPED (failed
     * run); an attempt still running is closed the same way.
     */
    @Transactional
    public void finish(long id, RunState state, String error) {
        PipelineRun run = locked(id);
        Instant now = clock.instant();
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
            finish(id, RunState.CANCELLED, "cancelled before it started");
            return RunState.CANCELLED;
        }
        return run.getState();
    }

    @Transactional
    public void heartbeat(Collection<Long> ids, String owner) {
        if (!ids.isEmpty()) {
            runs.heartbeat(ids, owner, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    public List<Long> cancelRequested(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : runs.findCancelRequested(ids);
    }

    @Transactional(readOnly = true)
    public List<Long> stale(Instant staleBefore) {
        return runs.findStale(ACTIVE, staleBefore);
    }

    /**
     * Takes over an active run whose instance stopped, if it is still stale under the row lock (so
     * that only one instance takes it). A run interrupted in the middle of its extract task is failed:
     * its burst may still be running at the producer. Any other run (never started, or past extract,
     * whose offset range is fixed and whose later tasks only read and rewrite whole files) is resumed.
     *
     * @return what became of it
     */
    @Transactional
    public Recovery recover(long id, Instant staleBefore, String owner) {
        PipelineRun run = locked(id);
        Instant heartbeat = run.getHeartbeatAt() != null ? run.getHeartbeatAt() : run.getQueuedAt();
        if (!run.getState().active() || !heartbeat.isBefore(staleBefore)) {
            return Recovery.NONE;
        }
        Instant now = clock.instant();
        String interrupted = "interrupted: the instance executing the run (" + run.getOwner() + ") stopped";
        TaskState extract = run.task(TaskName.EXTRACT).getState();
        if (extract != TaskState.SUCCESS && extract != TaskState.PENDING) {
            String error = interrupted + " during extract; its burst may have been sent partly, so the run is not resumed";
            // extract itself failed (it ran and will not run again): FAILED, not SKIPPED as finish
            // would leave it, which means "an earlier task failed"
            RunTask task = run.task(TaskName.EXTRACT);
            TaskAttempt attempt = task.runningAttempt();
            if (attempt != null) {
                attempt.end(AttemptState.FAILED, now, error);
            }
            task.setState(TaskState.FAILED);
            task.setError(error);
            task.setEndedAt(now);
            finish(id, RunState.FAILED, error);
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

    enum Recovery {
        NONE, RESUMED, FAILED
    }

    private PipelineRun locked(long id) {
        PipelineRun run = entityManager.find(PipelineRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new UnknownRunException(id);
        }
        return run;
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
