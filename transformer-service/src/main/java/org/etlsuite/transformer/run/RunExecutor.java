package org.etlsuite.transformer.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;

/**
 * Executes runs on this instance: the tasks in order, each attempt recorded, a failed attempt retried
 * after the pipeline's backoff, the run ended SUCCESS, FAILED or CANCELLED. While a run executes, a
 * heartbeat marks it alive in the database (so that other instances leave it alone) and picks up
 * cancel requests made through any instance.
 *
 * <p>While PostgreSQL cannot be reached, a run keeps its thread: what it has to record (its claim, the
 * start and end of an attempt, its end) waits until the database answers again, retried every heartbeat
 * interval, and the run then goes on where it was. A task that needed the database meanwhile fails like
 * any other and is retried by the pipeline's policy. So an outage ends each run SUCCESS, or FAILED with
 * the database error of its last attempt; none is left RUNNING for the recovery to find.
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
    /** Whether the last heartbeat failed: one warning when heartbeats start failing and one when they work again. */
    private final AtomicBoolean heartbeatFailing = new AtomicBoolean();

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
        try {
            if (!persistent(runId, "its claim", () -> store.claim(runId, owner))) {
                return;
            }
            PipelineRun run = persistent(runId, "its loading", () -> store.load(runId));
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
                persist(runId, "its success", () -> store.finish(runId, RunState.SUCCESS, null));
                log.info("Run {} of {} succeeded", runId, pipeline.id());
            } catch (RunCancelledException e) {
                persist(runId, "its cancellation", () -> store.finish(runId, RunState.CANCELLED, "cancelled on request"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the instance is shutting down: leave the run active, another start (or instance) recovers it
        }
    }

    /** @return whether the task succeeded; otherwise the run has been ended as FAILED */
    private boolean attempt(RunContext context, RunStep step, RunsProperties.PipelineSettings settings) throws InterruptedException {
        long runId = context.runId();
        String task = step.name().label();
        for (int attempt = 1; ; attempt++) {
            context.checkCancelled();
            persistent(runId, "the start of " + task, () -> store.startAttempt(runId, step.name()));
            try {
                step.execute(context);
            } catch (RunCancelledException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (threads.isShutdown()) {
                    // stopped by the shutdown, not by the task: leave the run to recovery
                    throw new InterruptedException("shutting down");
                }
                String error = describe(e);
                boolean retry = attempt <= settings.retries();
                persist(runId, "the failure of " + task, () -> store.attemptFailed(runId, step.name(), error, retry));
                if (!retry) {
                    log.warn("Run {} of {}: {} failed after {} attempt(s): {}", runId, context.pipeline().id(), task, attempt, error);
                    String failure = task + " failed after " + attempt + " attempt(s): " + error;
                    persist(runId, "its failure", () -> store.finish(runId, RunState.FAILED, failure));
                    return false;
                }
                long backoff = settings.backoffAfter(attempt).toMillis();
                log.info("Run {}: {} attempt {} failed ({}); retrying in {} ms", runId, task, attempt, error, backoff);
                sleepUnlessCancelled(context, backoff);
                continue;
            }
            persist(runId, "the success of " + task, () -> store.attemptSucceeded(runId, step.name()));
            return true;
        }
    }

    /**
     * Records something of the run, waiting out an unreachable database: the call is repeated every
     * heartbeat interval until it goes through. Any other failure is thrown at once.
     */
    private <T> T persistent(long runId, String what, Supplier<T> call) throws InterruptedException {
        boolean waiting = false;
        while (true) {
            try {
                T result = call.get();
                if (waiting) {
                    log.warn("Run {}: PostgreSQL answers again; {} is recorded and the run goes on", runId, what);
                }
                return result;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causes(e)) {
                    throw e;
                }
                if (!waiting) {
                    log.warn("Run {}: cannot record {}, PostgreSQL is unreachable ({}); retrying every {}", runId, what, describe(e),
                            properties.heartbeatInterval());
                    waiting = true;
                }
                if (threads.isShutdown()) {
                    throw new InterruptedException("shutting down");
                }
                Thread.sleep(properties.heartbeatInterval().toMillis());
            }
        }
    }

    private void persist(long runId, String what, Runnable call) throws InterruptedException {
        persistent(runId, what, () -> {
            call.run();
            return null;
        });
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
            if (heartbeatFailing.compareAndSet(true, false)) {
                log.warn("Heartbeats of the executing runs work again");
            }
        } catch (RuntimeException e) {
            if (heartbeatFailing.compareAndSet(false, true)) {
                log.warn("Heartbeat of the executing runs failed, retrying every {} (logged again once it works): {}",
                        properties.heartbeatInterval(), e.toString());
            }
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
