package org.etlsuite.transformer.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.kafka.OffsetsText;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.RunStore;

/**
 * What a run that takes the events already in Kafka ({@code generate=false}) would read now: from where
 * the pipeline's previous such run ended (the topic's beginning before the first one) up to the stable
 * end. One definition for the check when such a run is asked for and for its extract task, so that both
 * size the same range.
 */
public class ExistingEventsRange {

    /** No run yet: the check before a run is queued. */
    static final long NO_RUN = 0;

    private final RunStore store;
    private final RunKafka kafka;

    ExistingEventsRange(RunStore store, RunKafka kafka) {
        this.store = store;
        this.kafka = kafka;
    }

    /**
     * @param input         the input offsets not taken by an earlier such run
     * @param outputStart   where the scan of the output topics starts
     * @param previousRunId the previous such run, or null when there was none
     */
    public record Pending(OffsetRanges input, Map<TopicPartition, Long> outputStart, Long previousRunId) {
    }

    /** @param runId the run asking, which does not count as its own predecessor; {@link #NO_RUN} before it exists */
    public Pending pending(Pipeline pipeline, long runId) throws ExecutionException, InterruptedException, TimeoutException {
        Set<TopicPartition> inputPartitions = kafka.partitions(List.of(pipeline.topic()));
        Set<TopicPartition> outputPartitions = kafka.partitions(List.of(pipeline.processedTopic(), pipeline.deadLetterTopic()));
        Map<TopicPartition, Long> inputStart = new HashMap<>(kafka.beginnings(inputPartitions));
        Map<TopicPartition, Long> outputStart = new HashMap<>(kafka.beginnings(outputPartitions));
        Long[] previousRunId = {null};
        store.previousExistingEventsRun(pipeline, runId).ifPresent(previous -> {
            // Start where the previous run's range ended, and scan the outputs from where its scan
            // started: its range's end was taken after that start, so the outputs of later input
            // records come after it. Offsets deleted by retention since then are skipped.
            laterOf(inputStart, OffsetRanges.parse(previous.getInputRanges()).to());
            laterOf(outputStart, OffsetsText.parse(previous.getOutputStart()));
            previousRunId[0] = previous.getId();
        });
        Map<TopicPartition, Long> to = kafka.stableEnds(inputPartitions);
        Map<TopicPartition, Long> from = new HashMap<>();
        to.forEach((partition, end) -> from.put(partition, Math.min(inputStart.get(partition), end)));
        return new Pending(new OffsetRanges(from, to), Map.copyOf(outputStart), previousRunId[0]);
    }

    /** Moves each start to the given offset where that is later. */
    private static void laterOf(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> candidates) {
        candidates.forEach((partition, offset) -> starts.computeIfPresent(partition, (p, start) -> Math.max(start, offset)));
    }
}
