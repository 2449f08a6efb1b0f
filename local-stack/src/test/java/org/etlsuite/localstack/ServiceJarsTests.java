package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTests {

    @TempDir
    Path repo;

    @Test
    void shouldFindTheExecJarInTheModuleTargetFolderOfTheRepository() throws Exception {
        Path target = Files.createDirectories(repo.resolve("producer-service/target"));
        Files.createFile(target.resolve("producer-service-0.1.0-SNAPSHOT.jar"));
        Path exec = Files.createFile(target.resolve("producer-service-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(ServiceJars.find(repo, "producer-service")).isEqualTo(exec);
    }

    @Test
    void shouldFindAJarCopiedIntoAPlainFolderAndPreferTheNewestVersion() throws Exception {
        Path old = Files.createFile(repo.resolve("dashboard-service-0.1.0-exec.jar"));
        Path newer = Files.createFile(repo.resolve("dashboard-service-0.2.0-exec.jar"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2025-02-01T00:00:00Z")));
        Files.createFile(repo.resolve("dashboard-service-api-9.9.9-exec.jar"));

        assertThat(ServiceJars.find(repo, "dashboard-service")).isEqualTo(newer);
    }

    @Test
    void shouldTellHowToBuildTheJarWhenItIsMissing() throws Exception {
        Files.createDirectories(repo.resolve("transformer-service/target"));

        assertThatThrownBy(() -> ServiceJars.find(repo, "transformer-service"))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("No runnable jar of transformer-service found in " + repo.resolve("transformer-service/target")
                        + " or " + repo + ". Run ./mvnw install -DskipTests first (from the repository root), "
                        + "or point --services-dir at the repository root.");
    }
}
