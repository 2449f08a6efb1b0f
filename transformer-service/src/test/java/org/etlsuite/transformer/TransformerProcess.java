package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.serde.AvroSerializer;

/**
 * The transformer as a child JVM of a test, so that the test can kill it like a crashed process
 * ({@link Process#destroyForcibly()}: SIGKILL, no shutdown hook, no commit, no clean leave).
 *
 * <p>A {@code mock://} registry lives in one JVM, and the test JVM registered the input schema in its
 * own. Registering the same schema first in this JVM's scope gives it the same id (the mock registry
 * numbers schemas from 1 in registration order), so the records the test produced decode here.
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

    public static void main(String[] args) {
        AvroTrust.trustGeneratedEvents();
        try (AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", System.getProperty(REGISTRY_PROPERTY)), false);
            serializer.serialize("urban-sensors", UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-100")
                    .setTs(Instant.EPOCH.plusSeconds(1))
                    .setLocation(UrbanLocation.CENTRO)
                    .setVehicleCount(0)
                    .setAvgSpeedKmh(0)
                    .setNoiseDb(30)
                    .setPm25(1)
                    .setPm10(5)
                    .setStatus(SensorStatus.OK)
                    .build());
        }
        TransformerApplication.main(args);
    }
}
