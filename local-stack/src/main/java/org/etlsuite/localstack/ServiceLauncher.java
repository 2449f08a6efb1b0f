package org.etlsuite.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the services as child JVMs of the launcher, waits until each reports UP, then supervises them (a service
 * that exits is started again, see {@link SupervisedService}), and stops them gracefully (SIGTERM, then a forced
 * kill after a grace period) without restarting any.
 */
public final class ServiceLauncher implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

    private final Path java;
    private final List<String> jvmOptions;
    private final StackDirectories dirs;
    private final Map<String, String> environment;
    private final RestartBackoff backoff;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-supervisor");
        // a launcher that is never closed must not keep the JVM alive
        thread.setDaemon(true);
        return thread;
    });
    private final List<SupervisedService> services = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /**
     * @param java        the JVM binary for the services
     * @param jvmOptions  options put before {@code -jar}
     * @param environment added to each service's environment (the API credentials)
     * @param backoff     how long to wait before restarting a service that exited
     */
    public ServiceLauncher(Path java, List<String> jvmOptions, StackDirectories dirs, Map<String, String> environment,
                           RestartBackoff backoff) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.dirs = dirs;
        this.environment = Map.copyOf(environment);
        this.backoff = backoff;
    }

    /** The JVM running this code, so the services run on the same Java version as the launcher. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * Starts all services at once (their start-ups overlap), then waits for each to report UP; from its first UP on,
     * each is supervised.
     *
     * @throws LocalStackException when one exits or times out before its first UP; the ones already started stay
     *                             registered for {@link #close()}
     */
    public void start(List<ServiceDefinition> definitions, Duration timeout) {
        for (ServiceDefinition definition : definitions) {
            if (stopping) {
                throw new LocalStackException("Stopped while starting the services.");
            }
            Path logFile = dirs.logFile(definition.name());
            log.info("Starting {} on port {} (log: {})", definition.name(), definition.port(), logFile);
            SupervisedService service = new SupervisedService(definition.name(), definition.command(java, jvmOptions),
                    environment, logFile, definition.healthUri(), backoff, supervisor);
            // registered first, so that a close() from now on stops it, whether it runs yet or not
            services.add(service);
            service.start();
        }
        for (SupervisedService service : services) {
            service.awaitFirstUp(timeout);
            log.info("{} is UP", service.name());
        }
        if (!services.isEmpty()) {
            log.info("The services are supervised: one that exits is restarted {}", backoff.describe());
        }
    }

    /** The service processes running now (or that last ran, for one waiting to be restarted). */
    public List<ServiceProcess> processes() {
        return services.stream().map(SupervisedService::currentProcess).filter(Objects::nonNull).toList();
    }

    /** Ends supervision, sends SIGTERM to every service at once, then waits for each (forcing those past the grace period). */
    @Override
    public void close() {
        stopping = true;
        services.forEach(SupervisedService::requestStop);
        supervisor.shutdownNow();
        for (SupervisedService service : services) {
            if (!service.awaitStopped(STOP_GRACE)) {
                log.warn("{} did not stop within {} s and was killed; see {}", service.name(), STOP_GRACE.toSeconds(),
                        service.logFile());
            }
        }
    }
}
