-- The export records are pruned by age (etl.export.audit-retention): oldest row first, then every row
-- written before a cut-off. The (file, written_at) index cannot serve either without knowing the files.
CREATE INDEX csv_export_written_at ON csv_export (written_at);
