package org.etlsuite.transformer.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Starting, reading and cancelling runs: what the API and the schedules ask for. */
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final RunStore store;
    private final RunExecutor executor;
    private final ExistingEventsRange existingEvents;
    private final RunsProperties properties;

    RunService(RunStore store, RunExecutor executor, ExistingEventsRange existingEvents, RunsProperties properties) {
        this.store = store;
        this.executor = executor;
        this.existingEvents = existingEvents;
        this.properties = properties;
    }

    /**
     * Queues a run and starts executing it.
     *
     * @throws ActiveRunConflictException when the pipeline has an active run (on any instance)
     * @throws InvalidRunParametersException when the request is inconsistent, or would take more events
     *                                       than a run may hold
     * @throws KafkaUnavailableException when the range a run of existing events would take cannot be sized
     */
    public PipelineRun start(Pipeline pipeline, RunRequest request) {
        RunParameters parameters = request.toParameters(properties.defaultEvents(), properties.maxEvents());
        return start(pipeline, request.toTrigger(), parameters);
    }

    public PipelineRun start(Pipeline pipeline, RunTrigger trigger, RunParameters parameters) {
        store.activeRun(pipeline).ifPresent(active -> {
            throw new ActiveRunConflictException(pipeline, active);
        });
        if (!parameters.generate()) {
            checkPendingRange(pipeline);
        }
        long id;
        try {
            id = store.insert(pipeline, trigger, parameters);
        } catch (DataIntegrityViolationException e) {
            // another thread or instance queued one between the check and the insert
            throw new ActiveRunConflictException(pipeline, store.activeRun(pipeline).orElse(-1L));
        }
        log.info("Run {} of {} queued ({})", id, pipeline.id(), trigger);
        executor.submit(id);
        return store.load(id);
    }

    /**
     * Refuses a run of existing events whose range would exceed {@code etl.runs.max-events} now, before
     * anything is queued. Events arriving after this check do not make the run fail: its extract task
     * cuts the range to the limit and leaves the rest to the next run.
     */
    private void checkPendingRange(Pipeline pipeline) {
        ExistingEventsRange.Pending pending;
        try {
            pending = existingEvents.pending(pipeline, ExistingEventsRange.NO_RUN);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Cannot size the pending range of " + pipeline.topic() + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while sizing the pending range of " + pipeline.topic(), e);
        }
        long size = pending.input().size();
        if (size > properties.maxEvents()) {
            String since = pending.previousRunId() == null
                    ? "since the beginning of the topic: no generate=false run has succeeded yet"
                    : "since run " + pending.previousRunId() + ", the previous generate=false run";
            throw new InvalidRunParametersException("The pending range of " + pipeline.topic() + " holds " + size + " offsets ("
                    + since + "); a run takes at most " + properties.maxEvents() + " (etl.runs.max-events). Use generating runs "
                    + "(generate=true), which take only their own burst, or raise etl.runs.max-events.");
        }
    }

    public PipelineRun get(long id) {
        return store.load(id);
    }

    public Page<PipelineRun> list(Pipeline pipeline, RunState state, Pageable pageable) {
        return store.page(pipeline, state, pageable);
    }

    /**
     * Cancels a run: a queued one at once, a running one at its next check (within a poll interval
     * here, within a heartbeat when another instance executes it).
     */
    public PipelineRun cancel(long id) {
        store.requestCancel(id);
        executor.cancel(id);
        return store.load(id);
    }
}
