package org.etlsuite.transformer.export;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CsvExportRepository extends JpaRepository<CsvExportEntry, Long> {
}
