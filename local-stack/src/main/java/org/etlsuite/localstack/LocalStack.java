package org.etlsuite.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.etlsuite.localstack.registry.AdminCredentials;
import org.etlsuite.localstack.registry.DevelopmentSchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack: PostgreSQL, Kafka, the Schema Registry, then (unless disabled) the three
 * services and (with {@code --connect}) a Kafka Connect worker, last because its sink reads a topic the
 * transformer declares; started in that order and stopped in the reverse one, so that nothing loses the thing
 * it talks to while it is still shutting down. One {@link StackCredentials} guards the services' APIs and the
 * registry's destructive operations.
 *
 * <p>{@link #close()} may be called from a shutdown hook while {@link #start()} is still running: the parts
 * already started are stopped and the start is abandoned.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackOptions options;
    private final Map<String, String> environment;
    private final StackDirectories dirs;
    private final Deque<NamedCloseable> started = new ArrayDeque<>();
    private volatile StackCredentials credentials;
    private ServiceLauncher services;
    private boolean closed;

    /**
     * @param environment where {@code ETL_API_USER} / {@code ETL_API_PASSWORD} may be set (normally
     *                    {@link System#getenv()})
     */
    public LocalStack(LocalStackOptions options, Map<String, String> environment) {
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.dirs = options.directories();
    }

    /** Creates and starts a stack; on failure everything already started is stopped again. */
    public static LocalStack start(LocalStackOptions options, Map<String, String> environment) {
        LocalStack stack = new LocalStack(options, environment);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Checks ports and jars first, then starts each part and returns when the services report UP.
     *
     * @throws LocalStackException with a message meant for the person at the terminal
     */
    public void start() {
        Instant begin = Instant.now();
        PortGuard.requireLocal(options.bindAddress());
        PortGuard.requireFree(options.ports());
        List<ServiceDefinition> definitions = options.startServices() ? EtlServices.definitions(options) : List.of();
        dirs.create();
        StackCredentials credentials = StackCredentials.resolve(environment, dirs.credentialsFile());
        this.credentials = credentials;

        log.info("Starting PostgreSQL on port {} (data: {})", options.postgresPort(), dirs.postgresDir());
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dirs.postgresDir(), options.postgresPort());
        register("PostgreSQL", postgres);

        log.info("Starting Kafka on {}:{} (controller {}, log: {})", Addresses.uriHost(options.bindAddress()),
                options.kafkaPort(), options.kafkaControllerPort(), dirs.kafkaDir());
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dirs.kafkaDir(), options.bindAddress(), options.kafkaPort(),
                options.kafkaControllerPort());
        register("Kafka", kafka);

        log.info("Starting the Schema Registry on {}:{}", Addresses.uriHost(options.bindAddress()), options.registryPort());
        DevelopmentSchemaRegistry registry = startRegistry(credentials);
        register("the Schema Registry", registry);

        if (!definitions.isEmpty()) {
            ServiceLauncher launcher = new ServiceLauncher(ServiceLauncher.currentJava(), options.serviceJvmOptions(), dirs,
                    credentials.environment(), RestartBackoff.STANDARD);
            register("the services", launcher);
            synchronized (this) {
                services = launcher;
            }
            launcher.start(definitions, options.startupTimeout());
        }

        if (options.startConnect()) {
            ExampleConnector connector = ExampleConnector.load(dirs);
            log.info("Starting Kafka Connect on {}:{} (connector {} writes {})", Addresses.uriHost(options.bindAddress()),
                    options.connectPort(), connector.name(), ExampleConnector.sinkFile(dirs));
            register("Kafka Connect", EmbeddedConnectWorker.start(options, connector));
        }
        log.info("Local stack up in {} s", Duration.between(begin, Instant.now()).toSeconds());
    }

    private DevelopmentSchemaRegistry startRegistry(StackCredentials credentials) {
        try {
            return DevelopmentSchemaRegistry.start(options.bindAddress().getHostAddress(), options.registryPort(),
                    dirs.registryDir(), new AdminCredentials(credentials.user(), credentials.password()));
        } catch (IOException e) {
            throw new LocalStackException("The Schema Registry did not start on port " + options.registryPort() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Remembers a started part for {@link #close()}, or stops it at once when the stack is already closing. */
    private void register(String name, AutoCloseable component) {
        synchronized (this) {
            if (!closed) {
                started.push(new NamedCloseable(name, component));
                return;
            }
        }
        closeQuietly(new NamedCloseable(name, component));
        throw new LocalStackException("Stopped while starting.");
    }

    public LocalStackOptions options() {
        return options;
    }

    public StackEndpoints endpoints() {
        return StackEndpoints.of(options);
    }

    /** The API credentials in use; null until {@link #start()} has resolved them. */
    public StackCredentials credentials() {
        return credentials;
    }

    /** The running service processes (empty with --no-services or before they start). */
    public synchronized List<ServiceProcess> serviceProcesses() {
        return services == null ? List.of() : services.processes();
    }

    /** Stops Kafka Connect, the services, the Schema Registry, Kafka and PostgreSQL, in that order; safe to call twice. */
    @Override
    public void close() {
        Deque<NamedCloseable> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayDeque<>(started);
            started.clear();
        }
        if (toClose.isEmpty()) {
            return;
        }
        while (!toClose.isEmpty()) {
            closeQuietly(toClose.pop());
        }
        log.info("Local stack stopped");
    }

    private static void closeQuietly(NamedCloseable part) {
        log.info("Stopping {}", part.name());
        try {
            part.component().close();
        } catch (Exception e) {
            // keep going: a part that fails to stop must not keep the others running
            log.warn("Stopping {} failed: {}", part.name(), e.toString());
        }
    }

    private record NamedCloseable(String name, AutoCloseable component) {
    }
}
