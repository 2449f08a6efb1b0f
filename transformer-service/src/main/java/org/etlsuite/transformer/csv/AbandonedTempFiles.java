package org.etlsuite.transformer.csv;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the temporary files of {@link AtomicFileWriter} that a killed process left behind (a crash
 * between create and rename). Readers never see them (hidden, {@code .tmp}), so they are only litter;
 * only old ones go, since on a shared volume another instance may be writing a young one right now.
 */
public final class AbandonedTempFiles {

    private static final Logger log = LoggerFactory.getLogger(AbandonedTempFiles.class);

    private AbandonedTempFiles() {
    }

    /**
     * Deletes, directly in {@code folder} (not below it), the hidden {@code .tmp} files last modified
     * before {@code now - minimumAge}.
     *
     * @return how many were deleted
     */
    public static int sweep(Path folder, Duration minimumAge, Instant now) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Instant cutoff = now.minus(minimumAge);
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path temp : temps) {
                try {
                    if (Files.isRegularFile(temp) && Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(temp)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    log.warn("Could not remove abandoned temporary file {}: {}", temp, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for abandoned temporary files in {}: {}", folder, e.toString());
        }
        if (deleted > 0) {
            log.info("Removed {} temporary file(s) left in {} by an interrupted write", deleted, folder);
        }
        return deleted;
    }
}
