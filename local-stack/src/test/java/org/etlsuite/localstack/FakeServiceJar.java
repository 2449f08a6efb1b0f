package org.etlsuite.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** {@link FakeService} as a runnable jar, so that the launcher runs it with {@code -jar} like a real service. */
final class FakeServiceJar {

    private FakeServiceJar() {
    }

    /** Writes {@code <dir>/fake-service-exec.jar} holding FakeService's classes and a Main-Class manifest. */
    static Path build(Path dir) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        Path jar = dir.resolve("fake-service-exec.jar");
        String packagePath = FakeService.class.getPackageName().replace('.', '/');
        Path classes = testClasses().resolve(packagePath);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> listing = Files.list(classes)) {
            List<Path> classFiles = listing
                    .filter(p -> p.getFileName().toString().matches("FakeService(\\$.*)?\\.class"))
                    .toList();
            for (Path classFile : classFiles) {
                out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** The folder the test classes were compiled to. */
    static Path testClasses() {
        try {
            return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
