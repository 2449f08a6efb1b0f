package org.etlsuite.dashboard.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Writes data files for tests as the transformer would leave them on the shared volume. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes the file, creating its folder, with the given last-modified time: the readers cache per
     * version of a file, and a fixed time keeps each test's version its own.
     */
    public static Path write(Path file, String content, Instant lastModified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(lastModified));
        return file;
    }
}
