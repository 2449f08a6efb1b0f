package org.etlsuite.transformer.run;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.etlsuite.model.web.ApiCredentials;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.CsvExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/** Pipeline runs: what Airflow did (schedules, triggers, retries, history), done by this service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunsProperties.class)
@ConditionalOnBooleanProperty(name = "etl.runs.enabled", matchIfMissing = true)
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

    @Bean(destroyMethod = "close")
    RunDecoders runDecoders(KafkaProperties kafka) {
        return new RunDecoders(new HashMap<>(kafka.buildConsumerProperties()));
    }

    @Bean
    ExistingEventsRange existingEventsRange(RunStore store, RunKafka kafka) {
        return new ExistingEventsRange(store, kafka);
    }

    @Bean
    RunExecutor runExecutor(RunStore store, RunKafka kafka, ExistingEventsRange existingEvents, RunDecoders decoders,
                            RunsProperties properties, EtlProperties etl, KafkaProperties kafkaProperties,
                            ObjectProvider<CsvExporter> exporter, Environment environment, ApiCredentials credentials) {
        AtomicFileWriter writer = new AtomicFileWriter();
        String applicationId = kafkaProperties.getStreams().getApplicationId();
        List<RunStep> steps = List.of(
                new ExtractStep(store, kafka, existingEvents, new ProducerClient(properties.producerUrl(), credentials), properties),
                new AwaitStep(store, kafka, properties, applicationId),
                new LoadRawStep(store, kafka, decoders, etl, writer),
                // an instance that does not export KPI files (etl.export.enabled=false) does not refresh them either
                new TransformStep(store, kafka, decoders, etl, writer,
                        environment.getProperty("etl.export.enabled", Boolean.class, true) ? exporter.getIfAvailable() : null));
        return new RunExecutor(store, steps, properties, "transformer-" + UUID.randomUUID());
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
