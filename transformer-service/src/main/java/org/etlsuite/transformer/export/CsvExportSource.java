package org.etlsuite.transformer.export;

import java.util.Optional;

import org.etlsuite.transformer.csv.CsvDocument;

/**
 * One KPI file the exporter keeps up to date. Each stream contributes a bean; the exporter
 * writes all of them on every round.
 */
public interface CsvExportSource {

    /** Where the file goes, relative to the shared volume, e.g. {@code processed/x.csv}. */
    String relativePath();

    /**
     * The file's current content, built from committed data only: a document without rows when the
     * source knows its table is empty, and empty while it cannot know the table yet (Kafka Streams
     * not running, stores still loading), in which case an existing file is left as it is.
     */
    Optional<CsvDocument> snapshot();
}
