package org.etlsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one folder that holds everything: the shared volume the services read and write ({@code processed/...})
 * and, hidden below {@code .stack/}, the state of the infrastructure, so that a restart finds its topics,
 * tables and schemas again and deleting the folder resets the whole stack.
 */
public record StackDirectories(Path dataDir) {

    public StackDirectories {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path stackDir() {
        return dataDir.resolve(".stack");
    }

    public Path kafkaDir() {
        return stackDir().resolve("kafka");
    }

    /** The transformer's own working state (Kafka Streams stores), rebuilt from Kafka when deleted. */
    public Path transformerStateDir() {
        return stackDir().resolve("transformer");
    }

    public Path postgresDir() {
        return stackDir().resolve("postgres");
    }

    /** Where the embedded Kafka Connect worker's example sink writes: beside the KPI files, for people to read. */
    public Path connectDir() {
        return dataDir.resolve("connect");
    }

    /** The embedded Kafka Connect worker's own state (its source offsets file). */
    public Path connectStateDir() {
        return stackDir().resolve("connect");
    }

    public Path registryDir() {
        return stackDir().resolve("registry");
    }

    /** The generated API user and password ({@link StackCredentials}). */
    public Path credentialsFile() {
        return stackDir().resolve("credentials");
    }

    public Path logsDir() {
        return stackDir().resolve("logs");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    /** Creates every folder that does not exist yet; existing content is left alone. */
    public StackDirectories create() {
        for (Path dir : new Path[] {dataDir, kafkaDir(), transformerStateDir(), postgresDir(), registryDir(), logsDir()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dir, e);
            }
        }
        return this;
    }
}
