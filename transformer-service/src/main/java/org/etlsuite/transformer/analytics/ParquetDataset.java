package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.etlsuite.transformer.csv.AbandonedTempFiles;
import org.etlsuite.transformer.csv.AtomicFileWriter;

/**
 * The names of an append-only Parquet dataset of one topic, and how far it reaches in each partition.
 *
 * <p>Layout below the dataset folder:
 * <pre>
 * exported=&lt;yyyy-MM-dd&gt;/part-&lt;partition&gt;-&lt;from&gt;-&lt;to&gt;.parquet
 * _gaps.csv
 * </pre>
 * {@code exported} is the UTC date of the export round that wrote the file (not of the events in it, whose
 * own {@code day} column a Hive-style reader would otherwise clash with).
 * {@code [from, to)} is the half-open range of topic offsets the file covers: it holds every committed
 * record of the partition with an offset in it, in offset order. The range also covers offsets that
 * hold no row (transaction markers, aborted records), which is why it is half-open: {@code to} is where
 * reading stopped, not the offset of the last row. The ranges of one partition never overlap and grow
 * with the file names; between two of them there may be offsets with no committed record at all (a
 * range of aborted transactions only gets no file), or offsets that retention deleted before they were
 * exported, which {@code _gaps.csv} then lists.
 *
 * <p>Where the dataset ends in a partition is the highest {@code to} of its files or
 * {@code next_available_offset} of its gaps: derived from the files themselves, it needs no database
 * and survives restarts, and a write that crashed before its rename left only a hidden temporary file,
 * which counts for nothing. The folder is listed once, on first use; from then on the ends are kept in
 * memory and advanced by {@link #added} and {@link #gap}, so the cost of a round does not grow with the
 * number of files. This assumes a single writer per folder (see {@code etl.export.enabled}).
 *
 * <p>Not thread-safe: the export thread alone uses it.
 */
final class ParquetDataset {

    static final String GAPS_FILE = "_gaps.csv";
    private static final Pattern EXPORT_FOLDER = Pattern.compile("exported=(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern PART_FILE = Pattern.compile("part-(\\d+)-(\\d+)-(\\d+)\\.parquet");
    /** As for the KPI folders: far longer than any write, so a write in progress is never touched. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    /** The offsets {@code [from, to)} of one partition that one file covers. */
    record Part(int partition, long from, long to) {

        Part {
            if (partition < 0 || from < 0 || to <= from) {
                throw new IllegalArgumentException("not a part: partition " + partition + ", [" + from + ", " + to + ")");
            }
        }

        String fileName() {
            return "part-" + partition + "-" + from + "-" + to + ".parquet";
        }

        /** Topic offsets the file covers: its rows, plus transaction markers and aborted records in between. */
        long offsets() {
            return to - from;
        }

        /** The part a file name stands for, or empty for any other file (hidden temporary files included). */
        static Optional<Part> parse(String fileName) {
            Matcher matcher = PART_FILE.matcher(fileName);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                long from = Long.parseLong(matcher.group(2));
                long to = Long.parseLong(matcher.group(3));
                int partition = Integer.parseInt(matcher.group(1));
                return to > from ? Optional.of(new Part(partition, from, to)) : Optional.empty();
            } catch (NumberFormatException e) {
                // digits beyond long: not a name this class writes
                return Optional.empty();
            }
        }
    }

    private final Path dataDir;
    private final String folder;
    private final RetentionGaps gaps;
    private final Clock clock;
    /** Partition → first offset not covered yet; null until the folder was scanned. */
    private Map<Integer, Long> ends;
    private long exportedOffsets;

    /**
     * @param dataDir root of the shared volume
     * @param folder  the dataset's folder, relative to {@code dataDir} ({@code /}-separated)
     * @param files   writes {@code _gaps.csv}
     * @param clock   age of abandoned temporary files
     */
    ParquetDataset(Path dataDir, String folder, AtomicFileWriter files, Clock clock) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.gaps = new RetentionGaps(dataDir.resolve(folder).resolve(GAPS_FILE), files);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Path folder() {
        return dataDir.resolve(folder);
    }

    Path gapsFile() {
        return gaps.file();
    }

    /** Path of the part's file relative to the data folder, as the export records it. */
    String relativePath(LocalDate day, Part part) {
        return folder + "/exported=" + day + "/" + part.fileName();
    }

    Path resolve(String relativePath) {
        return dataDir.resolve(relativePath);
    }

    /** The first offset of the partition the dataset does not cover yet (0 when it has nothing of it). */
    long end(int partition) throws IOException {
        return ends().getOrDefault(partition, 0L);
    }

    /** Records a file that was just written: the partition's end moves to {@code part.to()}. */
    void added(Part part) throws IOException {
        Map<Integer, Long> known = ends();
        if (part.from() < known.getOrDefault(part.partition(), 0L)) {
            throw new IllegalStateException("part " + part + " overlaps what the dataset already covers, up to "
                    + known.get(part.partition()));
        }
        known.put(part.partition(), part.to());
        exportedOffsets += part.offsets();
    }

    /**
     * Records that the partition was read up to {@code to} and held no committed record there (aborted
     * transactions only): no file, but the end moves on, in memory only, so a restart reads that range once more.
     */
    void skipped(int partition, long to) throws IOException {
        ends().merge(partition, to, Math::max);
    }

    /** Records that {@code gap}'s offsets are lost (in {@code _gaps.csv}); the partition's end moves past them. */
    void gap(RetentionGaps.Gap gap) throws IOException {
        Map<Integer, Long> known = ends();
        // may start past the end: offsets that were read and held no committed record need no file
        if (gap.firstMissing() < known.getOrDefault(gap.partition(), 0L)) {
            throw new IllegalStateException("gap " + gap + " overlaps what the dataset already covers, up to "
                    + known.get(gap.partition()));
        }
        gaps.append(gap);
        known.put(gap.partition(), gap.nextAvailable());
    }

    /**
     * Topic offsets covered by the files, an upper bound of the rows in them: it also counts the
     * offsets of transaction markers and aborted records (about one marker per transaction and
     * partition), and nothing of the gaps. Known without opening a single file.
     */
    long exportedOffsets() throws IOException {
        ends();
        return exportedOffsets;
    }

    private Map<Integer, Long> ends() throws IOException {
        if (ends == null) {
            ends = scan();
        }
        return ends;
    }

    private Map<Integer, Long> scan() throws IOException {
        Map<Integer, Long> found = new HashMap<>();
        long offsets = 0;
        Path root = folder();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> days = Files.newDirectoryStream(root,
                    entry -> EXPORT_FOLDER.matcher(entry.getFileName().toString()).matches() && Files.isDirectory(entry))) {
                for (Path day : days) {
                    // The only time the tree is listed: litter of writes that crashed before their rename goes too.
                    AbandonedTempFiles.sweep(day, ABANDONED_AFTER, clock.instant());
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(day, "part-*.parquet")) {
                        for (Path file : files) {
                            Optional<Part> part = Part.parse(file.getFileName().toString());
                            if (part.isPresent() && Files.isRegularFile(file)) {
                                found.merge(part.get().partition(), part.get().to(), Math::max);
                                offsets += part.get().offsets();
                            }
                        }
                    }
                }
            }
            AbandonedTempFiles.sweep(root, ABANDONED_AFTER, clock.instant());
        }
        for (RetentionGaps.Gap gap : gaps.read()) {
            found.merge(gap.partition(), gap.nextAvailable(), Math::max);
        }
        exportedOffsets = offsets;
        return found;
    }
}
