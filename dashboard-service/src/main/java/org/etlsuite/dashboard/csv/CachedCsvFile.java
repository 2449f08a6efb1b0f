package org.etlsuite.dashboard.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Function;

/**
 * A CSV file that is parsed and mapped once per version. The transformer replaces its files
 * atomically (write elsewhere, then rename), so a version is identified by last-modified time,
 * size and, where the platform has one, the file key (inode): any of them changing means a new
 * file. Between changes every request is served from memory, which keeps page loads cheap even
 * when the file is large.
 *
 * <p>Format errors are cached like successes (the same bytes will fail the same way); I/O
 * errors are not, as they may be transient.
 */
public final class CachedCsvFile<T> {

    private final Path file;
    private final Function<CsvTable, T> mapper;

    private Fingerprint fingerprint;
    private CsvFileSnapshot<T> snapshot;

    /**
     * @param mapper turns the parsed table into the caller's model; may throw
     *               {@link CsvFormatException} for rows that break the contract
     */
    public CachedCsvFile(Path file, Function<CsvTable, T> mapper) {
        this.file = Objects.requireNonNull(file, "file");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    public Path file() {
        return file;
    }

    /** The current content, re-read only when the file changed since the last call. */
    public synchronized CsvFileSnapshot<T> current() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            forget();
            return new CsvFileSnapshot.Missing<>(file);
        } catch (IOException e) {
            forget();
            return new CsvFileSnapshot.Unreadable<>(file, file + ": cannot read file attributes (" + e.getMessage() + ")");
        }
        if (!attributes.isRegularFile()) {
            forget();
            return new CsvFileSnapshot.Unreadable<>(file, file + ": not a regular file");
        }
        Fingerprint current = new Fingerprint(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        if (current.equals(fingerprint)) {
            return snapshot;
        }
        return load(current);
    }

    private CsvFileSnapshot<T> load(Fingerprint current) {
        CsvFileSnapshot<T> loaded;
        try {
            T value = mapper.apply(CsvReader.read(file));
            loaded = new CsvFileSnapshot.Loaded<>(file, current.lastModified().toInstant(), value);
        } catch (CsvFormatException e) {
            loaded = new CsvFileSnapshot.Unreadable<>(file, e.getMessage());
        } catch (NoSuchFileException e) {
            // deleted between the attribute check and the read
            forget();
            return new CsvFileSnapshot.Missing<>(file);
        } catch (IOException | UncheckedIOException e) {
            forget();
            return new CsvFileSnapshot.Unreadable<>(file, file + ": cannot read file (" + e.getMessage() + ")");
        }
        fingerprint = current;
        snapshot = loaded;
        return loaded;
    }

    private void forget() {
        fingerprint = null;
        snapshot = null;
    }

    private record Fingerprint(FileTime lastModified, long size, Object fileKey) {
    }
}
