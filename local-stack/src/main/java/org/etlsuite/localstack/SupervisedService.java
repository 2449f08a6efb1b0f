package org.etlsuite.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service under supervision: its child JVM and, once it has come up, a new one whenever it exits, however it
 * exits (a crash, {@code kill -9}, or on purpose: the transformer exits when the Schema Registry is gone), after the
 * {@link RestartBackoff} delay, until {@link #requestStop()}. Restarts append to the service's log, so the output
 * of the run that ended stays readable.
 *
 * <p>A service that exits before its first UP is not restarted: {@link #awaitFirstUp(Duration)} reports it and the
 * stack does not start, since a broken configuration would only fail again.
 */
final class SupervisedService {

    private static final Duration HEALTH_POLL = Duration.ofSeconds(1);
    private static final Duration EXIT_HANDLING_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SupervisedService.class);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final URI healthUri;
    private final RestartBackoff backoff;
    private final ScheduledExecutorService scheduler;

    // all guarded by this
    private ServiceProcess current;
    private CompletableFuture<Void> exitHandled = CompletableFuture.completedFuture(null);
    private boolean supervised;
    private boolean stopping;
    private Integer exitCodeBeforeSupervised;
    private int restartsInARow;
    private Instant upSince;

    SupervisedService(String name, List<String> command, Map<String, String> environment, Path logFile, URI healthUri,
                      RestartBackoff backoff, ScheduledExecutorService scheduler) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.healthUri = healthUri;
        this.backoff = backoff;
        this.scheduler = scheduler;
    }

    /** Starts the first process, replacing the previous run's log. */
    synchronized void start() {
        if (stopping) {
            throw new LocalStackException("Stopped while starting the services.");
        }
        current = ServiceProcess.start(name, command, environment, logFile, healthUri);
        watch(current);
    }

    /**
     * Waits for the first UP, then supervises the service.
     *
     * @throws LocalStackException naming the log file when it exits first or the timeout passes
     */
    void awaitFirstUp(Duration timeout) {
        currentProcess().awaitHealthy(timeout);
        synchronized (this) {
            upSince = Instant.now();
            supervised = true;
            if (exitCodeBeforeSupervised != null && !stopping) {
                // it went down between the health check that saw it UP and this line
                scheduleRestart("exited with code " + exitCodeBeforeSupervised);
            }
        }
    }

    private void watch(ServiceProcess process) {
        exitHandled = process.onExit().thenAccept(code -> exited(process, code));
    }

    private synchronized void exited(ServiceProcess process, int code) {
        if (stopping || process != current) {
            return;
        }
        if (!supervised) {
            exitCodeBeforeSupervised = code;
            return;
        }
        scheduleRestart("exited with code " + code);
    }

    /** With the lock held and not stopping. */
    private void scheduleRestart(String why) {
        if (upSince != null && Duration.between(upSince, Instant.now()).compareTo(backoff.resetAfter()) >= 0) {
            restartsInARow = 0;
        }
        upSince = null;
        int restart = ++restartsInARow;
        Duration delay = backoff.delay(restart);
        log.warn("{} {}; restart {} in {} (log: {})", name, why, restart, RestartBackoff.seconds(delay), logFile);
        scheduler.schedule(() -> restart(restart, why), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(int restart, String why) {
        ServiceProcess process;
        synchronized (this) {
            if (stopping) {
                return;
            }
            appendToLog("---- local-stack: " + name + " " + why + "; restart " + restart + " at " + Instant.now() + " ----");
            try {
                process = ServiceProcess.startAppending(name, command, environment, logFile, healthUri);
            } catch (LocalStackException e) {
                scheduleRestart("could not be started (" + e.getMessage() + ")");
                return;
            }
            current = process;
            watch(process);
            scheduleHealthCheck(process);
        }
        log.info("{} restarted (restart {}, pid {})", name, restart, process.pid());
    }

    /** With the lock held. */
    private void scheduleHealthCheck(ServiceProcess process) {
        scheduler.schedule(() -> checkHealth(process), HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkHealth(ServiceProcess process) {
        if (!isCurrentAndRunning(process)) {
            return;
        }
        boolean up = process.isHealthy();
        synchronized (this) {
            if (stopping || process != current) {
                return;
            }
            if (!up) {
                scheduleHealthCheck(process);
                return;
            }
            upSince = Instant.now();
        }
        log.info("{} is UP again", name);
    }

    private synchronized boolean isCurrentAndRunning(ServiceProcess process) {
        return !stopping && process == current && process.isAlive();
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Could not write to {}: {}", logFile, e.toString());
        }
    }

    /** Ends supervision (a pending restart does not happen) and sends SIGTERM to the running process. */
    synchronized void requestStop() {
        stopping = true;
        if (current != null) {
            current.requestStop();
        }
    }

    /**
     * After {@link #requestStop()}: waits for the process as {@link ServiceProcess#awaitStopped(Duration)} does, and
     * for its exit to be handled, so that nothing about it is still pending when the launcher has closed.
     *
     * @return true when it ended by itself within the grace period
     */
    boolean awaitStopped(Duration grace) {
        ServiceProcess process;
        CompletableFuture<Void> handled;
        synchronized (this) {
            process = current;
            handled = exitHandled;
        }
        if (process == null) {
            return true;
        }
        boolean ended = process.awaitStopped(grace);
        try {
            handled.get(EXIT_HANDLING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The exit of {} was not handled: {}", name, e.toString());
        }
        return ended;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    /** The process running now, or the one that last ran; null before {@link #start()}. */
    synchronized ServiceProcess currentProcess() {
        return current;
    }
}
