package org.etlsuite.transformer.datafolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data folder's health on a real file system. Tests run as root here, where permissions stop no write,
 * so "not writable" is what stops root too: a folder that has become a regular file, or one below such a file.
 */
class DataFolderHealthIndicatorTests {

    @TempDir
    Path dataDir;

    private DataFolderHealthIndicator indicator(String... folders) {
        return new DataFolderHealthIndicator(dataDir, List.of(folders));
    }

    @Test
    void shouldBeUpCreatingTheFoldersAndLeavingNoProbeFileBehind() throws IOException {
        Health health = indicator("processed", "raw").health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("dataDir", dataDir.toAbsolutePath().normalize().toString())
                .containsEntry("folders", Map.of("processed", "writable", "raw", "writable"))
                .doesNotContainKey("error");
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void shouldBeDownNamingTheFolderThatIsARegularFile() throws IOException {
        Files.writeString(dataDir.resolve("processed"), "not a folder");

        Health health = indicator("processed", "raw").health();

        Path folder = dataDir.resolve("processed").toAbsolutePath().normalize();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("cannot write to " + folder + ": ")
                .contains("FileAlreadyExistsException");
        @SuppressWarnings("unchecked")
        Map<String, String> folders = (Map<String, String>) health.getDetails().get("folders");
        assertThat(folders).containsEntry("raw", "writable");
        assertThat(folders.get("processed")).contains("FileAlreadyExistsException");
        assertThat(Files.readString(dataDir.resolve("processed"))).as("the file in the way is left alone").isEqualTo("not a folder");
    }

    @Test
    void shouldBeDownNamingAFolderBelowARegularFile() throws IOException {
        Path file = Files.writeString(dataDir.resolve("volume"), "a file where a folder should be");
        DataFolderHealthIndicator below = new DataFolderHealthIndicator(file, List.of("processed"));

        Health health = below.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("cannot write to " + file.resolve("processed") + ": ");
    }

    @Test
    void shouldBeUpAgainOnceTheFolderIsBack() throws IOException {
        Path blocker = Files.writeString(dataDir.resolve("processed"), "not a folder");
        DataFolderHealthIndicator indicator = indicator("processed");
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

        Files.delete(blocker);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(dataDir.resolve("processed")).isDirectory();
    }
}
