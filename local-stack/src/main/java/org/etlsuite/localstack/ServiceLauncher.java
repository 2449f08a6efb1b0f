package org.etlsuite.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the services as child JVMs of the launcher, waits until each reports UP, and stops them
 * gracefully (SIGTERM, then a forced kill after a grace period).
 */
public final class ServiceLauncher implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

    private final Path java;
    private final List<String> jvmOptions;
    private final StackDirectories dirs;
    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /**
     * @param java the JVM binary for the services
     * @param jvmOptions options put before {@code -jar}
     */
    public ServiceLauncher(Path java, List<String> jvmOptions, StackDirectories dirs) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.dirs = dirs;
    }

    /** The JVM running this code, so the services run on the same Java version as the launcher. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * Starts all services at once (their start-ups overlap), then waits for each to report UP.
     *
     * @throws LocalStackException when one exits or times out; the ones already started stay registered for {@link #close()}
     */
    public void start(List<ServiceDefinition> services, Duration timeout) {
        for (ServiceDefinition service : services) {
            if (stopping) {
                throw new LocalStackException("Stopped while starting the services.");
            }
            log.info("Starting {} on port {} (log: {})", service.name(), service.port(), dirs.logFile(service.name()));
            ServiceProcess process = ServiceProcess.start(service.name(), service.command(java, jvmOptions),
                    dirs.logFile(service.name()), service.healthUri());
            processes.add(process);
            if (stopping) {
                // close() ran between the launch and the add: it could not see this one
                process.requestStop();
            }
            process.onExit().thenAccept(code -> {
                if (!stopping) {
                    log.error("{} exited unexpectedly with code {}; see {}", process.name(), code, process.logFile());
                }
            });
        }
        for (ServiceProcess process : processes) {
            process.awaitHealthy(timeout);
            log.info("{} is UP", process.name());
        }
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    /** Sends SIGTERM to every service at once, then waits for each (forcing those past the grace period). */
    @Override
    public void close() {
        stopping = true;
        processes.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : processes) {
            if (!process.awaitStopped(STOP_GRACE)) {
                log.warn("{} did not stop within {} s and was killed; see {}", process.name(), STOP_GRACE.toSeconds(),
                        process.logFile());
            }
        }
    }
}
