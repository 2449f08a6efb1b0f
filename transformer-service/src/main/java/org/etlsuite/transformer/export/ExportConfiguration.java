package org.etlsuite.transformer.export;

import java.time.Clock;
import java.time.Duration;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExportConfiguration {

    /**
     * Entries waiting for PostgreSQL at most: a KPI file is written at most once per export interval,
     * so this covers minutes of a slow database at a few hundred bytes per entry.
     */
    static final int AUDIT_QUEUE_CAPACITY = 1_000;
    static final Duration AUDIT_PRUNE_EVERY = Duration.ofHours(1);
    static final Duration AUDIT_WARN_EVERY = Duration.ofMinutes(1);

    @Bean
    ExportAudit exportAudit(CsvExportRepository exports, ExportProperties properties) {
        return new ExportAudit(exports, Clock.systemUTC(), properties.auditRetention(), AUDIT_QUEUE_CAPACITY, AUDIT_PRUNE_EVERY,
                AUDIT_WARN_EVERY);
    }

    @Bean
    CsvExporter csvExporter(CsvExportSources sources, EtlProperties properties, ExportAudit audit) {
        return new CsvExporter(sources.all(), properties, new AtomicFileWriter(), audit);
    }

    /** Off with {@code etl.export.enabled=false}: on the extra instances of a scaled-out deployment. */
    @Bean
    @ConditionalOnBooleanProperty(name = "etl.export.enabled", matchIfMissing = true)
    SchedulingConfigurer csvExportSchedule(CsvExporter exporter, EtlProperties properties) {
        // Fixed delay (not rate): a slow round never queues up a burst of catch-up writes.
        return registrar -> registrar.addFixedDelayTask(exporter::exportAll, properties.exportInterval());
    }
}
