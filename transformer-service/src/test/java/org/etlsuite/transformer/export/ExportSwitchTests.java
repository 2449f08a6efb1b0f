package org.etlsuite.transformer.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.etlsuite.transformer.EtlProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** {@code etl.export.enabled}: on by default, off on the extra instances of a scaled-out deployment. */
class ExportSwitchTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ExportConfiguration.class, Properties.class)
            .withBean(EtlProperties.class, () -> new EtlProperties(Path.of("data"), Duration.ofSeconds(2), Path.of("state"), 3, Duration.ofHours(1)))
            .withBean(CsvExportRepository.class, () -> mock(CsvExportRepository.class))
            .withBean(CsvExportSources.class, () -> new CsvExportSources(List.of()));

    @EnableConfigurationProperties(ExportProperties.class)
    static class Properties {
    }

    @Test
    void shouldScheduleTheCsvExportByDefault() {
        runner.run(context -> {
            assertThat(context).hasBean("csvExportSchedule");
            assertThat(context.getBean(ExportProperties.class)).isEqualTo(new ExportProperties(true, Duration.ofSeconds(30), Duration.ofDays(30)));
        });
    }

    @Test
    void shouldNotScheduleTheCsvExportWhenExportIsSwitchedOff() {
        runner.withPropertyValues("etl.export.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("csvExportSchedule");
        });
    }

    @Test
    void shouldRejectANonPositiveParquetInterval() {
        runner.withPropertyValues("etl.export.parquet-interval=0s").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void shouldBindTheAuditRetentionAndRejectANonPositiveOne() {
        runner.withPropertyValues("etl.export.audit-retention=7d")
                .run(context -> assertThat(context.getBean(ExportProperties.class).auditRetention()).isEqualTo(Duration.ofDays(7)));
        runner.withPropertyValues("etl.export.audit-retention=0s").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("etl.export.audit-retention must be positive, was PT0S"));
    }

    @Test
    void shouldRunTheAuditAsALifecycleBeanWhetherOrNotThisInstanceExports() {
        // runs record their KPI exports only where exporting is on, but every instance may prune
        runner.run(context -> assertThat(context.getBean(ExportAudit.class).isRunning()).isTrue());
        runner.withPropertyValues("etl.export.enabled=false")
                .run(context -> assertThat(context.getBean(ExportAudit.class).isRunning()).isTrue());
    }
}
