package org.etlsuite.transformer.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Starting, reading and cancelling runs: what the API and the schedules ask for. */
class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final RunStore store;
    private final RunExecutor executor;
    private final RunsProperties properties;

    RunService(RunStore store, RunExecutor executor, RunsProperties properties) {
        this.store = store;
        this.executor = executor;
        this.properties = properties;
    }

    /**
     * Queues a run and starts executing it.
     *
     * @throws ActiveRunConflictException when the pipeline has an active run (on any instance)
     * @throws InvalidRunParametersException when the request is inconsistent
     */
    PipelineRun start(Pipeline pipeline, RunRequest request) {
        RunParameters parameters = request.toParameters(properties.defaultEvents(), properties.maxEvents());
        return start(pipeline, request.toTrigger(), parameters);
    }

    PipelineRun start(Pipeline pipeline, RunTrigger trigger, RunParameters parameters) {
        store.activeRun(pipeline).ifPresent(active -> {
            throw new ActiveRunConflictException(pipeline, active);
        });
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

    PipelineRun get(long id) {
        return store.load(id);
    }

    Page<PipelineRun> list(Pipeline pipeline, RunState state, Pageable pageable) {
        return store.page(pipeline, state, pageable);
    }

    /**
     * Cancels a run: a queued one at once, a running one at its next check (within a poll interval
     * here, within a heartbeat when another instance executes it).
     */
    PipelineRun cancel(long id) {
        store.requestCancel(id);
        executor.cancel(id);
        return store.load(id);
    }
}
