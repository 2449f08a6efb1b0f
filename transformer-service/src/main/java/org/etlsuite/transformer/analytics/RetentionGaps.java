package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvFormat;

/**
 * The dataset's {@code _gaps.csv}: one row per range of offsets that topic retention deleted before it
 * was exported, so that whoever reads the dataset can tell "no data" from "data lost". UTF-8, LF line
 * ends, header first, rows in the order the gaps were found.
 *
 * <p>A row is appended by rewriting the whole (small: one row per incident) file atomically, so a
 * reader never sees a torn last line.
 */
final class RetentionGaps {

    static final String HEADER = "partition,first_missing_offset,next_available_offset,detected_at";

    /** Offsets {@code [firstMissing, nextAvailable)} of the partition were deleted before being exported. */
    record Gap(int partition, long firstMissing, long nextAvailable, Instant detectedAt) {

        Gap {
            if (firstMissing < 0 || nextAvailable <= firstMissing) {
                throw new IllegalArgumentException("not a gap: [" + firstMissing + ", " + nextAvailable + ")");
            }
        }

        long records() {
            return nextAvailable - firstMissing;
        }
    }

    private final Path file;
    private final AtomicFileWriter files;

    RetentionGaps(Path file, AtomicFileWriter files) {
        this.file = Objects.requireNonNull(file, "file");
        this.files = Objects.requireNonNull(files, "files");
    }

    Path file() {
        return file;
    }

    /** Every gap recorded so far; none when the file does not exist. */
    List<Gap> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Gap> gaps = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] fields = lines.get(i).split(",", -1);
            if (fields.length != 4) {
                throw new IOException(file + " line " + (i + 1) + ": expected 4 fields, found " + fields.length);
            }
            try {
                gaps.add(new Gap(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                        Instant.parse(fields[3])));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return gaps;
    }

    void append(Gap gap) throws IOException {
        StringBuilder content = new StringBuilder();
        if (Files.isRegularFile(file)) {
            content.append(Files.readString(file, StandardCharsets.UTF_8));
            if (!content.isEmpty() && content.charAt(content.length() - 1) != '\n') {
                content.append('\n');
            }
        }
        if (content.isEmpty()) {
            content.append(HEADER).append('\n');
        }
        content.append(CsvFormat.line(List.of(Integer.toString(gap.partition()), Long.toString(gap.firstMissing()),
                Long.toString(gap.nextAvailable()), gap.detectedAt().toString())));
        files.writeIfChanged(file, content.toString().getBytes(StandardCharsets.UTF_8));
    }
}
