package org.etlsuite.transformer.export;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One write of a KPI file: which file, what it held, when. */
@Entity
@Table(name = "csv_export")
public class CsvExportEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Path relative to the shared volume, so the record stays true wherever the volume is mounted. */
    @Column(name = "file", nullable = false, length = 255)
    private String file;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "source_records", nullable = false)
    private long sourceRecords;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    protected CsvExportEntry() {
        // for JPA
    }

    public CsvExportEntry(String file, int rowCount, long sourceRecords, String sha256, Instant writtenAt) {
        this.file = file;
        this.rowCount = rowCount;
        this.sourceRecords = sourceRecords;
        this.sha256 = sha256;
        this.writtenAt = writtenAt;
    }

    public Long getId() {
        return id;
    }

    public String getFile() {
        return file;
    }

    public int getRowCount() {
        return rowCount;
    }

    public long getSourceRecords() {
        return sourceRecords;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
