package org.etlsuite.dashboard.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.etlsuite.dashboard.csv.CsvFileSnapshot;

/**
 * Which version of its files a page shows: what a page open in a browser compares to learn that it is out of date,
 * and what its chart URLs carry so that a browser never pairs fresh numbers with an old image. It is the one
 * definition of a page's version, the same for every page.
 *
 * <p>A file's version is its size and last-modified time, as {@link org.etlsuite.dashboard.csv.CachedCsvFile}
 * tells versions apart; a missing file, and a broken one by its error, count as versions too, so a page changes
 * version when a file appears, breaks or is mended. The page's version is a digest of its files' versions in page
 * order, so it stays short however many files the page reads.
 *
 * @param version {@link #NONE} while none of the page's files exists, else a digest of 16 hex digits
 * @param updated when the newest of the files that could be read was written; {@code null} without such a file
 */
public record DataVersion(String version, Instant updated) {

    /** The version of a page none of whose files exists yet. */
    public static final String NONE = "none";

    public DataVersion {
        Objects.requireNonNull(version, "version");
    }

    /** The version of the files as found, in the order the page lists them. */
    public static DataVersion of(List<? extends CsvFileSnapshot<?>> files) {
        if (files.stream().allMatch(CsvFileSnapshot.Missing.class::isInstance)) {
            return new DataVersion(NONE, null);
        }
        String versions = files.stream().map(DataVersion::fileVersion).collect(Collectors.joining("\n"));
        Instant updated = files.stream()
                .<Instant>mapMulti((file, out) -> {
                    if (file instanceof CsvFileSnapshot.Loaded<?> loaded) {
                        out.accept(loaded.lastModified());
                    }
                })
                .max(Instant::compareTo)
                .orElse(null);
        return new DataVersion(digest(versions), updated);
    }

    private static String fileVersion(CsvFileSnapshot<?> file) {
        return switch (file) {
            case CsvFileSnapshot.Missing<?> missing -> NONE;
            case CsvFileSnapshot.Loaded<?> loaded -> Long.toHexString(loaded.size()) + "-"
                    + loaded.lastModified().getEpochSecond() + "." + loaded.lastModified().getNano();
            case CsvFileSnapshot.Unreadable<?> unreadable -> "unreadable " + unreadable.error();
        };
    }

    private static String digest(String versions) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(versions.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
