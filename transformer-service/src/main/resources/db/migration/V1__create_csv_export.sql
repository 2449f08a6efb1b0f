-- One row per write of a KPI file onto the shared volume (a file is rewritten only when its
-- content changed, so consecutive rows of a file always differ in sha256).
CREATE TABLE csv_export (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- path relative to the shared volume, e.g. processed/urban_sensors_processed_aggregated.csv
    file           VARCHAR(255) NOT NULL,
    row_count      INTEGER      NOT NULL CHECK (row_count >= 0),
    -- input events the file summarises (readings for urban sensors)
    source_records BIGINT       NOT NULL CHECK (source_records >= 0),
    sha256         VARCHAR(64)  NOT NULL,
    written_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX csv_export_file_written_at ON csv_export (file, written_at DESC);
