package org.etlsuite.transformer.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which files this instance writes onto the shared volume.
 *
 * @param enabled         whether this instance exports at all (the KPI CSVs and the Parquet copy).
 *                        Every instance holds the whole committed tables (global stores), so every
 *                        instance would write the same files; with several instances on one shared
 *                        volume, leave it on for one of them and switch it off on the others
 * @param parquetInterval pause between two rewrites of the Parquet copy of the processed events; a
 *                        rewrite reads the whole processed topic, so this is much longer than the CSV
 *                        interval, and nothing is written while the topic has not advanced
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
