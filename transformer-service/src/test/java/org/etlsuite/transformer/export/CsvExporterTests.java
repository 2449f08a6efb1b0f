package org.etlsuite.transformer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CsvExporterTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private final CsvExportRepository exports = mock(CsvExportRepository.class);

    @BeforeEach
    void saveReturnsItsArgument() {
        when(exports.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
    }

    private CsvExporter exporter(CsvExportSource... sources) {
        EtlProperties properties = new EtlProperties(dataDir, Duration.ofSeconds(2), dataDir.resolve("state"), 3, Duration.ofHours(1));
        return new CsvExporter(List.of(sources), properties, new AtomicFileWriter(), exports, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CsvExportSource source(String path, Supplier<Optional<CsvDocument>> snapshot) {
        return new CsvExportSource() {
            @Override
            public String relativePath() {
                return path;
            }

            @Override
            public Optional<CsvDocument> snapshot() {
                return snapshot.get();
            }
        };
    }

    private static Optional<CsvDocument> twoRows() {
        return Optional.of(new CsvDocument(List.of("zone", "readings"), List.of(List.of("Centro", "3"), List.of("Caucel", "4")), 7));
    }

    @Test
    void shouldWriteTheFileAndRecordTheExport() throws IOException {
        CsvExporter exporter = exporter(source("processed/zones.csv", CsvExporterTests::twoRows));

        Optional<CsvExportEntry> entry = exporter.export(source("processed/zones.csv", CsvExporterTests::twoRows));

        Path file = dataDir.resolve("processed/zones.csv");
        assertThat(Files.readString(file)).isEqualTo("zone,readings\nCentro,3\nCaucel,4\n");
        assertThat(entry).hasValueSatisfying(e -> {
            assertThat(e.getFile()).isEqualTo("processed/zones.csv");
            assertThat(e.getRowCount()).isEqualTo(2);
            assertThat(e.getSourceRecords()).isEqualTo(7);
            assertThat(e.getSha256()).isEqualTo(AtomicFileWriter.sha256("zone,readings\nCentro,3\nCaucel,4\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(e.getWrittenAt()).isEqualTo(NOW);
        });
    }

    @Test
    void shouldNeitherRewriteNorRecordUnchangedContent() {
        CsvExporter exporter = exporter(source("processed/zones.csv", CsvExporterTests::twoRows));

        exporter.exportAll();
        exporter.exportAll();
        exporter.exportAll();

        verify(exports, times(1)).save(any());
    }

    @Test
    void shouldLeaveAnExistingFileAloneWhileTheSourceHasNothing() throws IOException {
        Path file = dataDir.resolve("processed/zones.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "zone,readings\nCentro,1\n");

        exporter(source("processed/zones.csv", Optional::empty)).exportAll();

        assertThat(Files.readString(file)).isEqualTo("zone,readings\nCentro,1\n");
        verify(exports, never()).save(any());
    }

    @Test
    void shouldKeepExportingOtherSourcesWhenOneFails() throws IOException {
        CsvExportSource failing = source("processed/broken.csv", () -> {
            throw new IllegalStateException("store unavailable");
        });
        CsvExportSource working = source("processed/zones.csv", CsvExporterTests::twoRows);

        exporter(failing, working).exportAll();

        assertThat(Files.readString(dataDir.resolve("processed/zones.csv"))).isEqualTo("zone,readings\nCentro,3\nCaucel,4\n");
        assertThat(dataDir.resolve("processed/broken.csv")).doesNotExist();
        ArgumentCaptor<CsvExportEntry> saved = ArgumentCaptor.forClass(CsvExportEntry.class);
        verify(exports).save(saved.capture());
        assertThat(saved.getValue().getFile()).isEqualTo("processed/zones.csv");
    }
}
