package org.etlsuite.transformer.export;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

public interface CsvExportRepository extends JpaRepository<CsvExportEntry, Long> {

    Optional<CsvExportEntry> findFirstByOrderByWrittenAtAsc();

    /**
     * Deletes the rows written before the instant. A derived delete loads every row it removes, so
     * {@link ExportAudit} calls it one slice of time at a time rather than for the whole backlog.
     */
    @Transactional
    long deleteByWrittenAtBefore(Instant writtenBefore);
}
