package org.etlsuite.transformer.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Pruning of the export records against real PostgreSQL, schema by the Flyway migrations: only rows
 * older than the retention go, however large the backlog.
 */
class ExportAuditPruneTests {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant CUTOFF = NOW.minus(RETENTION);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    FlywayAutoConfiguration.class, HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                    DataJpaRepositoriesAutoConfiguration.class))
            .withUserConfiguration(ExportEntities.class)
            .withPropertyValues(
                    "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl("export_audit"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    "spring.jpa.hibernate.ddl-auto=validate");

    /** Entities and repositories of this package only. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage
    static class ExportEntities {
    }

    private static CsvExportEntry writtenAt(Instant at) {
        return new CsvExportEntry("processed/zones.csv", 1, 1, "0".repeat(64), at);
    }

    @Test
    void pruneDeletesOnlyTheRowsOlderThanTheRetention() {
        runner.run(context -> {
            CsvExportRepository repository = context.getBean(CsvExportRepository.class);
            repository.deleteAllInBatch();
            List<CsvExportEntry> rows = new ArrayList<>();
            // a backlog of 40 days that no prune has touched yet, one row every 7 hours: many slices
            for (Instant at = CUTOFF.minus(Duration.ofDays(40)); at.isBefore(CUTOFF); at = at.plus(Duration.ofHours(7))) {
                rows.add(writtenAt(at));
            }
            int old = rows.size();
            rows.add(writtenAt(CUTOFF.minusMillis(1)));
            List<Instant> kept = List.of(CUTOFF, CUTOFF.plusMillis(1), NOW.minus(Duration.ofDays(1)), NOW);
            kept.forEach(at -> rows.add(writtenAt(at)));
            repository.saveAll(rows);
            ExportAudit audit = new ExportAudit(repository, Clock.fixed(NOW, ZoneOffset.UTC), RETENTION, 10, Duration.ofHours(1),
                    Duration.ofMinutes(1));

            assertThat(audit.prune()).isEqualTo(old + 1);

            assertThat(repository.findAll()).extracting(CsvExportEntry::getWrittenAt).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(audit.prune()).isZero();
        });
    }

    @Test
    void prunesThroughAnIndexOnTheWriteTime() {
        runner.run(context -> assertThat(context.getBean(JdbcTemplate.class).queryForList(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'csv_export'", String.class))
                .anySatisfy(index -> assertThat(index).endsWith("USING btree (written_at)")));
    }

    @Test
    void savesRecordsThroughTheBackgroundThread() {
        runner.run(context -> {
            CsvExportRepository repository = context.getBean(CsvExportRepository.class);
            repository.deleteAllInBatch();
            ExportAudit audit = new ExportAudit(repository, Clock.fixed(NOW, ZoneOffset.UTC), RETENTION, 10, Duration.ofHours(1),
                    Duration.ofMinutes(1));
            audit.start();
            try {
                audit.record("processed/zones.csv", 3, 9, "f".repeat(64));
                audit.record("analytics/urban_sensors_processed/exported=2026-03-31/part-0-0-100.parquet", 100, 120, "e".repeat(64));
            } finally {
                audit.stop();
            }

            assertThat(repository.findAll()).extracting(CsvExportEntry::getFile, CsvExportEntry::getRowCount, CsvExportEntry::getWrittenAt)
                    .containsExactlyInAnyOrder(
                            tuple("processed/zones.csv", 3, NOW),
                            tuple("analytics/urban_sensors_processed/exported=2026-03-31/part-0-0-100.parquet", 100, NOW));
        });
    }
}
