package org.etlsuite.transformer.run.step;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunContext;
import org.etlsuite.transformer.run.RunStep;
import org.etlsuite.transformer.run.RunsProperties;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.kafka.OffsetsText;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;

/**
 * Waits until the Kafka Streams application has processed the run's range, judged by what its
 * consumer group committed (with exactly-once, committed offsets and the outputs of the records
 * before them become visible in one transaction):
 * <ol>
 *   <li>the input partitions, up to the end of the range;</li>
 *   <li>then the stream's repartition topics, round after round, each time up to their end as it is
 *       when the round begins: the records derived from the run's events are all below it. As many
 *       rounds as there are repartition topics covers any chain of them.</li>
 * </ol>
 * Finally it fixes where the scan of the output topics ends.
 */
class AwaitStep implements RunStep {

    private final RunStore store;
    private final RunKafka kafka;
    private final RunsProperties properties;
    private final String applicationId;

    AwaitStep(RunStore store, RunKafka kafka, RunsProperties properties, String applicationId) {
        this.store = store;
        this.kafka = kafka;
        this.properties = properties;
        this.applicationId = applicationId;
    }

    @Override
    public TaskName name() {
        return TaskName.AWAIT;
    }

    @Override
    public void execute(RunContext context) throws Exception {
        PipelineRun run = store.load(context.runId());
        Pipeline pipeline = context.pipeline();
        long deadline = System.nanoTime() + properties.awaitTimeout().toNanos();
        try (RunKafka.RangeProbe probe = kafka.probe()) {
            awaitProcessed(context, pipeline, OffsetRanges.parse(run.getInputRanges()).to(), deadline, probe);
        }
        Map<TopicPartition, Long> outputEnd = kafka.stableEnds(kafka.partitions(List.of(pipeline.processedTopic(), pipeline.deadLetterTopic())));
        store.update(context.runId(), context.owner(), row -> row.setOutputEnd(OffsetsText.format(outputEnd)));
    }

    private void awaitProcessed(RunContext context, Pipeline pipeline, Map<TopicPartition, Long> inputEnds, long deadline,
                                RunKafka.RangeProbe probe) throws Exception {
        awaitCommitted(context, inputEnds, deadline, probe);
        String prefix = applicationId + "-" + pipeline.topic() + "-";
        List<String> repartitionTopics = kafka.topics().stream()
                .filter(topic -> topic.startsWith(prefix) && topic.endsWith("-repartition"))
                .sorted().toList();
        if (!repartitionTopics.isEmpty()) {
            Set<TopicPartition> partitions = kafka.partitions(repartitionTopics);
            for (int round = 0; round < repartitionTopics.size(); round++) {
                awaitCommitted(context, kafka.stableEnds(partitions), deadline, probe);
            }
        }
    }

    private void awaitCommitted(RunContext context, Map<TopicPartition, Long> targets, long deadline, RunKafka.RangeProbe probe)
            throws Exception {
        Map<TopicPartition, Long> pending = new HashMap<>(targets);
        while (true) {
            context.checkCancelled();
            Map<TopicPartition, Long> committed = kafka.committed(applicationId);
            Map<TopicPartition, Long> beginnings = null;
            for (var iterator = pending.entrySet().iterator(); iterator.hasNext(); ) {
                Map.Entry<TopicPartition, Long> target = iterator.next();
                Long offset = committed.get(target.getKey());
                if (offset == null) {
                    if (beginnings == null) {
                        beginnings = kafka.beginnings(pending.keySet());
                    }
                    offset = beginnings.get(target.getKey());
                }
                if (offset >= target.getValue() || !probe.hasRecords(target.getKey(), offset, target.getValue())) {
                    iterator.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Kafka Streams (" + applicationId + ") has not processed the run's records within "
                        + properties.awaitTimeout() + "; still waiting for " + pending.entrySet().stream()
                        .map(entry -> entry.getKey() + " up to " + entry.getValue() + " (committed " + committed.get(entry.getKey()) + ")")
                        .collect(Collectors.joining(", ")));
            }
            Thread.sleep(Math.min(properties.pollInterval().toMillis(), Duration.ofSeconds(1).toMillis()));
        }
    }
}
