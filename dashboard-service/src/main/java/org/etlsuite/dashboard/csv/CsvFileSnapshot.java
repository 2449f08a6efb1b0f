package org.etlsuite.dashboard.csv;

import java.nio.file.Path;
import java.time.Instant;

/** What a {@link CachedCsvFile} found on disk the last time it looked. */
public sealed interface CsvFileSnapshot<T> {

    Path file();

    /** The file does not exist (yet): nothing has been written to the shared volume. */
    record Missing<T>(Path file) implements CsvFileSnapshot<T> {
    }

    /**
     * The file was read and mapped.
     *
     * @param size the file's length in bytes; with {@code lastModified} it tells one version of the file from another
     */
    record Loaded<T>(Path file, Instant lastModified, long size, T value) implements CsvFileSnapshot<T> {
    }

    /** The file exists but could not be read or does not match its contract. */
    record Unreadable<T>(Path file, String error) implements CsvFileSnapshot<T> {
    }
}
