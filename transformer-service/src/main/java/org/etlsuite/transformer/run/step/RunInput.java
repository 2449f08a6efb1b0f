package org.etlsuite.transformer.run.step;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.etlsuite.transformer.run.RunContext;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.PipelineRun;

/**
 * The input records of a run: those of its offset range that its burst wrote (a range may hold
 * records of continuous streams and of other bursts in between), or all of them for a run that took
 * what was already in Kafka.
 */
final class RunInput {

    /** Header the producer-service puts on every record of a burst: the burst's id. */
    static final String BURST_ID_HEADER = "etl.burst-id";

    private RunInput() {
    }

    static void forEach(RunKafka kafka, PipelineRun run, RunContext context, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        if (run.getInputRanges() == null) {
            throw new IllegalStateException("Run " + run.getId() + " has no input range: its extract task has not succeeded");
        }
        String burstId = run.getBurstId();
        kafka.scan(OffsetRanges.parse(run.getInputRanges()), record -> {
            if (burstId == null || burstId.equals(DeadLetterHeaders.text(record.headers(), BURST_ID_HEADER))) {
                sink.accept(record);
            }
        }, context::checkCancelled);
    }
}
