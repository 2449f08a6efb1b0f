package org.etlsuite.transformer.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance: a reader never sees a partial file. One thread replaces a large KPI file again and again
 * while another reads and parses it as fast as it can; every read must be one complete version.
 */
class AtomicFileWriterConcurrentReaderTests {

    private static final String HEADER = "version,row,value,checksum";
    private static final int VERSIONS = 150;

    @TempDir
    Path dataDir;

    @Test
    void shouldOnlyEverShowReadersACompleteVersionOfTheFile() throws Exception {
        Path target = dataDir.resolve("processed/kpi.csv");
        AtomicFileWriter writer = new AtomicFileWriter();
        writer.writeIfChanged(target, version(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<List<Integer>> reader = CompletableFuture.supplyAsync(() -> {
                List<Integer> seen = new ArrayList<>();
                // at least a few reads after the last write, so the final version is checked as well
                int readsAfterLastWrite = 0;
                while (readsAfterLastWrite < 3) {
                    if (!writing.get()) {
                        readsAfterLastWrite++;
                    }
                    seen.add(parseCompleteVersion(read(target)));
                }
                return seen;
            }, threads);
            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                try {
                    for (int v = 1; v <= VERSIONS; v++) {
                        assertThat(writer.writeIfChanged(target, version(v)).written()).isTrue();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    writing.set(false);
                }
            }, threads);

            writes.get(60, TimeUnit.SECONDS);
            List<Integer> seen = reader.get(60, TimeUnit.SECONDS);

            assertThat(seen).as("versions never go backwards for one reader").isSorted();
            assertThat(seen.getLast()).isEqualTo(VERSIONS);
            // the reads really overlapped the writes: more than just the first and the last version
            assertThat(seen.stream().distinct().count()).isGreaterThan(2);
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AssertionError("the file vanished between two versions", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A version: the header, rows whose count depends on the version (so a mix of two versions cannot
     * add up), each row carrying the version and a value, and a trailer row with the row count and the
     * sum of the values. About 1 MB, so a write takes many system calls.
     */
    private static byte[] version(int v) {
        int rows = 20_000 + (v % 7) * 1_000;
        StringBuilder csv = new StringBuilder(rows * 48).append(HEADER).append('\n');
        long sum = 0;
        for (int row = 0; row < rows; row++) {
            long value = (long) v * 1_000_003L + row * 31L;
            sum += value;
            csv.append(v).append(',').append(row).append(',').append(value).append(",\n");
        }
        csv.append(v).append(",trailer,").append(rows).append(',').append(sum).append('\n');
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a whole file and checks it is one complete version; answers the version. */
    private static int parseCompleteVersion(byte[] content) {
        assertThat(content).as("never empty").isNotEmpty();
        String text = new String(content, StandardCharsets.UTF_8);
        assertThat(text).as("ends with a complete line").endsWith("\n");
        String[] lines = text.split("\n", -1);
        assertThat(lines[0]).isEqualTo(HEADER);
        String[] trailer = lines[lines.length - 2].split(",", -1);
        assertThat(trailer[1]).as("trailer present").isEqualTo("trailer");
        int version = Integer.parseInt(trailer[0]);
        int rows = Integer.parseInt(trailer[2]);
        assertThat(lines.length).as("header + rows + trailer + final empty split").isEqualTo(rows + 3);
        long sum = 0;
        for (int i = 1; i <= rows; i++) {
            String[] row = lines[i].split(",", -1);
            assertThat(row).hasSize(4);
            assertThat(Integer.parseInt(row[0])).as("every row from the same version").isEqualTo(version);
            assertThat(Integer.parseInt(row[1])).isEqualTo(i - 1);
            sum += Long.parseLong(row[2]);
        }
        assertThat(sum).as("checksum of the rows").isEqualTo(Long.parseLong(trailer[3]));
        return version;
    }
}
