package org.etlsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.etlsuite.localstack.registry.AdminCredentials;
import org.etlsuite.localstack.registry.DevelopmentSchemaRegistry;

/**
 * The local stack put together from the same parts as {@link LocalStack} (PostgreSQL, the KRaft broker, the
 * development Schema Registry, the packaged services as child JVMs) on free ports and a fresh data folder, but
 * with the broker and the registry in the test's hands: {@link #stopBroker()} and {@link #startBroker()} take the broker
 * down and bring it back on the same log directory and ports while the services keep running, and
 * {@link #stopRegistry()} and {@link #startRegistry()} do the same for the Schema Registry. Only the services a test names start.
 */
final class FaultStack implements AutoCloseable {

    /** The API user of every fault stack, which {@link ServiceApi} sends. */
    static final StackCredentials CREDENTIALS = new StackCredentials("etl", "fault-tests", null);

    private final LocalStackOptions options;
    private final StackDirectories dirs;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaServer kafka;
    private DevelopmentSchemaRegistry registry;
    private ServiceLauncher services;

    private FaultStack(LocalStackOptions options) {
        this.options = options;
        this.dirs = options.directories().create();
    }

    /**
     * Starts the infrastructure, then the named services (see {@link EtlServices}), and returns once they report UP; on
     * failure everything already started is stopped again.
     */
    static FaultStack start(Path data, String... serviceNames) {
        FaultStack stack = new FaultStack(InfrastructureOptions.withServicesOnFreePorts(data));
        try {
            stack.postgres = EmbeddedPostgresServer.start(stack.dirs.postgresDir(), stack.options.postgresPort());
            stack.startBroker();
            stack.startRegistry();
            List<String> names = List.of(serviceNames);
            List<ServiceDefinition> definitions = EtlServices.definitions(stack.options).stream()
                    .filter(definition -> names.contains(definition.name()))
                    .toList();
            stack.services = new ServiceLauncher(ServiceLauncher.currentJava(), stack.options.serviceJvmOptions(), stack.dirs,
                    CREDENTIALS.environment(), RestartBackoff.STANDARD);
            stack.services.start(definitions, stack.options.startupTimeout());
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    StackEndpoints endpoints() {
        return StackEndpoints.of(options);
    }

    /** The shared volume the services write their files to. */
    Path dataDir() {
        return dirs.dataDir();
    }

    /** A running service by its name in {@link EtlServices}. */
    ServiceProcess service(String name) {
        return services.processes().stream().filter(process -> process.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " was not started"));
    }

    /** Shuts the broker down cleanly (as a broker restart for maintenance would), leaving its log directory as it is. */
    synchronized void stopBroker() {
        kafka.close();
        kafka = null;
    }

    /** Starts the broker on the same log directory and ports; returns once it accepts clients. */
    synchronized void startBroker() {
        kafka = EmbeddedKafkaServer.start(dirs.kafkaDir(), options.bindAddress(), options.kafkaPort(), options.kafkaControllerPort());
    }

    /** Stops the Schema Registry (its state stays on disk), as an outage would take it away. */
    synchronized void stopRegistry() {
        registry.close();
        registry = null;
    }

    /** Starts the Schema Registry on the same port and state, with every schema it had. */
    synchronized void startRegistry() throws IOException {
        registry = DevelopmentSchemaRegistry.start(options.bindAddress().getHostAddress(), options.registryPort(), dirs.registryDir(),
                new AdminCredentials(CREDENTIALS.user(), CREDENTIALS.password()));
    }

    /** Stops the services, the registry, the broker and PostgreSQL, in that order. */
    @Override
    public synchronized void close() {
        for (AutoCloseable part : new AutoCloseable[] {services, registry, kafka, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    // keep going: a part that fails to stop must not keep the others running
                }
            }
        }
    }
}
