package org.etlsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the runnable jar of a service module: {@code <module>-<version>-exec.jar}, the artifact the
 * spring-boot-maven-plugin repackages next to the plain jar.
 */
public final class ServiceJars {

    private ServiceJars() {
    }

    /**
     * Looks in {@code <dir>/<module>/target/} (dir is the repository root) and then in {@code <dir>} itself
     * (a folder the jars were copied to). When several versions are there, the newest file wins.
     *
     * @throws LocalStackException saying how to build the jar when there is none
     */
    public static Path find(Path dir, String module) {
        for (Path candidateDir : List.of(dir.resolve(module).resolve("target"), dir)) {
            if (!Files.isDirectory(candidateDir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(candidateDir)) {
                var jar = files
                        .filter(f -> isExecJarOf(f.getFileName().toString(), module))
                        .filter(Files::isRegularFile)
                        .max(Comparator.comparing(ServiceJars::lastModified));
                if (jar.isPresent()) {
                    return jar.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new LocalStackException("No runnable jar of " + module + " found in " + dir.resolve(module).resolve("target")
                + " or " + dir + ". Run ./mvnw install -DskipTests first (from the repository root), "
                + "or point --services-dir at the repository root.");
    }

    private static boolean isExecJarOf(String fileName, String module) {
        // "<module>-" followed by a version: keeps "producer-service-x" apart from e.g. "producer-service-api-x"
        return fileName.startsWith(module + "-")
                && fileName.endsWith("-exec.jar")
                && Character.isDigit(fileName.charAt(module.length() + 1));
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
