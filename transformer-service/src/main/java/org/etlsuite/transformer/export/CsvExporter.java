package org.etlsuite.transformer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every {@link CsvExportSource}'s file when its content changed and records each write through
 * {@link ExportAudit}. The schedule calls it at a fixed delay of {@code etl.export-interval}, so a file is
 * written at most once per interval however fast the tables change (the original rewrote the whole
 * file on every message); a pipeline run calls it too, at the end, so that its data shows at once.
 *
 * <p>Those calls come from different threads at the same time, so each file has a lock held from its
 * snapshot to the end of its write. Without it a writer holding an older snapshot could rename its file
 * over a newer one, or leave the writer's digest of the newer content behind an older file, which then
 * stays stale until the table changes again. With it, the last write of a file always carries the last
 * snapshot taken, and the digest always describes what is on disk. A caller waits for the lock rather
 * than skipping the file: a run's export must include the run's data; the wait is one file's write.
 */
public class CsvExporter {

    private static final Logger log = LoggerFactory.getLogger(CsvExporter.class);

    private final List<CsvExportSource> sources;
    private final EtlProperties properties;
    private final AtomicFileWriter writer;
    private final ExportAudit audit;
    /** Per target file (two sources naming the same file share one). */
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();
    /**
     * The error of each file whose last export failed. While the data folder is broken (read-only, full,
     * replaced) every round fails the same way; one warning when that starts, when the error changes and
     * when the file is written again says all of it, where one per round would bury the log.
     */
    private final Map<String, String> failing = new ConcurrentHashMap<>();

    public CsvExporter(List<CsvExportSource> sources, EtlProperties properties, AtomicFileWriter writer, ExportAudit audit) {
        this.sources = List.copyOf(sources);
        this.properties = properties;
        this.writer = writer;
        this.audit = audit;
    }

    /**
     * One export round; a failing source is logged and does not stop the others. Its data stays in the
     * tables (global stores), so the next round that can write the file writes it whole and current.
     */
    public void exportAll() {
        for (CsvExportSource source : sources) {
            String file = source.relativePath();
            try {
                export(source);
                if (failing.remove(file) != null) {
                    log.warn("Export of {} works again", file);
                }
            } catch (IOException | RuntimeException e) {
                String error = e.toString();
                if (!error.equals(failing.put(file, error))) {
                    log.warn("Export of {} failed, retrying every round (logged again once it works or fails otherwise): {}", file, error, e);
                }
            }
        }
    }

    /** Exports one source; answers whether the file was written. */
    boolean export(CsvExportSource source) throws IOException {
        Path target = properties.resolve(source.relativePath()).toAbsolutePath().normalize();
        ReentrantLock lock = locks.computeIfAbsent(target, file -> new ReentrantLock());
        lock.lock();
        try {
            Optional<CsvDocument> snapshot = source.snapshot();
            if (snapshot.isEmpty()) {
                return false;
            }
            CsvDocument document = snapshot.get();
            byte[] content = CsvFormat.render(document).getBytes(StandardCharsets.UTF_8);
            AtomicFileWriter.Outcome outcome = writer.writeIfChanged(target, content);
            if (!outcome.written()) {
                return false;
            }
            // Recorded after the write: a lost record is harmless, a record of a file that never
            // appeared would not be. Recording only queues, PostgreSQL is never waited for here.
            audit.record(source.relativePath(), document.rows().size(), document.sourceRecords(), outcome.sha256());
            log.debug("Wrote {} ({} rows, {} source records)", source.relativePath(), document.rows().size(), document.sourceRecords());
            return true;
        } finally {
            lock.unlock();
        }
    }
}
