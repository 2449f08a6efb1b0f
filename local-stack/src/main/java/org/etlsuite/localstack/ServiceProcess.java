package org.etlsuite.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM, its output going to a log file, so that each service keeps its own
 * classpath, heap and logs exactly as it would in production.
 */
public final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final URI healthUri;
    private final HealthProbe healthProbe = new HealthProbe();

    private ServiceProcess(String name, Process process, Path logFile, URI healthUri) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.healthUri = healthUri;
    }

    /**
     * Starts {@code command} with stdout and stderr written to {@code logFile} (replacing the previous run's).
     *
     * @param environment added to the launcher's own environment
     * @param healthUri   polled by {@link #awaitHealthy(Duration)}
     */
    public static ServiceProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
                                       URI healthUri) {
        return launch(name, command, environment, logFile, healthUri, ProcessBuilder.Redirect.to(logFile.toFile()));
    }

    /** As {@link #start}, but appending to {@code logFile}: a restart keeps the output that shows why it was needed. */
    public static ServiceProcess startAppending(String name, List<String> command, Map<String, String> environment,
                                                Path logFile, URI healthUri) {
        return launch(name, command, environment, logFile, healthUri, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private static ServiceProcess launch(String name, List<String> command, Map<String, String> environment, Path logFile,
                                         URI healthUri, ProcessBuilder.Redirect output) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output);
            builder.environment().putAll(environment);
            return new ServiceProcess(name, builder.start(), logFile, healthUri);
        } catch (IOException e) {
            throw new LocalStackException("Could not start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the service reports UP.
     *
     * @throws LocalStackException naming the log file when the process exits first or the timeout passes
     */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new LocalStackException(name + " exited with code " + process.exitValue()
                        + " while starting; see " + logFile);
            }
            if (isHealthy()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalStackException(name + " did not report UP at " + healthUri + " within "
                        + timeout.toSeconds() + " s; see " + logFile);
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("Interrupted while waiting for " + name);
            }
        }
    }

    /** One look at the health endpoint: true when the service reports UP right now. */
    public boolean isHealthy() {
        return healthProbe.isUp(healthUri);
    }

    /** Sends SIGTERM, which a Spring Boot service answers with a graceful shutdown. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Waits up to {@code grace} for the process to end after {@link #requestStop()}, then kills it and
     * anything it started.
     *
     * @return true when it ended by itself within the grace period
     */
    public boolean awaitStopped(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Completes with the exit code when the process ends, for however it ends. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }
}
