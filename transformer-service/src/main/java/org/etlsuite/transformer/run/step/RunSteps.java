package org.etlsuite.transformer.run.step;

import java.util.List;
import java.util.Map;

import org.etlsuite.model.web.ApiCredentials;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.CsvExporter;
import org.etlsuite.transformer.run.ExistingEventsRange;
import org.etlsuite.transformer.run.RunStep;
import org.etlsuite.transformer.run.RunsProperties;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.RunStore;

/**
 * The four tasks of every run, in the order of {@link org.etlsuite.transformer.run.TaskName}, with what they
 * share: the Avro decoders of the run's records (closed with this) and the writer of the run's files. The one
 * way into this package: the tasks and their helpers (producer client, decoders, CSV rows) stay package-private.
 */
public final class RunSteps implements AutoCloseable {

    private final RunDecoders decoders;
    private final List<RunStep> steps;

    /**
     * @param consumerConfig the Kafka consumer settings, for the Avro decoders (the Schema Registry among them)
     * @param applicationId  the Kafka Streams application whose consumer group the await task watches
     * @param exporter       refreshes the KPI files after transform; null on an instance that does not export them
     */
    public RunSteps(RunStore store, RunKafka kafka, ExistingEventsRange existingEvents, RunsProperties properties,
                    EtlProperties etl, ApiCredentials credentials, Map<String, Object> consumerConfig, String applicationId,
                    CsvExporter exporter) {
        this.decoders = new RunDecoders(consumerConfig);
        AtomicFileWriter writer = new AtomicFileWriter();
        this.steps = List.of(
                new ExtractStep(store, kafka, existingEvents, new ProducerClient(properties.producerUrl(), credentials), properties),
                new AwaitStep(store, kafka, properties, applicationId),
                new LoadRawStep(store, kafka, decoders, etl, writer),
                new TransformStep(store, kafka, decoders, etl, writer, exporter));
    }

    public List<RunStep> inOrder() {
        return steps;
    }

    @Override
    public void close() {
        decoders.close();
    }
}
