package org.etlsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.ConnectRestServer;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.FutureCallback;
import org.etlsuite.model.connect.WireFormatAvroConverter;

/**
 * The Kafka Connect worker of the compose profile {@code connect}, in this JVM: a standalone worker
 * (connector configuration in memory, source offsets in a file below {@code .stack/connect}) with the example
 * connector, so that the Connect row of the stack works without Docker.
 *
 * <p>It is assembled the way Kafka's {@code ConnectStandalone} assembles one, not started through it, because
 * that one exits the JVM when the worker fails to start and leaves the calling thread on Connect's class loader
 * for good: here a failure is one {@link LocalStackException} and the stack stops in order. The plugins are
 * found on the classpath by their service manifests ({@code connect-file}'s FileStreamSink and this project's
 * converter), which spares the start a reflective scan of every jar of the stack.
 */
final class EmbeddedConnectWorker implements AutoCloseable {

    private static final Duration CONNECTOR_TIMEOUT = Duration.ofSeconds(60);

    private final Connect<StandaloneHerder> connect;
    private boolean closed;

    private EmbeddedConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    /** Starts the worker and its REST server, and returns once the example connector is created. */
    static EmbeddedConnectWorker start(LocalStackOptions options, ExampleConnector connector) {
        StackDirectories dirs = options.directories();
        createDirectories(dirs);
        Map<String, String> properties = workerProperties(options);
        Plugins plugins = new Plugins(properties);
        ConnectRestServer rest = null;
        Connect<StandaloneHerder> connect = null;
        try (LoaderSwap ignored = plugins.withClassLoader(plugins.delegatingLoader())) {
            StandaloneConfig config = new StandaloneConfig(properties);
            rest = new ConnectRestServer(config.rebalanceTimeout(), new RestClient(config), config.originals());
            rest.initializeServer();
            URI advertised = rest.advertisedUrl();
            // newPlugins, not newPlugin: an overload of that one names a class of maven-artifact, which Connect only needs at runtime
            ConnectorClientConfigOverridePolicy policy = plugins.newPlugins(
                    List.of(config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG)), config,
                    ConnectorClientConfigOverridePolicy.class).getFirst();
            FileOffsetBackingStore offsets = new FileOffsetBackingStore(
                    plugins.newInternalConverter(true, JsonConverter.class.getName(), Map.of("schemas.enable", "false")));
            offsets.configure(config);
            Worker worker = new Worker(advertised.getHost() + ":" + advertised.getPort(), Time.SYSTEM, plugins, config,
                    offsets, policy);
            StandaloneHerder herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
            connect = new Connect<>(herder, rest);
            connect.start();
            create(herder, connector);
            herder.ready();
            return new EmbeddedConnectWorker(connect);
        } catch (RuntimeException e) {
            if (connect != null) {
                connect.stop();
            } else if (rest != null) {
                rest.stop();
            }
            throw new LocalStackException("Kafka Connect did not start on port " + options.connectPort() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The compose worker's settings where they apply to one standalone worker: string keys, Avro values of the
     * registry's wire format. Its sinks read with {@code read_committed}, since the transformer writes the processed
     * topics in transactions and an aborted attempt must not land in a file.
     */
    static Map<String, String> workerProperties(LocalStackOptions options) {
        StackEndpoints endpoints = StackEndpoints.of(options);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        properties.put(RestServerConfig.LISTENERS_CONFIG, "http://" + Addresses.uriHost(options.bindAddress()) + ":"
                + options.connectPort());
        properties.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, StringConverter.class.getName());
        properties.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, WireFormatAvroConverter.class.getName());
        properties.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG + ".schema.registry.url", endpoints.registryUrl().toString());
        properties.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG,
                options.directories().connectStateDir().resolve("offsets").toString());
        properties.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        properties.put("consumer.isolation.level", "read_committed");
        return properties;
    }

    private static void create(StandaloneHerder herder, ExampleConnector connector) {
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        herder.putConnectorConfig(connector.name(), connector.config(), true, created);
        try {
            created.get(CONNECTOR_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LocalStackException("the connector " + connector.name() + " was refused: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new LocalStackException("the connector " + connector.name() + " was not created within "
                    + CONNECTOR_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while creating the connector " + connector.name(), e);
        }
    }

    private static void createDirectories(StackDirectories dirs) {
        try {
            Files.createDirectories(dirs.connectDir());
            Files.createDirectories(dirs.connectStateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka Connect folders in " + dirs.dataDir(), e);
        }
    }

    /** Stops the connector's task (committing its offsets), the worker and the REST server. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        connect.stop();
        // Connect's own shutdown hook may be stopping it already, and then stop() returns at once: wait for that one
        connect.awaitStop();
    }
}
