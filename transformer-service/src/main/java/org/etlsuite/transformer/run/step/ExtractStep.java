package org.etlsuite.transformer.run.step;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.run.ExistingEventsRange;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunCancelledException;
import org.etlsuite.transformer.run.RunContext;
import org.etlsuite.transformer.run.RunStep;
import org.etlsuite.transformer.run.RunsProperties;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.kafka.OffsetsText;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixes which input records belong to the run. With generation: asks the producer for a burst and
 * waits until the broker acknowledged all of it; the range runs from the input's end before the burst
 * to its end after, and the burst id (a header on each of its records) picks the run's records out of
 * it. Without: the range runs from where the pipeline's previous such run ended (or the beginning) to
 * the current end ({@link ExistingEventsRange}), cut to at most {@code etl.runs.max-events} offsets; the
 * next such run starts where this range ends, so what is cut off is neither lost nor counted twice.
 *
 * <p>Where the scan of the output topics starts is fixed first: an output record can only be written
 * after its input record, so nothing derived from the range can lie before it.
 */
class ExtractStep implements RunStep {

    private static final Logger log = LoggerFactory.getLogger(ExtractStep.class);

    private final RunStore store;
    private final RunKafka kafka;
    private final ExistingEventsRange existingEvents;
    private final ProducerClient producer;
    private final RunsProperties properties;

    ExtractStep(RunStore store, RunKafka kafka, ExistingEventsRange existingEvents, ProducerClient producer, RunsProperties properties) {
        this.store = store;
        this.kafka = kafka;
        this.existingEvents = existingEvents;
        this.producer = producer;
        this.properties = properties;
    }

    @Override
    public TaskName name() {
        return TaskName.EXTRACT;
    }

    @Override
    public void execute(RunContext context) throws Exception {
        PipelineRun run = store.load(context.runId());
        Pipeline pipeline = context.pipeline();
        if (run.getBurstId() != null) {
            // An earlier attempt started a burst and failed while watching it: stop it and start over
            // with a new one; its records (if any) carry the old id and stay out of this run.
            producer.cancel(pipeline.topic(), run.getBurstId());
        }
        if (run.getParameters().generate()) {
            Set<TopicPartition> inputPartitions = kafka.partitions(List.of(pipeline.topic()));
            Set<TopicPartition> outputPartitions = kafka.partitions(List.of(pipeline.processedTopic(), pipeline.deadLetterTopic()));
            Map<TopicPartition, Long> outputStart = kafka.stableEnds(outputPartitions);
            Map<TopicPartition, Long> from = kafka.stableEnds(inputPartitions);
            // a burst is sent outside the database, where no owner condition guards it: not for a run that is no longer ours
            context.confirmOwned();
            ProducerClient.Burst burst = producer.start(pipeline.topic(), run.getParameters());
            store.update(context.runId(), context.owner(), row -> row.setBurstId(burst.id()));
            ProducerClient.Burst finished = awaitBurst(context, pipeline, burst);
            Map<TopicPartition, Long> to = kafka.stableEnds(inputPartitions);
            store.update(context.runId(), context.owner(), row -> {
                row.setOutputStart(OffsetsText.format(outputStart));
                row.setInputRanges(new OffsetRanges(from, to).format());
                row.setGenerated(finished.acked());
            });
        } else {
            ExistingEventsRange.Pending pending = existingEvents.pending(pipeline, context.runId());
            // The request was checked against the same limit; what arrived since then is cut off here
            // and left for the next run.
            OffsetRanges input = pending.input().capped(properties.maxEvents());
            if (input.size() < pending.input().size()) {
                log.info("Run {} of {} takes {} of {} pending offsets (etl.runs.max-events); the next run takes the rest",
                        context.runId(), pipeline.id(), input.size(), pending.input().size());
            }
            store.update(context.runId(), context.owner(), row -> {
                row.setBurstId(null);
                row.setOutputStart(OffsetsText.format(pending.outputStart()));
                row.setInputRanges(input.format());
                row.setGenerated(null);
            });
        }
    }

    private ProducerClient.Burst awaitBurst(RunContext context, Pipeline pipeline, ProducerClient.Burst burst) throws InterruptedException {
        ProducerClient.Burst current = burst;
        while (current.running()) {
            try {
                context.checkCancelled();
            } catch (RunCancelledException e) {
                producer.cancel(pipeline.topic(), burst.id());
                throw e;
            }
            Thread.sleep(properties.pollInterval().toMillis());
            current = producer.get(pipeline.topic(), burst.id());
        }
        if (!current.completed()) {
            throw new IllegalStateException("Burst " + burst.id() + " ended " + current.state() + " with " + current.acked()
                    + " of " + current.requested() + " events acknowledged" + (current.error() == null ? "" : ": " + current.error()));
        }
        return current;
    }
}
