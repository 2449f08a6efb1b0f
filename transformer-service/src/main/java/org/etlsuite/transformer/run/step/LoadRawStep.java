package org.etlsuite.transformer.run.step;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.stream.RecordDecoder;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunContext;
import org.etlsuite.transformer.run.RunStep;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;

/**
 * Archives the run's raw events, as they are on the topic (dirty ones included), to the raw zone:
 * one row per record with the event's fields, where it was read, and why it could not be decoded
 * when it could not. Named as the original did, with the run's start minute; a second run of the
 * same minute adds its id.
 */
class LoadRawStep implements RunStep {

    static final List<String> TRAILING_COLUMNS = List.of("kafka_partition", "kafka_offset", "decode_error");

    private final RunStore store;
    private final RunKafka kafka;
    private final RunDecoders decoders;
    private final EtlProperties etl;
    private final AtomicFileWriter writer;

    LoadRawStep(RunStore store, RunKafka kafka, RunDecoders decoders, EtlProperties etl, AtomicFileWriter writer) {
        this.store = store;
        this.kafka = kafka;
        this.decoders = decoders;
        this.etl = etl;
        this.writer = writer;
    }

    @Override
    public TaskName name() {
        return TaskName.LOAD_RAW;
    }

    @Override
    public void execute(RunContext context) throws Exception {
        PipelineRun run = store.load(context.runId());
        Pipeline pipeline = context.pipeline();
        String rawFile = run.getRawFile() != null ? run.getRawFile() : rawFileFor(run, pipeline);
        List<String> eventColumns = RecordCsv.header(SpecificData.get().getSchema(pipeline.eventType()));
        List<String> header = new ArrayList<>(eventColumns);
        header.addAll(TRAILING_COLUMNS);
        long[] count = {0};
        writer.replace(etl.resolve(rawFile), temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CsvFormat.RecordWriter csv = CsvFormat.writer(out)) {
                csv.write(header);
                RunInput.forEach(kafka, run, context, record -> {
                    RecordDecoder.Outcome<? extends SpecificRecord> outcome = decoders.event(pipeline, record.value());
                    List<String> row = outcome instanceof RecordDecoder.Decoded<? extends SpecificRecord> decoded && decoded.value() != null
                            ? new ArrayList<>(RecordCsv.values(decoded.value()))
                            : blank(eventColumns.size());
                    row.add(Integer.toString(record.partition()));
                    row.add(Long.toString(record.offset()));
                    // free text: the message of whatever exception the bytes raised in the deserializer
                    row.add(CsvFormat.freeText(decodeError(outcome)));
                    csv.write(row);
                    count[0]++;
                });
            }
            context.confirmOwned();
        });
        if (run.getGenerated() != null && run.getGenerated() != count[0]) {
            throw new IllegalStateException("The raw archive holds " + count[0] + " records but the burst had "
                    + run.getGenerated() + " acknowledged");
        }
        store.update(context.runId(), context.owner(), row -> {
            row.setRawFile(rawFile);
            row.setGenerated(count[0]);
        });
    }

    private String rawFileFor(PipelineRun run, Pipeline pipeline) {
        String name = pipeline.rawFile(Pipeline.FILE_STAMP.format(run.getStartedAt()));
        if (store.rawFileTaken(name, run.getId())) {
            name = name.substring(0, name.length() - ".csv".length()) + "_" + run.getId() + ".csv";
        }
        return name;
    }

    private static List<String> blank(int columns) {
        return new ArrayList<>(Collections.nCopies(columns, ""));
    }

    private static String decodeError(RecordDecoder.Outcome<? extends SpecificRecord> outcome) {
        return switch (outcome) {
            case RecordDecoder.Decoded<? extends SpecificRecord> decoded -> decoded.value() == null ? "no value (tombstone)" : "";
            case RecordDecoder.Undecodable<? extends SpecificRecord> undecodable ->
                    undecodable.error().label() + ": " + undecodable.exception().getMessage();
        };
    }
}
