package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.ExportAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the committed records of a topic of Avro events to a Parquet dataset (the original pipeline's
 * {@code analytics/} copy), a round at a time: each round writes, for every partition that has new
 * committed records, one new file with exactly those records, in offset order. Files are never
 * rewritten or deleted, so the cost of a round depends on what is new, not on the age of the
 * installation. Layout, file names and where the dataset ends: {@link ParquetDataset}.
 *
 * <p>The topic is read with {@code read_committed} by a plain consumer that is assigned its partitions
 * (no group, no committed offsets: progress is what the dataset's file names say). A round first asks
 * for the partitions and their end offsets (the last stable offsets under read_committed, so records of
 * open or aborted transactions never reach a file); a round with nothing new stops there, reads no
 * record and writes nothing. Otherwise each partition with new offsets is read from where the dataset
 * ends up to that end offset, and its records stream from the consumer into a hidden temporary file
 * that is forced to disk and renamed into place ({@link AtomicFileWriter#create}), so readers never see
 * half a file. The file's SHA-256 is computed from the bytes on their way out ({@link HashingOutputFile}),
 * and each new file gets its {@code csv_export} row. Memory stays bounded: the writer buffers one row
 * group at most.
 *
 * <p>Topic retention: when a partition's beginning offset is past where the dataset ends, the records
 * in between were deleted before they were exported. The round does not fail over it and does not hide
 * it: it logs a WARN naming the partition and the lost offsets {@code [first_missing, next_available)},
 * appends a row to the dataset's {@code _gaps.csv}, and goes on from the beginning offset. Files already
 * exported stay: retention never shrinks the dataset.
 *
 * <p>A range of offsets that holds no committed record at all (an aborted transaction and its marker)
 * gets no file; it is remembered in memory so that later rounds do not read it again, and read once
 * more (to no effect) after a restart.
 *
 * <p>Each round that wrote something logs one INFO line,
 * {@code Parquet export round: <rows> rows in <files> files, <millis> ms, history <records> records},
 * where history is the number of topic offsets the whole dataset covers: an estimate of its rows from
 * the file names alone, high by the transaction markers and aborted records (about one marker per
 * transaction and partition). Rounds that wrote nothing log at DEBUG.
 *
 * <p>Not thread-safe: one scheduler thread runs the rounds (the consumer belongs to it).
 */
final class TopicParquetExport<T extends SpecificRecord> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicParquetExport.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    /** Row groups small enough to keep the writer's buffer modest; readers still get large sequential chunks. */
    private static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

    /** What a round wrote: rows in how many new files. */
    record Round(long rows, int files) {
        static final Round NOTHING = new Round(0, 0);
    }

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Class<T> type;
    private final Deserializer<?> deserializer;
    private final ParquetDataset dataset;
    private final AtomicFileWriter files;
    private final ExportAudit audit;
    private final Clock clock;
    private final Schema schema;
    private final List<String> floatingPointColumns;

    /**
     * @param consumer     configured with {@link #consumerConfig}; owned (closed) by this export from now on
     * @param deserializer configured Avro deserializer that answers {@code type} (specific reader); closed with it
     */
    TopicParquetExport(Consumer<byte[], byte[]> consumer, String topic, Class<T> type, Deserializer<?> deserializer,
                       ParquetDataset dataset, AtomicFileWriter files, ExportAudit audit, Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.type = Objects.requireNonNull(type, "type");
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.files = Objects.requireNonNull(files, "files");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schema = SpecificData.get().getSchema(type);
        this.floatingPointColumns = floatingPointColumns(schema);
    }

    /** The top-level fields holding a float or double, nullable or not (their column paths are the field names). */
    static List<String> floatingPointColumns(Schema record) {
        return record.getFields().stream()
                .filter(field -> isFloatingPoint(field.schema()))
                .map(Schema.Field::name)
                .toList();
    }

    private static boolean isFloatingPoint(Schema schema) {
        return switch (schema.getType()) {
            case DOUBLE, FLOAT -> true;
            case UNION -> schema.getTypes().stream().anyMatch(TopicParquetExport::isFloatingPoint);
            default -> false;
        };
    }

    /** The consumer settings the export relies on, over {@code base} (bootstrap servers and security settings). */
    static Map<String, Object> consumerConfig(Map<String, Object> base, String topic) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the topic is declared with its partitions by this service; never let a lookup create it with defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Records deleted while a round reads them must fail the round (the next one records the gap),
        // not make the consumer jump silently to the end.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "parquet-export-" + topic);
        return config;
    }

    /** One round: appends what the topic committed since the last round. */
    Round exportNewRecords() throws IOException {
        long started = System.nanoTime();
        List<TopicPartition> partitions = partitions();
        if (partitions.isEmpty()) {
            log.debug("Parquet export: topic {} does not exist yet", topic);
            return Round.NOTHING;
        }
        // Assigned first (local only: nothing is fetched without a poll), or the client warns, per partition
        // and round, that it got offsets of partitions it is not assigned.
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            long next = dataset.end(partition.partition());
            if (end.getOrDefault(partition, 0L) > next) {
                from.put(partition, next);
            }
        }
        if (from.isEmpty()) {
            log.debug("Parquet export: nothing new in {}", topic);
            return Round.NOTHING;
        }
        // Asked only when there is something to read: a gap always shows as end offsets past the dataset.
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(from.keySet());
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long rows = 0;
        int written = 0;
        try {
            for (Map.Entry<TopicPartition, Long> next : from.entrySet()) {
                TopicPartition partition = next.getKey();
                long start = skipDeleted(partition.partition(), next.getValue(), beginning.getOrDefault(partition, 0L), now);
                long stop = end.get(partition);
                if (start >= stop) {
                    // everything new was deleted already: the gap moved the dataset's end past it
                    continue;
                }
                long fileRows = exportPartition(partition, start, stop, day);
                if (fileRows > 0) {
                    rows += fileRows;
                    written++;
                }
            }
        } finally {
            // drops whatever the consumer fetched ahead, which would otherwise sit in memory until the next round
            consumer.assign(List.of());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (written > 0) {
            // Parsed by benchmark scripts: keep the format. Only rounds that wrote something log it, so that the
            // line counts rounds of work; history is the offsets the dataset covers (ParquetDataset#exportedOffsets).
            log.info("Parquet export round: {} rows in {} files, {} ms, history {} records", rows, written, millis,
                    dataset.exportedOffsets());
        } else {
            log.debug("Parquet export: no committed record in the new offsets of {} ({} ms)", topic, millis);
        }
        return new Round(rows, written);
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null) {
            return List.of();
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    /** Where reading starts: {@code next}, or the beginning offset when retention deleted what lay between. */
    private long skipDeleted(int partition, long next, long beginning, Instant now) throws IOException {
        if (beginning <= next) {
            return next;
        }
        RetentionGaps.Gap gap = new RetentionGaps.Gap(partition, next, beginning, now);
        log.warn("Topic {} partition {}: offsets [{}, {}) were deleted by retention before they were exported "
                        + "({} records lost to the dataset); recorded in {}, the export continues from offset {}",
                topic, partition, next, beginning, gap.records(), dataset.gapsFile(), beginning);
        dataset.gap(gap);
        return beginning;
    }

    /**
     * Writes the partition's committed records in {@code [from, to)} to a new file. Answers the rows
     * written, or 0 when the range holds none, and then no file is created.
     */
    private long exportPartition(TopicPartition partition, long from, long to, LocalDate day) throws IOException {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        // The first records decide whether there is a file at all: a range of aborted records gets none.
        List<ConsumerRecord<byte[], byte[]>> first = nextRecords(partition, to);
        if (first.isEmpty()) {
            dataset.skipped(partition.partition(), to);
            return 0;
        }
        ParquetDataset.Part part = new ParquetDataset.Part(partition.partition(), from, to);
        String relativePath = dataset.relativePath(day, part);
        Written written = new Written();
        files.create(dataset.resolve(relativePath), temp -> write(temp, partition, to, first, written));
        dataset.added(part);
        // off the export path: the audit queues the row, and a database outage does not stop the dataset
        audit.record(relativePath, Math.toIntExact(written.rows), part.offsets(), written.sha256);
        return written.rows;
    }

    /** What the content callback of {@link AtomicFileWriter#create} hands back. */
    private static final class Written {
        long rows;
        String sha256;
    }

    private void write(Path temp, TopicPartition partition, long to, List<ConsumerRecord<byte[], byte[]>> first,
                       Written written) throws IOException {
        HashingOutputFile file = new HashingOutputFile(temp);
        long rows = 0;
        AvroParquetWriter.Builder<T> builder = AvroParquetWriter.<T>builder(file)
                .withConf(new PlainParquetConfiguration())
                .withSchema(schema)
                // the generated class's model: it carries the conversions of its logical types (Instant, LocalDate)
                .withDataModel(SpecificData.getForClass(type))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                // the temporary file exists already (created empty, hidden)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        // Measurements are nearly all distinct: a dictionary of them costs a hash lookup per value and is then
        // dropped for plain encoding anyway (the largest single cost of a round in a profile, a sixth of its
        // samples); the text, enum and small integer columns keep theirs.
        for (String column : floatingPointColumns) {
            builder = builder.withDictionaryEncoding(column, false);
        }
        try (ParquetWriter<T> writer = builder.build()) {
            List<ConsumerRecord<byte[], byte[]>> records = first;
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    writer.write(type.cast(deserializer.deserialize(topic, record.headers(), record.value())));
                    rows++;
                }
                if (consumer.position(partition) >= to) {
                    break;
                }
                records = below(consumer.poll(POLL).records(partition), to);
            }
        }
        written.rows = rows;
        written.sha256 = file.sha256();
    }

    /** The next records of the partition below {@code to}, or none when the position reached {@code to} first. */
    private List<ConsumerRecord<byte[], byte[]>> nextRecords(TopicPartition partition, long to) {
        while (consumer.position(partition) < to) {
            List<ConsumerRecord<byte[], byte[]>> records = below(consumer.poll(POLL).records(partition), to);
            if (!records.isEmpty()) {
                return records;
            }
        }
        return List.of();
    }

    /** The end offset was taken at the start of the round; what was committed since waits for the next one. */
    private static List<ConsumerRecord<byte[], byte[]>> below(List<ConsumerRecord<byte[], byte[]>> records, long to) {
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.offset() < to) {
                kept.add(record);
            }
        }
        return kept;
    }

    /** Interrupts a round in progress from another thread (the round then fails with WakeupException). */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
        try {
            deserializer.close();
        } catch (RuntimeException e) {
            // closing at shutdown: nothing left to do about a deserializer that fails to close
        }
    }
}
