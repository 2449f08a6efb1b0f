package org.etlsuite.transformer.export;

import java.time.Clock;

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

    @Bean
    CsvExporter csvExporter(CsvExportSources sources, EtlProperties properties, CsvExportRepository exports) {
        return new CsvExporter(sources.all(), properties, new AtomicFileWriter(), exports, Clock.systemUTC());
    }

    /** Off with {@code etl.export.enabled=false}: on the extra instances of a scaled-out deployment. */
    @Bean
    @ConditionalOnBooleanProperty(name = "etl.export.enabled", matchIfMissing = true)
    SchedulingConfigurer csvExportSchedule(CsvExporter exporter, EtlProperties properties) {
        // Fixed delay (not rate): a slow round never queues up a burst of catch-up writes.
        return registrar -> registrar.addFixedDelayTask(exporter::exportAll, properties.exportInterval());
    }
}
