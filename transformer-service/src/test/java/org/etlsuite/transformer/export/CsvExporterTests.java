package org.etlsuite.transformer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CsvExporterTests {

    @TempDir
    Path dataDir;

    private final ExportAudit audit = mock(ExportAudit.class);

    private CsvExporter exporter(CsvExportSource... sources) {
        EtlProperties properties = new EtlProperties(dataDir, Duration.ofSeconds(2), dataDir.resolve("state"), 3, Duration.ofHours(1));
        return new CsvExporter(List.of(sources), properties, new AtomicFileWriter(), audit);
    }

    static CsvExportSource source(String path, Supplier<Optional<CsvDocument>> snapshot) {
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

        boolean written = exporter.export(source("processed/zones.csv", CsvExporterTests::twoRows));

        Path file = dataDir.resolve("processed/zones.csv");
        assertThat(written).isTrue();
        assertThat(Files.readString(file)).isEqualTo("zone,readings\nCentro,3\nCaucel,4\n");
        verify(audit).record("processed/zones.csv", 2, 7,
                AtomicFileWriter.sha256("zone,readings\nCentro,3\nCaucel,4\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldNeitherRewriteNorRecordUnchangedContent() {
        CsvExporter exporter = exporter(source("processed/zones.csv", CsvExporterTests::twoRows));

        exporter.exportAll();
        exporter.exportAll();
        exporter.exportAll();

        verify(audit, times(1)).record(anyString(), anyInt(), anyLong(), anyString());
    }

    @Test
    void shouldLeaveAnExistingFileAloneWhileTheSourceHasNothing() throws IOException {
        Path file = dataDir.resolve("processed/zones.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "zone,readings\nCentro,1\n");

        exporter(source("processed/zones.csv", Optional::empty)).exportAll();

        assertThat(Files.readString(file)).isEqualTo("zone,readings\nCentro,1\n");
        verify(audit, never()).record(anyString(), anyInt(), anyLong(), anyString());
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
        verify(audit).record(eq("processed/zones.csv"), eq(2), eq(7L), anyString());
        verify(audit, never()).record(eq("processed/broken.csv"), anyInt(), anyLong(), anyString());
    }
}
