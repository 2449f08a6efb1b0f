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

import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;
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
 * <p>A heartbeat that updates no row means the run is no longer this instance's: another instance took
 * it for stopped and took it over (after a database stall, say), or it has ended. The execution is then
 * fenced: its thread is interrupted and stops at once, and it records nothing more (every change it
 * would make is refused by {@link RunStore} anyway, see {@link RunFencedException}).
 *
 * <p>While PostgreSQL cannot be reached, a run keeps its thread: what it has to record (its claim, the
 * start and end of an attempt, its end) waits until the database answers again, retried every heartbeat
 * interval, and the run then goes on where it was. A task that needed the database meanwhile fails like
 * any other and is retried by the pipeline's policy. So an outage ends each run SUCCESS, or FAILED with
 * the database error of its last attempt; none is left RUNNING for the recovery to find. (A heartbeat that
 * fails is not a fence: only one that reaches the database and updates no row is.)
 */
class RunExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

    private final RunStore store;
    private final List<RunStep> steps;
    private final RunsProperties properties;
    private final String owner;
    private final ExecutorService threads;
    private final ScheduledExecutorService heartbeat;
    private final Map<Long, RunExecution> executing = new ConcurrentHashMap<>();
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
        RunExecution execution = new RunExecution(runId);
        if (executing.putIfAbsent(runId, execution) != null) {
            return;
        }
        try {
            threads.execute(() -> {
                execution.started(Thread.currentThread());
                try {
                    execute(execution);
                } catch (RuntimeException e) {
                    log.error("Run {} could not be executed", runId, e);
                } finally {
                    execution.ended();
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
        RunExecution execution = executing.get(runId);
        if (execution != null) {
            execution.cancel();
        }
    }

    private void execute(RunExecution execution) {
        long runId = execution.runId();
        try {
            if (!persistent(runId, "its claim", () -> store.claim(runId, owner))) {
                return;
            }
            execution.claimed();
            PipelineRun run = persistent(runId, "its loading", () -> store.load(runId));
            Pipeline pipeline = run.getPipeline();
            RunsProperties.PipelineSettings settings = properties.settings(pipeline);
            RunContext context = new RunContext(runId, pipeline, owner, () -> execution.check(owner), () -> {
                execution.check(owner);
                store.checkOwned(runId, owner);
            });
            try {
                for (RunStep step : steps) {
                    if (run.task(step.name()).getState() == TaskState.SUCCESS) {
                        continue; // done before this run was recovered
                    }
                    if (!attempt(execution, context, step, settings)) {
                        return;
                    }
                }
                persist(runId, "its success", () -> store.finish(runId, owner, RunState.SUCCESS, null));
                log.info("Run {} of {} succeeded", runId, pipeline.id());
            } catch (RunCancelledException e) {
                persist(runId, "its cancellation", () -> store.finish(runId, owner, RunState.CANCELLED, "cancelled on request"));
            }
        } catch (RunFencedException e) {
            log.warn("{}; stopped here without recording anything more", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (execution.fenced()) {
                log.warn("Run {} was taken over by another instance, or ended; stopped here without recording anything more", runId);
            }
            // otherwise the instance is shutting down: leave the run active, another start (or instance) recovers it
        } catch (RuntimeException e) {
            if (!execution.fenced()) {
                throw e;
            }
            // whatever the interrupt of the fence broke (a connection being acquired, a file being written)
            log.warn("Run {} was taken over by another instance, or ended; stopped here without recording anything more ({})",
                    runId, e.toString());
        }
    }

    /** @return whether the task succeeded; otherwise the run has been ended as FAILED */
    private boolean attempt(RunExecution execution, RunContext context, RunStep step, RunsProperties.PipelineSettings settings)
            throws InterruptedException {
        long runId = context.runId();
        String task = step.name().label();
        for (int attempt = 1; ; attempt++) {
            context.checkCancelled();
            persist(runId, "the start of " + task, () -> store.startAttempt(runId, owner, step.name()));
            try {
                step.execute(context);
            } catch (RunCancelledException | RunFencedException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (threads.isShutdown()) {
                    // stopped by the shutdown, not by the task: leave the run to recovery
                    throw new InterruptedException("shutting down");
                }
                if (execution.fenced()) {
                    // stopped by the fence's interrupt, not by the task: not a failed attempt of this instance
                    throw new RunFencedException(runId, owner, "its heartbeat found it taken over by another instance, "
                            + "or ended, while " + task + " ran (" + e + ")");
                }
                String error = describe(e);
                boolean retry = attempt <= settings.retries();
                persist(runId, "the failure of " + task, () -> store.attemptFailed(runId, owner, step.name(), error, retry));
                if (!retry) {
                    log.warn("Run {} of {}: {} failed after {} attempt(s): {}", runId, context.pipeline().id(), task, attempt, error);
                    String failure = task + " failed after " + attempt + " attempt(s): " + error;
                    persist(runId, "its failure", () -> store.finish(runId, owner, RunState.FAILED, failure));
                    return false;
                }
                long backoff = settings.backoffAfter(attempt).toMillis();
                log.info("Run {}: {} attempt {} failed ({}); retrying in {} ms", runId, task, attempt, error, backoff);
                sleepUnlessCancelled(context, backoff);
                continue;
            }
            persist(runId, "the success of " + task, () -> store.attemptSucceeded(runId, owner, step.name()));
            return true;
        }
    }

    /**
     * Records something of the run, waiting out an unreachable database: the call is repeated every
     * heartbeat interval until it goes through. Any other failure (a fence included) is thrown at once.
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

    /**
     * Marks this instance's runs alive, one row each: a run whose row is not updated is no longer this
     * instance's and is fenced at once. Runs submitted but not claimed yet have no heartbeat (their row
     * has no owner, or another one).
     */
    private void beat() {
        try {
            List<RunExecution> claimed = executing.values().stream().filter(RunExecution::isClaimed).toList();
            if (claimed.isEmpty()) {
                return;
            }
            for (RunExecution execution : claimed) {
                if (!store.heartbeat(execution.runId(), owner) && execution.fence()) {
                    log.info("Run {} is no longer active under this instance (taken over by another instance, or ended); "
                            + "stopping its execution here", execution.runId());
                }
            }
            for (Long id : store.cancelRequested(claimed.stream().map(RunExecution::runId).toList())) {
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
