package org.etlsuite.transformer.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which files this instance writes onto the shared volume.
 *
 * @param enabled         whether this instance exports at all (the KPI CSVs and the Parquet dataset).
 *                        Every instance holds the whole committed tables (global stores), so every
 *                        instance would write the same files; with several instances on one shared
 *                        volume, leave it on for one of them and switch it off on the others (the
 *                        Parquet dataset assumes a single writer per folder)
 * @param parquetInterval pause between two rounds of the Parquet dataset of the processed events; a
 *                        round appends one file per partition with the records committed since the
 *                        last round, and reads and writes nothing while the topic has not advanced.
 *                        Longer than the CSV interval so that files do not get too small; well below
 *                        the topic's retention, or records are deleted before they are exported (then
 *                        listed in the dataset's {@code _gaps.csv})
 * @param auditRetention  how long the record of each write ({@code csv_export}) is kept; older rows are
 *                        deleted once an hour. The table gains a row per changed file per export
 *                        interval, so without a bound it grows for ever
 */
@ConfigurationProperties("etl.export")
public record ExportProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration parquetInterval,
        @DefaultValue("30d") Duration auditRetention) {

    public ExportProperties {
        if (parquetInterval.isNegative() || parquetInterval.isZero()) {
            throw new IllegalArgumentException("etl.export.parquet-interval must be positive, was " + parquetInterval);
        }
        if (auditRetention.isNegative() || auditRetention.isZero()) {
            throw new IllegalArgumentException("etl.export.audit-retention must be positive, was " + auditRetention);
        }
    }
}
