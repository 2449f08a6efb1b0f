package org.etlsuite.transformer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every {@link CsvExportSource}'s file when its content changed and records each write.
 * Runs on one scheduler thread, at a fixed delay of {@code etl.export-interval}, so a file is
 * written at most once per interval however fast the tables change (the original rewrote the
 * whole file on every message).
 */
public class CsvExporter {

    private static final Logger log = LoggerFactory.getLogger(CsvExporter.class);

    private final List<CsvExportSource> sources;
    private final EtlProperties properties;
    private final AtomicFileWriter writer;
    private final CsvExportRepository exports;
    private final Clock clock;

    public CsvExporter(List<CsvExportSource> sources, EtlProperties properties, AtomicFileWriter writer,
                       CsvExportRepository exports, Clock clock) {
        this.sources = List.copyOf(sources);
        this.properties = properties;
        this.writer = writer;
        this.exports = exports;
        this.clock = clock;
    }

    /** One export round; a failing source is logged and does not stop the others. */
    public void exportAll() {
        for (CsvExportSource source : sources) {
            try {
                export(source);
            } catch (IOException | RuntimeException e) {
                log.warn("Export of {} failed, retrying next round: {}", source.relativePath(), e.toString(), e);
            }
        }
    }

    /** Exports one source; answers the record of the write, or empty when nothing was written. */
    Optional<CsvExportEntry> export(CsvExportSource source) throws IOException {
        Optional<CsvDocument> snapshot = source.snapshot();
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        CsvDocument document = snapshot.get();
        byte[] content = CsvFormat.render(document).getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.Outcome outcome = writer.writeIfChanged(properties.resolve(source.relativePath()), content);
        if (!outcome.written()) {
            return Optional.empty();
        }
        // The file is written first: a lost record is harmless, a record of a file that never
        // appeared would not be.
        CsvExportEntry entry = exports.save(new CsvExportEntry(source.relativePath(), document.rows().size(),
                document.sourceRecords(), outcome.sha256(), clock.instant()));
        log.debug("Wrote {} ({} rows, {} source records)", source.relativePath(), document.rows().size(), document.sourceRecords());
        return Optional.of(entry);
    }
}
