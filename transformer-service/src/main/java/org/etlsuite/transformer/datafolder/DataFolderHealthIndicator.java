package org.etlsuite.transformer.datafolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the shared volume ({@code /actuator/health/dataFolder}): UP while every folder the service
 * writes to below {@code etl.data-dir} takes a new file; DOWN while one does not, with {@code error}
 * naming the first such folder and why, and {@code folders} saying it for each.
 *
 * <p>The probe does what a file write does: it creates the folder if needed, a hidden temporary file in
 * it and a few bytes in that file, then removes the file. So it fails wherever a write would, whoever
 * the service runs as: a read-only mount, a full disk, a folder that has become a regular file (or sits
 * below one), missing permissions. The exports themselves need no such check: a round that cannot write
 * a file leaves the old one and writes the current content as soon as it can.
 */
class DataFolderHealthIndicator implements HealthIndicator {

    private static final byte[] PROBE = "probe\n".getBytes(StandardCharsets.US_ASCII);

    private final Path dataDir;
    private final List<String> folders;

    /** @param folders relative to {@code dataDir}, in the order they are reported */
    DataFolderHealthIndicator(Path dataDir, List<String> folders) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.folders = List.copyOf(folders);
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        String error = null;
        for (String name : folders) {
            Path folder = dataDir.resolve(name).normalize();
            try {
                probe(folder);
                states.put(name, "writable");
            } catch (IOException | RuntimeException e) {
                states.put(name, e.toString());
                if (error == null) {
                    error = "cannot write to " + folder + ": " + e;
                }
            }
        }
        Health.Builder health = error == null ? Health.up() : Health.down().withDetail("error", error);
        return health.withDetail("dataDir", dataDir.toString()).withDetail("folders", states).build();
    }

    private static void probe(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path probe = Files.createTempFile(folder, ".health-", ".tmp");
        try {
            Files.write(probe, PROBE);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
