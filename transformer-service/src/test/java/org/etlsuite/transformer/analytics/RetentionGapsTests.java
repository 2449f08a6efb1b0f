package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionGapsTests {

    private static final Instant FIRST = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-03-02T09:30:00.250Z");

    @TempDir
    Path folder;

    @Test
    void writesTheHeaderFirstAndAppendsOneRowPerGap() throws IOException {
        RetentionGaps gaps = new RetentionGaps(folder.resolve("dataset/_gaps.csv"), new AtomicFileWriter());

        gaps.append(new RetentionGaps.Gap(1, 0, 120, FIRST));
        gaps.append(new RetentionGaps.Gap(0, 500, 501, SECOND));

        assertThat(Files.readString(folder.resolve("dataset/_gaps.csv"))).isEqualTo("""
                partition,first_missing_offset,next_available_offset,detected_at
                1,0,120,2026-03-01T08:00:00Z
                0,500,501,2026-03-02T09:30:00.250Z
                """);
        assertThat(gaps.read()).containsExactly(new RetentionGaps.Gap(1, 0, 120, FIRST), new RetentionGaps.Gap(0, 500, 501, SECOND));
        try (Stream<Path> files = Files.list(folder.resolve("dataset"))) {
            assertThat(files).as("written through a temporary file that is gone").containsExactly(folder.resolve("dataset/_gaps.csv"));
        }
    }

    @Test
    void readsNothingWhenNoGapWasEverFound() throws IOException {
        assertThat(new RetentionGaps(folder.resolve("_gaps.csv"), new AtomicFileWriter()).read()).isEmpty();
    }

    @Test
    void refusesAFileItCannotRead() throws IOException {
        Files.writeString(folder.resolve("_gaps.csv"), RetentionGaps.HEADER + "\n0,10\n");

        assertThatThrownBy(() -> new RetentionGaps(folder.resolve("_gaps.csv"), new AtomicFileWriter()).read())
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    @Test
    void aGapIsANonEmptyRange() {
        assertThatThrownBy(() -> new RetentionGaps.Gap(0, 10, 10, FIRST)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetentionGaps.Gap(0, 10, 25, FIRST).records()).isEqualTo(15);
    }
}
