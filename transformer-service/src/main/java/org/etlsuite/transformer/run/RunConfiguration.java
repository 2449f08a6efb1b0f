package org.etlsuite.transformer.run;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.etlsuite.model.web.ApiCredentials;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.export.CsvExporter;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.schedule.PipelineScheduler;
import org.etlsuite.transformer.run.schedule.ScheduleRepository;
import org.etlsuite.transformer.run.step.RunSteps;
import org.etlsuite.transformer.run.store.RunStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Pipeline runs: what Airflow did (schedules, triggers, retries, history), done by this service. Always on: the
 * API's controllers, the run history and the schedules are scanned with the rest of the service and need these
 * beans, and PostgreSQL is needed for the export audit either way, so there is no switch that would leave only the
 * streaming topology.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunsProperties.class)
class RunConfiguration {

    /**
     * The JVM's clock, for what this instance's own timers do: when the cron fires next, and when a
     * schedule was paused. The run history uses the database's clock instead (see {@link RunStore}).
     */
    @Bean
    Clock runClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    RunKafka runKafka(KafkaAdmin kafkaAdmin, KafkaProperties kafka) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        return new RunKafka(Admin.create(kafkaAdmin.getConfigurationProperties()), consumer);
    }

    @Bean
    ExistingEventsRange existingEventsRange(RunStore store, RunKafka kafka) {
        return new ExistingEventsRange(store, kafka);
    }

    @Bean(destroyMethod = "close")
    RunSteps runSteps(RunStore store, RunKafka kafka, ExistingEventsRange existingEvents, RunsProperties properties, EtlProperties etl,
                      KafkaProperties kafkaProperties, ObjectProvider<CsvExporter> exporter, Environment environment,
                      ApiCredentials credentials) {
        return new RunSteps(store, kafka, existingEvents, properties, etl, credentials,
                new HashMap<>(kafkaProperties.buildConsumerProperties()), kafkaProperties.getStreams().getApplicationId(),
                // an instance that does not export KPI files (etl.export.enabled=false) does not refresh them either
                environment.getProperty("etl.export.enabled", Boolean.class, true) ? exporter.getIfAvailable() : null);
    }

    @Bean
    RunExecutor runExecutor(RunStore store, RunSteps steps, RunsProperties properties) {
        return new RunExecutor(store, steps.inOrder(), properties, "transformer-" + UUID.randomUUID());
    }

    @Bean
    RunService runService(RunStore store, RunExecutor executor, ExistingEventsRange existingEvents, RunsProperties properties) {
        return new RunService(store, executor, existingEvents, properties);
    }

    @Bean
    PipelineScheduler pipelineScheduler(RunsProperties properties, ScheduleRepository schedules, RunService runs, Clock runClock) {
        return new PipelineScheduler(properties, schedules, runs, runClock);
    }

    @Bean
    RunLifecycle runLifecycle(PipelineScheduler scheduler, RunStore store, RunExecutor executor, RunsProperties properties,
                              EtlProperties etl) {
        return new RunLifecycle(scheduler, new RunRecovery(store, executor, properties), properties.heartbeatInterval(), etl.dataDir());
    }
}
