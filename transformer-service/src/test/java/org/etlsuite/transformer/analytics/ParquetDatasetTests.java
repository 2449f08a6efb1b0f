package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetDatasetTests {

    private static final String FOLDER = "analytics/urban_sensors_processed";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dataDir;

    private ParquetDataset dataset() {
        return new ParquetDataset(dataDir, FOLDER, new AtomicFileWriter(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file(String relative) throws IOException {
        Path file = dataDir.resolve(FOLDER).resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[] {1});
    }

    @Test
    void namesFilesByExportDayPartitionAndHalfOpenOffsetRange() {
        ParquetDataset.Part part = new ParquetDataset.Part(2, 1_000, 1_500);

        assertThat(dataset().relativePath(LocalDate.parse("2026-03-01"), part))
                .isEqualTo("analytics/urban_sensors_processed/exported=2026-03-01/part-2-1000-1500.parquet");
        assertThat(part.offsets()).isEqualTo(500);
        assertThat(ParquetDataset.Part.parse(part.fileName())).contains(part);
    }

    @Test
    void parsesOnlyTheNamesItWrites() {
        assertThat(ParquetDataset.Part.parse("part-0-0-10.parquet")).contains(new ParquetDataset.Part(0, 0, 10));
        assertThat(ParquetDataset.Part.parse(".part-0-0-10.parquet.123.tmp")).isEmpty();
        assertThat(ParquetDataset.Part.parse("part-0-10-10.parquet")).as("empty range").isEmpty();
        assertThat(ParquetDataset.Part.parse("part-0-10-5.parquet")).as("backwards").isEmpty();
        assertThat(ParquetDataset.Part.parse("part-0-0-99999999999999999999.parquet")).as("beyond long").isEmpty();
        assertThat(ParquetDataset.Part.parse("part-0-0-10.parquet.crc")).isEmpty();
        assertThat(ParquetDataset.Part.parse("urban_sensors_processed.parquet")).isEmpty();
        assertThatThrownBy(() -> new ParquetDataset.Part(0, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyOrMissingFolderEndsAtOffsetZeroEverywhere() throws IOException {
        ParquetDataset dataset = dataset();

        assertThat(dataset.end(0)).isZero();
        assertThat(dataset.end(7)).isZero();
        assertThat(dataset.exportedOffsets()).isZero();
    }

    @Test
    void endsWhereTheHighestFileOfEachPartitionEndsAcrossDays() throws IOException {
        file("exported=2026-03-01/part-0-0-100.parquet");
        file("exported=2026-03-01/part-1-0-40.parquet");
        file("exported=2026-03-02/part-0-100-250.parquet");
        file("exported=2026-03-02/part-1-40-41.parquet");

        ParquetDataset dataset = dataset();

        assertThat(dataset.end(0)).isEqualTo(250);
        assertThat(dataset.end(1)).isEqualTo(41);
        assertThat(dataset.end(2)).isZero();
        assertThat(dataset.exportedOffsets()).isEqualTo(250 + 41);
    }

    @Test
    void ignoresTemporaryFilesOfInterruptedWritesAndRemovesTheOldOnes() throws IOException {
        file("exported=2026-03-01/part-0-0-100.parquet");
        Path abandoned = file("exported=2026-03-01/.part-0-100-200.parquet.123.tmp");
        Files.setLastModifiedTime(abandoned, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Path young = file("exported=2026-03-01/.part-1-0-50.parquet.456.tmp");
        Files.setLastModifiedTime(young, FileTime.from(NOW.minus(Duration.ofMinutes(1))));
        file("exported=2026-03-01/notes.txt");
        file("elsewhere/part-0-0-900.parquet");

        ParquetDataset dataset = dataset();

        assertThat(dataset.end(0)).isEqualTo(100);
        assertThat(dataset.end(1)).as("a temporary file counts for nothing").isZero();
        assertThat(abandoned).doesNotExist();
        assertThat(young).as("may be a write in progress").exists();
    }

    @Test
    void listsTheFolderOnceAndThenKeepsTheEndsInMemory() throws IOException {
        file("exported=2026-03-01/part-0-0-100.parquet");
        ParquetDataset dataset = dataset();
        assertThat(dataset.end(0)).isEqualTo(100);

        // a file appearing behind the dataset's back is not seen: the tree is not listed again
        file("exported=2026-03-01/part-0-100-900.parquet");
        assertThat(dataset.end(0)).isEqualTo(100);

        dataset.added(new ParquetDataset.Part(0, 100, 180));
        dataset.added(new ParquetDataset.Part(1, 0, 20));
        assertThat(dataset.end(0)).isEqualTo(180);
        assertThat(dataset.end(1)).isEqualTo(20);
        assertThat(dataset.exportedOffsets()).isEqualTo(100 + 80 + 20);
    }

    @Test
    void refusesAPartOverlappingWhatItCovers() throws IOException {
        file("exported=2026-03-01/part-0-0-100.parquet");
        ParquetDataset dataset = dataset();

        assertThatThrownBy(() -> dataset.added(new ParquetDataset.Part(0, 99, 150))).isInstanceOf(IllegalStateException.class);
        assertThat(dataset.end(0)).isEqualTo(100);
    }

    @Test
    void aRecordedGapMovesTheEndAndCountsAfterARestart() throws IOException {
        file("exported=2026-03-01/part-0-0-100.parquet");
        ParquetDataset dataset = dataset();

        dataset.gap(new RetentionGaps.Gap(0, 100, 400, NOW));

        assertThat(dataset.end(0)).isEqualTo(400);
        assertThat(dataset.exportedOffsets()).as("lost offsets are not exported ones").isEqualTo(100);
        assertThat(Files.readAllLines(dataset.gapsFile())).containsExactly(RetentionGaps.HEADER, "0,100,400,2026-03-02T10:00:00Z");
        // after a restart, the gap still counts: it is not found (and recorded) once more
        assertThat(dataset().end(0)).isEqualTo(400);
        assertThatThrownBy(() -> dataset.gap(new RetentionGaps.Gap(0, 300, 500, NOW))).isInstanceOf(IllegalStateException.class);
    }
}
