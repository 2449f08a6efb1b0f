package org.etlsuite.dashboard.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedCsvFileTests {

    private static final Instant FIRST_WRITE = Instant.parse("2025-03-14T09:30:00Z");

    @TempDir
    Path dir;

    private Path file;
    private final AtomicInteger parses = new AtomicInteger();
    private CachedCsvFile<Integer> cached;

    @BeforeEach
    void setUp() {
        file = dir.resolve("values.csv");
        // maps a table to the sum of its "n" column and counts how often it is asked to
        cached = new CachedCsvFile<>(dir, "values.csv", table -> {
            parses.incrementAndGet();
            table.requireColumns("n");
            return table.records().stream().mapToInt(r -> (int) r.getLong("n")).sum();
        });
    }

    private void write(String content, Instant lastModified) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(lastModified));
    }

    @Test
    void shouldReportMissingFile() {
        assertThat(cached.current()).isEqualTo(new CsvFileSnapshot.Missing<Integer>(file));
        assertThat(parses).hasValue(0);
    }

    @Test
    void shouldParseOnceWhileFileIsUnchanged() throws IOException {
        write("n\n1\n2\n", FIRST_WRITE);

        CsvFileSnapshot<Integer> first = cached.current();
        CsvFileSnapshot<Integer> second = cached.current();

        assertThat(first).isEqualTo(new CsvFileSnapshot.Loaded<>(file, FIRST_WRITE, 6, 3));
        assertThat(second).isSameAs(first);
        assertThat(parses).hasValue(1);
    }

    @Test
    void shouldReparseWhenSizeChanges() throws IOException {
        write("n\n1\n", FIRST_WRITE);
        cached.current();

        write("n\n1\n20\n", FIRST_WRITE);

        assertThat(cached.current()).isEqualTo(new CsvFileSnapshot.Loaded<>(file, FIRST_WRITE, 7, 21));
        assertThat(parses).hasValue(2);
    }

    @Test
    void shouldReparseWhenOnlyLastModifiedChanges() throws IOException {
        write("n\n1\n", FIRST_WRITE);
        cached.current();

        Instant rewrite = FIRST_WRITE.plusSeconds(60);
        write("n\n7\n", rewrite);

        assertThat(cached.current()).isEqualTo(new CsvFileSnapshot.Loaded<>(file, rewrite, 4, 7));
        assertThat(parses).hasValue(2);
    }

    @Test
    void shouldReportFormatErrorAndKeepItUntilFileChanges() throws IOException {
        write("n\n1\nx\n", FIRST_WRITE);

        CsvFileSnapshot<Integer> snapshot = cached.current();

        assertThat(snapshot).isEqualTo(new CsvFileSnapshot.Unreadable<Integer>(file,
                "values.csv line 3: column 'n': 'x' is not a whole number"));
        assertThat(cached.current()).isSameAs(snapshot);
        assertThat(parses).hasValue(1);

        write("n\n1\n2\n", FIRST_WRITE.plusSeconds(1));
        assertThat(cached.current()).isEqualTo(new CsvFileSnapshot.Loaded<>(file, FIRST_WRITE.plusSeconds(1), 6, 3));
    }

    @Test
    void shouldReportMissingAgainAfterFileIsDeleted() throws IOException {
        write("n\n1\n", FIRST_WRITE);
        cached.current();

        Files.delete(file);

        assertThat(cached.current()).isEqualTo(new CsvFileSnapshot.Missing<Integer>(file));
    }

    @Test
    void shouldReportDirectoryInPlaceOfFileAsUnreadable() throws IOException {
        Files.createDirectory(file);

        assertThat(cached.current()).isEqualTo(new CsvFileSnapshot.Unreadable<Integer>(file, "values.csv: not a regular file"));
    }
}
