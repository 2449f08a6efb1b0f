package org.etlsuite.transformer.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;

/**
 * Executes runs on this instance: the tasks in order, each attempt recorded, a failed attempt retried
 * after the pipeline's backoff, the run ended SUCCESS, FAILED or CANCELLED. While a run executes, a
 * heartbeat marks it alive in the database (so that other instances leave it alone) and picks up
 * cancel requests made through any instance.
 */
class RunExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

    private final RunStore store;
    private final List<RunStep> steps;
    private final RunsProperties properties;
    private final String owner;
    private final ExecutorService threads;
    private final ScheduledExecutorService heartbeat;
    /** Runs executing here, and whether a cancel was requested for them. */
    private final Map<Long, Boolean> executing = new ConcurrentHashMap<>();

    RunExecutor(RunStore store, List<RunStep> steps, RunsProperties properties, String owner) {
        this.store = store;
        this.steps = List.copyOf(steps);
        this.properties = properties;
        this.owner = owner;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "pipeline-run-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pipeline-run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    String owner() {
        return owner;
    }

    Set<Long> executing() {
        return Set.copyOf(executing.keySet());
    }

    /** Starts executing a queued (or recovered) run in the background. */
    void submit(long runId) {
        if (executing.putIfAbsent(runId, false) != null) {
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    execute(runId);
                } catch (RuntimeException e) {
                    log.error("Run {} could not be executed", runId, e);
                } finally {
                    executing.remove(runId);
                }
            });
        } catch (RuntimeException e) {
            executing.remove(runId);
            throw e;
        }
    }

    /** Asks the run to stop at its next check, if it executes here. */
    void cancel(long runId) {
        executing.computeIfPresent(runId, (id, cancelled) -> true);
    }

    private void execute(long runId) {
        if (!store.claim(runId, owner)) {
            return;
        }
        PipelineRun run = store.load(runId);
        Pipeline pipeline = run.getPipeline();
        RunsProperties.PipelineSettings settings = properties.settings(pipeline);
        RunContext context = new RunContext(runId, pipeline, () -> {
            if (Boolean.TRUE.equals(executing.get(runId))) {
                throw new RunCancelledException(runId);
            }
        });
        try {
            for (RunStep step : steps) {
                if (run.task(step.name()).getState() == TaskState.SUCCESS) {
                    continue; // done before this run was recovered
                }
                if (!attempt(context, step, settings)) {
                    return;
                }
            }
            store.finish(runId, RunState.SUCCESS, null);
            log.info("Run {} of {} succeeded", runId, pipeline.id());
        } catch (RunCancelledException e) {
            store.finish(runId, RunState.CANCELLED, "cancelled on request");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the instance is shutting down: leave the run active, another start (or instance) recovers it
        }
    }

    /** @return whether the task succeeded; otherwise the run has been ended as FAILED */
    private boolean attempt(RunContext context, RunStep step, RunsProperties.PipelineSettings settings) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            context.checkCancelled();
            store.startAttempt(context.runId(), step.name());
            try {
                step.execute(context);
                store.attemptSucceeded(context.runId(), step.name());
                return true;
            } catch (RunCancelledException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (threads.isShutdown()) {
                    // stopped by the shutdown, not by the task: leave the run to recovery
                    throw new InterruptedException("shutting down");
                }
                String error = describe(e);
                boolean retry = attempt <= settings.retries();
                store.attemptFailed(context.runId(), step.name(), error, retry);
                if (!retry) {
                    log.warn("Run {} of {}: {} failed after {} attempt(s): {}", context.runId(), context.pipeline().id(),
                            step.name().label(), attempt, error);
                    store.finish(context.runId(), RunState.FAILED, step.name().label() + " failed after " + attempt + " attempt(s): " + error);
                    return false;
                }
                long backoff = settings.backoffAfter(attempt).toMillis();
                log.info("Run {}: {} attempt {} failed ({}); retrying in {} ms", context.runId(), step.name().label(), attempt, error, backoff);
                sleepUnlessCancelled(context, backoff);
            }
        }
    }

    private void sleepUnlessCancelled(RunContext context, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long now;
        while ((now = System.nanoTime()) < deadline) {
            context.checkCancelled();
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - now) + 1, 200));
        }
    }

    private void beat() {
        try {
            Set<Long> ids = executing();
            if (ids.isEmpty()) {
                return;
            }
            store.heartbeat(ids, owner);
            for (Long id : store.cancelRequested(ids)) {
                cancel(id);
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat of the executing runs failed: {}", e.toString());
        }
    }

    static String describe(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String message = e == root ? String.valueOf(e.getMessage())
                : e.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return e.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void destroy() throws InterruptedException {
        heartbeat.shutdownNow();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
