package org.etlsuite.dashboard.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
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
 *
 * <p>The file is known by its path relative to the data folder: every message names it so, and so does every
 * page, which must not tell a visitor where the server keeps its data.
 */
public final class CachedCsvFile<T> {

    private final String relativePath;
    private final Path file;
    private final Function<CsvTable, T> mapper;

    private Fingerprint fingerprint;
    private CsvFileSnapshot<T> snapshot;

    /**
     * @param dataDir      the data folder
     * @param relativePath the file below it, with '/' separators, e.g. {@code processed/urban.csv}
     * @param mapper       turns the parsed table into the caller's model; may throw
     *                     {@link CsvFormatException} for rows that break the contract
     */
    public CachedCsvFile(Path dataDir, String relativePath, Function<CsvTable, T> mapper) {
        this.relativePath = Objects.requireNonNull(relativePath, "relativePath");
        this.file = dataDir.resolve(relativePath);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Where the file is on this server; for reading it, never for showing. */
    public Path file() {
        return file;
    }

    /** The file below the data folder, e.g. {@code processed/urban.csv}: how the file is named to people. */
    public String relativePath() {
        return relativePath;
    }

    /**
     * The same file for a second reader: each version is first mapped as this file maps it, and only then by
     * {@code other}, so the second reader finds a version broken exactly when this file's reader does.
     */
    public <U> CachedCsvFile<U> readAlsoAs(Function<CsvTable, U> other) {
        Objects.requireNonNull(other, "other");
        return new CachedCsvFile<>(this, table -> {
            mapper.apply(table);
            return other.apply(table);
        });
    }

    private CachedCsvFile(CachedCsvFile<?> sameFile, Function<CsvTable, T> mapper) {
        this.relativePath = sameFile.relativePath;
        this.file = sameFile.file;
        this.mapper = mapper;
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
            return new CsvFileSnapshot.Unreadable<>(file, relativePath + ": cannot read file attributes (" + reason(e) + ")");
        }
        if (!attributes.isRegularFile()) {
            forget();
            return new CsvFileSnapshot.Unreadable<>(file, relativePath + ": not a regular file");
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
            T value = mapper.apply(CsvReader.read(file, relativePath));
            loaded = new CsvFileSnapshot.Loaded<>(file, current.lastModified().toInstant(), current.size(), value);
        } catch (CsvFormatException e) {
            loaded = new CsvFileSnapshot.Unreadable<>(file, e.getMessage());
        } catch (NoSuchFileException e) {
            // deleted between the attribute check and the read
            forget();
            return new CsvFileSnapshot.Missing<>(file);
        } catch (IOException e) {
            forget();
            return new CsvFileSnapshot.Unreadable<>(file, relativePath + ": cannot read file (" + reason(e) + ")");
        } catch (UncheckedIOException e) {
            forget();
            return new CsvFileSnapshot.Unreadable<>(file, relativePath + ": cannot read file (" + reason(e.getCause()) + ")");
        }
        fingerprint = current;
        snapshot = loaded;
        return loaded;
    }

    /** What went wrong, without the message of a file system error, which is the absolute path. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException failure) {
            return failure.getReason() != null ? failure.getReason() : failure.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    private void forget() {
        fingerprint = null;
        snapshot = null;
    }

    private record Fingerprint(FileTime lastModified, long size, Object fileKey) {
    }
}
