package org.etlsuite.transformer.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonedTempFilesTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void shouldRemoveOnlyOldHiddenTemporaryFiles() throws IOException {
        Path abandoned = file(".urban_sensors_processed.csv.123.tmp", NOW.minus(Duration.ofHours(2)));
        Path inProgress = file(".urban_sensors_processed.csv.456.tmp", NOW.minus(Duration.ofMinutes(5)));
        Path visibleTemp = file("notes.tmp", NOW.minus(Duration.ofDays(3)));
        Path data = file("urban_sensors_processed.csv", NOW.minus(Duration.ofDays(3)));
        Files.createDirectories(folder.resolve("nested"));
        Path nested = Files.writeString(folder.resolve("nested/.old.csv.1.tmp"), "x");
        Files.setLastModifiedTime(nested, FileTime.from(NOW.minus(Duration.ofDays(3))));

        int deleted = AbandonedTempFiles.sweep(folder, Duration.ofHours(1), NOW);

        assertThat(deleted).isEqualTo(1);
        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(visibleTemp).exists();
        assertThat(data).exists();
        assertThat(nested).exists();
    }

    @Test
    void shouldDoNothingForAMissingFolder() {
        assertThat(AbandonedTempFiles.sweep(folder.resolve("raw"), Duration.ofHours(1), NOW)).isZero();
    }

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(folder.resolve(name), "partial");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
