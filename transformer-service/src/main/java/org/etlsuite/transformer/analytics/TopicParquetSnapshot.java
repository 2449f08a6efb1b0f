package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.CsvExportEntry;
import org.etlsuite.transformer.export.CsvExportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Parquet copy of a topic of Avro events (the original pipeline's {@code analytics/} file):
 * every committed record, in partition then offset order, so the file does not depend on which
 * instance writes it or when.
 *
 * <p>The topic is read with {@code read_committed} by a plain consumer that is assigned its partitions
 * (no group, no committed offsets): records of aborted transactions never reach the file. A round first
 * asks for the end offsets (the last stable offsets under read_committed) and does nothing while they
 * have not moved; otherwise it streams every record up to them into a new file, which then replaces the
 * old one atomically. Memory stays bounded: records go from the consumer straight into the writer, which
 * only buffers the current row group.
 *
 * <p>Not thread-safe: one scheduler thread runs the rounds (the consumer belongs to it).
 */
public final class TopicParquetSnapshot<T extends SpecificRecord> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicParquetSnapshot.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Row groups small enough to keep the writer's buffer modest; readers still get large sequential chunks. */
    private static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

    private final String topic;
    private final Class<T> type;
    private final Path target;
    private final String relativePath;
    private final Deserializer<?> deserializer;
    private final AtomicFileWriter files;
    private final CsvExportRepository exports;
    private final Clock clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private Map<TopicPartition, Long> exportedUpTo = Map.of();

    /**
     * @param consumerConfig bootstrap servers and security settings; the rest is set here
     * @param deserializer   configured Avro deserializer that answers {@code type} (specific reader)
     * @param dataDir        root of the shared volume; {@code relativePath} is below it
     */
    public TopicParquetSnapshot(Map<String, Object> consumerConfig, String topic, Class<T> type, Deserializer<?> deserializer,
                                Path dataDir, String relativePath, AtomicFileWriter files, CsvExportRepository exports, Clock clock) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.type = Objects.requireNonNull(type, "type");
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.relativePath = Objects.requireNonNull(relativePath, "relativePath");
        this.target = dataDir.resolve(relativePath);
        this.files = Objects.requireNonNull(files, "files");
        this.exports = exports;
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the topic is declared with its partitions by this service; never let a lookup create it with defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "parquet-snapshot-" + topic);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * One round: rewrites the file when the topic's committed end offsets moved since the last write.
     * Answers the number of rows written, or -1 when nothing was written (no topic yet, nothing new).
     */
    public long exportIfAdvanced() throws IOException {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            return -1;
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = Map.copyOf(consumer.endOffsets(partitions));
        if (end.equals(exportedUpTo) && Files.isRegularFile(target)) {
            return -1;
        }
        long[] rows = {0};
        files.replace(target, temp -> rows[0] = write(temp, partitions, end));
        exportedUpTo = end;
        long sourceRecords = end.values().stream().mapToLong(Long::longValue).sum();
        if (exports != null) {
            exports.save(new CsvExportEntry(relativePath, Math.toIntExact(rows[0]), sourceRecords,
                    AtomicFileWriter.sha256(Files.readAllBytes(target)), clock.instant()));
        }
        log.debug("Wrote {} ({} rows up to offsets {})", relativePath, rows[0], end);
        return rows[0];
    }

    private long write(Path temp, List<TopicPartition> partitions, Map<TopicPartition, Long> end) throws IOException {
        long rows = 0;
        try (ParquetWriter<T> writer = AvroParquetWriter.<T>builder(new LocalOutputFile(temp))
                .withConf(new PlainParquetConfiguration())
                .withSchema(SpecificData.get().getSchema(type))
                // the generated class's model: it carries the conversions of its logical types (Instant, LocalDate)
                .withDataModel(SpecificData.getForClass(type))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            // One partition at a time, so the rows come in a fixed order whatever the fetch order.
            for (TopicPartition partition : partitions) {
                long last = end.getOrDefault(partition, 0L);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                while (consumer.position(partition) < last) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() >= last) {
                            continue;
                        }
                        writer.write(type.cast(deserializer.deserialize(topic, record.headers(), record.value())));
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** Interrupts a round in progress from another thread (the round then fails with WakeupException). */
    public void wakeup() {
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
