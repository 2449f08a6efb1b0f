package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.Topics;
import org.etlsuite.model.registry.SchemaRegistryClient;
import org.etlsuite.model.registry.SchemaRegistryClients;

/**
 * The transformer as a child JVM of a test, so that the test can kill it like a crashed process
 * ({@link Process#destroyForcibly()}: SIGKILL, no shutdown hook, no commit, no clean leave).
 *
 * <p>A {@code mock://} registry lives in one JVM, and the test JVM registers the input schemas in its
 * own. Registering the same schemas in the same order in this JVM's scope ({@link #registerInputSchemas})
 * gives them the same ids (the mock registry numbers schemas from 1 in registration order), so the
 * records the test produced decode here.
 */
public final class TransformerProcess {

    /** System property naming the {@code mock://} registry URL shared with the test. */
    static final String REGISTRY_PROPERTY = "etl.test.registry-url";

    private TransformerProcess() {
    }

    /**
     * Starts the transformer in a child JVM with the test's classpath.
     *
     * @param log        where its output goes (under target/, so that it outlives a failed run)
     * @param registry   the {@code mock://} registry URL the test registered its schemas in
     * @param properties Spring properties, {@code name=value}, passed as command-line arguments
     */
    public static Process start(Path log, String registry, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp", System.getProperty("java.class.path"),
                "-D" + REGISTRY_PROPERTY + "=" + registry,
                TransformerProcess.class.getName()));
        for (String property : properties) {
            command.add("--" + property);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Kills the processes as a crash would (SIGKILL) and waits until they are gone. */
    public static void killAll(List<Process> processes) throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Registers the input schemas of the three streams, in a fixed order, in the {@code mock://} registry of this JVM: the test
     * calls it before it produces and the child before it starts, so that both hand out the same ids.
     */
    public static void registerInputSchemas(String registry) {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfigs(Map.of(SchemaRegistryClients.URL_CONFIG, registry));
        client.register(Topics.URBAN_SENSORS + "-value", UrbanSensorReading.getClassSchema());
        client.register(Topics.PRODUCT_EVENTS + "-value", ProductEvent.getClassSchema());
        client.register(Topics.TRANSPORTATION_STATS + "-value", TransportTrip.getClassSchema());
    }

    public static void main(String[] args) {
        AvroTrust.trustGeneratedEvents();
        registerInputSchemas(System.getProperty(REGISTRY_PROPERTY));
        TransformerApplication.main(args);
    }
}
