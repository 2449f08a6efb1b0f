package org.etlsuite.transformer.run.step;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.export.CsvExporter;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.etlsuite.transformer.stream.SourceHeaders;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunContext;
import org.etlsuite.transformer.run.RunStep;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.kafka.OffsetsText;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;

/**
 * Writes the run's processed events and counts what became of its events. The outputs are read
 * between the offsets extract and await fixed, and an output record belongs to the run when the
 * input record it came from (its source headers) is one of the run's. Every event of the run ends
 * exactly once: processed, dead-lettered (rejected or undecodable) or dropped as a duplicate; the
 * duplicates are what is left, and an output seen twice for one input stops the run instead of
 * double-counting.
 *
 * <p>The run's file is {@code <processed file>_<stamp>.csv}; the original's fixed names then get the
 * same content (the latest successful run), and the KPI files are exported at once.
 */
class TransformStep implements RunStep {

    private final RunStore store;
    private final RunKafka kafka;
    private final RunDecoders decoders;
    private final EtlProperties etl;
    private final AtomicFileWriter writer;
    private final CsvExporter exporter;

    TransformStep(RunStore store, RunKafka kafka, RunDecoders decoders, EtlProperties etl, AtomicFileWriter writer, CsvExporter exporter) {
        this.store = store;
        this.kafka = kafka;
        this.decoders = decoders;
        this.etl = etl;
        this.writer = writer;
        this.exporter = exporter;
    }

    @Override
    public TaskName name() {
        return TaskName.TRANSFORM;
    }

    @Override
    public void execute(RunContext context) throws Exception {
        PipelineRun run = store.load(context.runId());
        Pipeline pipeline = context.pipeline();
        // The input is read again rather than handed over from load-raw: each task must be able to run
        // on its own, after a retry or on the instance that resumed the run.
        // Two bit sets over the input range (the run's events, and those already met in an output):
        // their size is fixed by the range, see SourceOffsets.
        OffsetRanges input = OffsetRanges.parse(run.getInputRanges());
        SourceOffsets ours = new SourceOffsets(input);
        SourceOffsets seen = new SourceOffsets(input);
        RunInput.forEach(kafka, run, context, record -> {
            if (!ours.add(record.partition(), record.offset())) {
                throw new IllegalStateException("Input record " + record.partition() + "@" + record.offset() + " was read twice");
            }
        });

        Map<TopicPartition, Long> start = OffsetsText.parse(run.getOutputStart());
        Map<TopicPartition, Long> end = OffsetsText.parse(run.getOutputEnd());
        long[] processed = {0};
        long[] rejected = {0};

        String runFile = pipeline.processedRunFile(Pipeline.FILE_STAMP.format(run.getStartedAt()) + "_" + run.getId());
        Path runPath = etl.resolve(runFile);
        writer.replace(runPath, temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CsvFormat.RecordWriter csv = CsvFormat.writer(out)) {
                csv.write(RecordCsv.header(SpecificData.get().getSchema(pipeline.processedType())));
                kafka.scan(ranges(pipeline.processedTopic(), start, end), record -> {
                    if (ours(record, SourceHeaders.PARTITION, SourceHeaders.OFFSET, ours, seen)) {
                        csv.write(RecordCsv.values(decoders.processed(pipeline, record.value())));
                        processed[0]++;
                    }
                }, context::checkCancelled);
            }
            context.confirmOwned();
        });
        kafka.scan(ranges(pipeline.deadLetterTopic(), start, end), record -> {
            if (pipeline.topic().equals(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                    && ours(record, DeadLetterHeaders.SOURCE_PARTITION, DeadLetterHeaders.SOURCE_OFFSET, ours, seen)) {
                rejected[0]++;
            }
        }, context::checkCancelled);

        long duplicates = ours.count() - processed[0] - rejected[0];
        if (duplicates < 0) {
            throw new IllegalStateException("More outputs than events: " + processed[0] + " processed and " + rejected[0]
                    + " rejected of " + ours.count());
        }
        context.confirmOwned();
        for (String latest : pipeline.processedFiles()) {
            writer.replace(etl.resolve(latest), temp -> Files.copy(runPath, temp, StandardCopyOption.REPLACE_EXISTING));
        }
        if (exporter != null) {
            exporter.exportAll();
        }
        store.update(context.runId(), context.owner(), row -> {
            row.setProcessedFile(runFile);
            row.setOutcome(processed[0], rejected[0], duplicates);
        });
    }

    /** Whether the output record came from one of the run's events; throws when that event already had an output. */
    private static boolean ours(ConsumerRecord<byte[], byte[]> record, String partitionHeader, String offsetHeader,
                                SourceOffsets ours, SourceOffsets seen) {
        String partition = DeadLetterHeaders.text(record.headers(), partitionHeader);
        String offset = DeadLetterHeaders.text(record.headers(), offsetHeader);
        if (partition == null || offset == null) {
            return false;
        }
        int sourcePartition = Integer.parseInt(partition);
        long sourceOffset = Long.parseLong(offset);
        if (!ours.contains(sourcePartition, sourceOffset)) {
            return false;
        }
        if (!seen.add(sourcePartition, sourceOffset)) {
            throw new IllegalStateException("Input record " + sourcePartition + "@" + sourceOffset + " has a second output at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        return true;
    }

    private static OffsetRanges ranges(String topic, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> to = new HashMap<>();
        end.forEach((partition, offset) -> {
            if (partition.topic().equals(topic)) {
                to.put(partition, offset);
                from.put(partition, Math.min(start.getOrDefault(partition, 0L), offset));
            }
        });
        return new OffsetRanges(from, to);
    }
}
