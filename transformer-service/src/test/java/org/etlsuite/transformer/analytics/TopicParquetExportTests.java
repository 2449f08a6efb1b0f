package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.TestBrokers;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.ExportAudit;
import org.etlsuite.transformer.urban.UrbanFeatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The appending Parquet dataset against a real KRaft broker: committed processed readings in (produced
 * transactionally, some transactions aborted), exactly those rows out, each once, a file per partition
 * and round, and the dataset's own file names as the only memory of how far it got.
 */
class TopicParquetExportTests {

    private static final String REGISTRY = "mock://parquet-export";
    private static final String FOLDER = "analytics/urban_sensors_processed";
    private static final int PARTITIONS = 3;
    private static final Duration ROUNDS_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ROUND_LINE = Pattern.compile(
            "Parquet export round: (\\d+) rows in (\\d+) files, (\\d+) ms, history (\\d+) records");
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;

    @TempDir
    Path dataDir;

    private String topic;
    private KafkaProducer<String, UrbanSensorReadingProcessed> producer;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ExportAudit audit = mock(ExportAudit.class);
    private final List<TopicParquetExport<?>> instances = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private int generated;

    /** A produced reading and where it landed. */
    private record Sent(UrbanSensorReadingProcessed reading, int partition, long offset) {
    }

    /** One file of the dataset, read back. */
    private record DatasetFile(Path path, ParquetDataset.Part part, List<UrbanSensorReadingProcessed> rows) {
    }

    @BeforeAll
    static void startBroker() {
        broker = TestBrokers.startedForExactlyOnce();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @BeforeEach
    void setUp() throws ExecutionException, InterruptedException {
        // a topic per test: retention and offsets of one test never meet another's
        topic = "urban-sensors.processed." + TOPICS.incrementAndGet();
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "parquet-export-test-" + topic,
                "schema.registry.url", REGISTRY);
        AvroSerializer<UrbanSensorReadingProcessed> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
        producer.initTransactions();
        Logger logger = (Logger) LoggerFactory.getLogger(TopicParquetExport.class);
        logger.setLevel(Level.DEBUG);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(TopicParquetExport.class)).detachAppender(logs);
        producer.close();
        instances.forEach(TopicParquetExport::close);
    }

    @Test
    void appendsOnlyNewRecordsRoundByRound() throws Exception {
        CountingConsumer consumer = consumer();
        TopicParquetExport<UrbanSensorReadingProcessed> export = export(consumer);
        List<Sent> committed = new ArrayList<>();

        committed.addAll(send(300, true));
        assertThat(exportUntil(export, 300)).isEqualTo(300);
        Map<Path, String> firstRound = contents(dataset());
        assertThat(firstRound.keySet()).allSatisfy(file -> assertThat(file.getParent().getFileName()).hasToString("exported=2026-03-01"));

        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        List<Sent> aborted = send(50, false);
        committed.addAll(send(200, true));
        assertThat(exportUntil(export, 200)).as("only what is new, and not the aborted readings").isEqualTo(200);
        assertThat(contents(dataset())).as("the first round's files are left as they were").containsAllEntriesOf(firstRound);

        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        committed.addAll(send(100, true));
        aborted.addAll(send(10, false));
        assertThat(exportUntil(export, 100)).isEqualTo(100);

        List<DatasetFile> files = dataset();
        assertHoldsExactly(files, committed);
        assertThat(files.stream().flatMap(file -> file.rows().stream()))
                .doesNotContainAnyElementsOf(aborted.stream().map(Sent::reading).toList());
        assertThat(files).extracting(file -> file.path().getParent().getFileName().toString())
                .containsOnly("exported=2026-03-01", "exported=2026-03-02", "exported=2026-03-03")
                .contains("exported=2026-03-01", "exported=2026-03-02", "exported=2026-03-03");
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .as("no temporary file left, no gap recorded").allMatch(name -> name.startsWith("part-"));
        }
    }

    @Test
    void roundWithNoNewRecordsReadsNothingFromKafkaAndWritesNothing() throws Exception {
        CountingConsumer consumer = consumer();
        TopicParquetExport<UrbanSensorReadingProcessed> export = export(consumer);
        List<Sent> committed = send(120, true);
        exportUntil(export, 120);
        assertThat(consumer.polls()).as("the counters see a round that reads").isPositive();
        assertThat(consumer.recordsConsumed()).isGreaterThanOrEqualTo(120);
        assertThat(roundLines()).isNotEmpty();

        Map<Path, String> before = contents(dataset());
        int polls = consumer.polls();
        double consumed = consumer.recordsConsumed();
        logs.list.clear();
        for (int i = 0; i < 3; i++) {
            assertThat(export.exportNewRecords()).isEqualTo(TopicParquetExport.Round.NOTHING);
        }

        assertThat(consumer.polls()).as("no poll, hence no fetch").isEqualTo(polls);
        assertThat(consumer.recordsConsumed()).isEqualTo(consumed);
        assertThat(contents(dataset())).isEqualTo(before);
        assertThat(roundLines()).as("rounds that wrote nothing stay at DEBUG").isEmpty();

        // Offsets that hold only an aborted transaction: read once (there is no telling before), no file,
        // and not read again by the next rounds.
        send(30, false);
        await().atMost(ROUNDS_TIMEOUT).until(() -> {
            assertThat(export.exportNewRecords()).isEqualTo(TopicParquetExport.Round.NOTHING);
            return consumer.polls() > polls;
        });
        int afterAborted = consumer.polls();
        assertThat(export.exportNewRecords()).isEqualTo(TopicParquetExport.Round.NOTHING);
        assertThat(consumer.polls()).isEqualTo(afterAborted);
        assertThat(contents(dataset())).isEqualTo(before);
        assertHoldsExactly(dataset(), committed);
        assertThat(roundLines()).isEmpty();
    }

    @Test
    void logsOneRoundLinePerRoundThatWroteSomethingWithTheHistorySoFar() throws Exception {
        TopicParquetExport<UrbanSensorReadingProcessed> export = export(consumer());
        send(60, true);
        exportUntil(export, 60);
        send(45, true);
        exportUntil(export, 45);

        List<String> lines = roundLines();
        List<DatasetFile> files = dataset();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        long rows = 0;
        int fileCount = 0;
        for (String line : lines) {
            var matcher = ROUND_LINE.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            rows += Long.parseLong(matcher.group(1));
            fileCount += Integer.parseInt(matcher.group(2));
        }
        assertThat(rows).isEqualTo(105);
        assertThat(fileCount).isEqualTo(files.size());
        var last = ROUND_LINE.matcher(lines.getLast());
        assertThat(last.matches()).isTrue();
        // history: the offsets the files cover, rows plus one commit marker per transaction and partition
        assertThat(Long.parseLong(last.group(4)))
                .isEqualTo(files.stream().mapToLong(file -> file.part().offsets()).sum())
                .isBetween(105L, 105L + 2 * PARTITIONS);
    }

    @Test
    void newInstanceOverTheSameFolderContinuesWhereTheDatasetEnds() throws Exception {
        TopicParquetExport<UrbanSensorReadingProcessed> first = export(consumer());
        List<Sent> committed = new ArrayList<>(send(150, true));
        exportUntil(first, 150);
        Map<Integer, Long> ends = ends(dataset());
        first.close();
        instances.remove(first);

        CountingConsumer consumer = consumer();
        TopicParquetExport<UrbanSensorReadingProcessed> second = export(consumer);
        assertThat(second.exportNewRecords()).isEqualTo(TopicParquetExport.Round.NOTHING);
        assertThat(consumer.polls()).as("knows from the file names that nothing is new").isZero();

        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        committed.addAll(send(120, true));
        assertThat(exportUntil(second, 120)).isEqualTo(120);

        List<DatasetFile> files = dataset();
        assertHoldsExactly(files, committed);
        for (int partition = 0; partition < PARTITIONS; partition++) {
            int p = partition;
            List<DatasetFile> ofPartition = files.stream().filter(file -> file.part().partition() == p).toList();
            assertThat(ofPartition).as("partition %d: one file from each instance", p).hasSize(2);
            assertThat(ofPartition.get(1).part().from()).as("partition %d continues where the dataset ended", p).isEqualTo(ends.get(p));
            assertThat(ofPartition.get(1).path().getParent().getFileName()).hasToString("exported=2026-03-02");
        }
    }

    @Test
    void recordsDeletedByRetentionBeforeExportAreListedAsAGapAndTheRestIsExported() throws Exception {
        TopicParquetExport<UrbanSensorReadingProcessed> export = export(consumer());
        List<Sent> committed = new ArrayList<>(send(90, true));
        exportUntil(export, 90);
        List<DatasetFile> before = dataset();
        Map<Path, String> beforeContents = contents(before);
        Map<Path, FileTime> beforeTimes = new HashMap<>();
        for (DatasetFile file : before) {
            beforeTimes.put(file.path(), Files.getLastModifiedTime(file.path()));
        }
        long end0 = ends(before).get(0);

        List<Sent> second = send(90, true);
        List<Sent> secondOnPartition0 = second.stream().filter(sent -> sent.partition() == 0).toList();
        long cut = secondOnPartition0.get(10).offset();
        admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(cut))).all().get();
        List<Sent> lost = second.stream().filter(sent -> sent.partition() == 0 && sent.offset() < cut).toList();
        assertThat(lost).hasSize(10);
        committed.addAll(second.stream().filter(sent -> !lost.contains(sent)).toList());
        Instant detected = Instant.parse("2026-03-04T12:30:00Z");
        clock.set(detected);

        assertThat(exportUntil(export, 80)).as("the rest is exported").isEqualTo(80);

        Path gaps = dataDir.resolve(FOLDER).resolve(ParquetDataset.GAPS_FILE);
        assertThat(Files.readAllLines(gaps)).containsExactly(
                "partition,first_missing_offset,next_available_offset,detected_at",
                "0," + end0 + "," + cut + "," + detected);
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("partition 0", "[" + end0 + ", " + cut + ")", "deleted by retention");
        List<DatasetFile> after = dataset();
        assertHoldsExactly(after, committed);
        assertThat(contents(after)).as("retention never shrinks the dataset").containsAllEntriesOf(beforeContents);
        for (DatasetFile file : before) {
            assertThat(Files.getLastModifiedTime(file.path())).isEqualTo(beforeTimes.get(file.path()));
        }
        assertThat(after).filteredOn(file -> file.part().partition() == 0 && file.part().from() > end0)
                .singleElement().satisfies(file -> assertThat(file.part().from()).isEqualTo(cut));

        // the gap is found once: neither the next round nor a new instance records it again
        assertThat(export.exportNewRecords()).isEqualTo(TopicParquetExport.Round.NOTHING);
        assertThat(export(consumer()).exportNewRecords()).isEqualTo(TopicParquetExport.Round.NOTHING);
        assertThat(Files.readAllLines(gaps)).hasSize(2);
    }

    @Test
    void recordsTheSha256OfEachNewFileAsItIsOnDisk() throws Exception {
        TopicParquetExport<UrbanSensorReadingProcessed> export = export(consumer());
        send(70, true);
        exportUntil(export, 70);
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        send(40, true);
        exportUntil(export, 40);

        List<DatasetFile> files = dataset();
        ArgumentCaptor<String> path = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<Integer> rows = ArgumentCaptor.forClass(Integer.class);
        ArgumentCaptor<Long> offsets = ArgumentCaptor.forClass(Long.class);
        ArgumentCaptor<String> sha256 = ArgumentCaptor.forClass(String.class);
        verify(audit, atLeast(1)).record(path.capture(), rows.capture(), offsets.capture(), sha256.capture());
        assertThat(path.getAllValues()).as("one audit row per new file").hasSize(files.size()).doesNotHaveDuplicates();
        Map<String, DatasetFile> byPath = new HashMap<>();
        files.forEach(file -> byPath.put(dataDir.relativize(file.path()).toString().replace('\\', '/'), file));
        for (int i = 0; i < path.getAllValues().size(); i++) {
            DatasetFile file = byPath.get(path.getAllValues().get(i));
            assertThat(file).as(path.getAllValues().get(i)).isNotNull();
            assertThat(sha256.getAllValues().get(i)).isEqualTo(AtomicFileWriter.sha256(Files.readAllBytes(file.path())));
            assertThat(rows.getAllValues().get(i)).isEqualTo(file.rows().size());
            assertThat(offsets.getAllValues().get(i)).isEqualTo(file.part().offsets());
        }
    }

    @Test
    void writesMeasurementsWithoutADictionaryAndKeepsItForRepeatedZones() throws Exception {
        TopicParquetExport<UrbanSensorReadingProcessed> export = export(consumer());
        // Two values only, so that a dictionary would pay off and the writer would keep it, were it allowed one.
        List<UrbanSensorReadingProcessed> readings = processed(80);
        readings.forEach(reading -> {
            reading.setPm25(10.0 + reading.getVehicleCount() % 2);
            reading.setPollutionIdx(20.0 + reading.getVehicleCount() % 2);
        });
        send(readings, true);
        exportUntil(export, 80);

        assertThat(TopicParquetExport.floatingPointColumns(UrbanSensorReadingProcessed.getClassSchema()))
                .containsExactlyInAnyOrder("avg_speed_kmh", "noise_db", "pm25", "pm10", "pollution_idx");
        List<DatasetFile> files = dataset();
        assertThat(files).isNotEmpty();
        for (DatasetFile file : files) {
            Map<String, Set<Encoding>> encodings = columnEncodings(file.path());
            assertThat(encodings.get("pm25")).as("%s pm25", file.path()).doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
            assertThat(encodings.get("pollution_idx")).as("%s pollution_idx", file.path())
                    .doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
            assertThat(encodings.get("location")).as("%s location", file.path()).containsAnyOf(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
        }
    }

    // --- helpers

    private CountingConsumer consumer() {
        return new CountingConsumer(TopicParquetExport.consumerConfig(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), topic));
    }

    private TopicParquetExport<UrbanSensorReadingProcessed> export(CountingConsumer consumer) {
        AvroDeserializer<UrbanSensorReadingProcessed> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", REGISTRY, "specific.avro.reader", true), false);
        AtomicFileWriter files = new AtomicFileWriter();
        TopicParquetExport<UrbanSensorReadingProcessed> export = new TopicParquetExport<>(consumer, topic,
                UrbanSensorReadingProcessed.class, deserializer, new ParquetDataset(dataDir, FOLDER, files, clock), files,
                audit, clock);
        instances.add(export);
        return export;
    }

    /**
     * Runs rounds until they wrote {@code rows} rows in all, answering how many they wrote: the commit
     * markers reach the partitions shortly after commitTransaction returns, so the last stable offsets
     * (and with them a round) may lag behind for a moment.
     */
    private static long exportUntil(TopicParquetExport<?> export, long rows) {
        AtomicLong written = new AtomicLong();
        await().atMost(ROUNDS_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> written.addAndGet(export.exportNewRecords().rows()) >= rows);
        return written.get();
    }

    /** Sends {@code count} new readings in one transaction, spread evenly over the partitions. */
    private List<Sent> send(int count, boolean commit) throws ExecutionException, InterruptedException {
        return send(processed(count), commit);
    }

    private List<Sent> send(List<UrbanSensorReadingProcessed> readings, boolean commit) throws ExecutionException, InterruptedException {
        int count = readings.size();
        List<Future<RecordMetadata>> futures = new ArrayList<>(count);
        producer.beginTransaction();
        for (int i = 0; i < readings.size(); i++) {
            UrbanSensorReadingProcessed reading = readings.get(i);
            futures.add(producer.send(new ProducerRecord<>(topic, i % PARTITIONS, reading.getSensorId(), reading)));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
        List<Sent> sent = new ArrayList<>(count);
        for (int i = 0; i < readings.size(); i++) {
            RecordMetadata metadata = futures.get(i).get();
            sent.add(new Sent(readings.get(i), metadata.partition(), metadata.offset()));
        }
        return sent;
    }

    /** Readings unique by (sensor_id, ts) across the whole test: ts is one second further each time. */
    private List<UrbanSensorReadingProcessed> processed(int count) {
        List<UrbanSensorReadingProcessed> readings = new ArrayList<>(count);
        UrbanLocation[] locations = UrbanLocation.values();
        for (int i = 0; i < count; i++) {
            int n = generated++;
            readings.add(UrbanFeatures.enrich(UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-" + (100 + n % 900))
                    .setTs(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(n))
                    .setLocation(locations[n % locations.length])
                    .setVehicleCount(n % 201)
                    .setAvgSpeedKmh((n % 8000) / 100.0)
                    .setNoiseDb(30 + (n % 700) / 10.0)
                    .setPm25(1 + (n % 14900) / 100.0)
                    .setPm10(5 + (n % 19500) / 100.0)
                    .setStatus(SensorStatus.values()[n % 3])
                    .build()));
        }
        return readings;
    }

    /**
     * Each file holds exactly the committed readings of its partition whose offsets lie in its range, in
     * offset order; all files together hold every committed reading exactly once.
     */
    private static void assertHoldsExactly(List<DatasetFile> files, List<Sent> committed) {
        for (DatasetFile file : files) {
            List<UrbanSensorReadingProcessed> expected = committed.stream()
                    .filter(sent -> sent.partition() == file.part().partition())
                    .filter(sent -> sent.offset() >= file.part().from() && sent.offset() < file.part().to())
                    .sorted(Comparator.comparingLong(Sent::offset))
                    .map(Sent::reading)
                    .toList();
            assertThat(file.rows()).as(file.path().toString()).isNotEmpty().containsExactlyElementsOf(expected);
        }
        List<UrbanSensorReadingProcessed> all = files.stream().flatMap(file -> file.rows().stream()).toList();
        assertThat(all).containsExactlyInAnyOrderElementsOf(committed.stream().map(Sent::reading).toList());
        Set<String> identities = new HashSet<>();
        all.forEach(row -> identities.add(row.getSensorId() + "|" + row.getTs()));
        assertThat(identities).as("sensor_id + ts, once each").hasSize(all.size());
        // per partition, the ranges never overlap
        Map<Integer, Long> end = new HashMap<>();
        for (DatasetFile file : files) {
            assertThat(file.part().from()).isGreaterThanOrEqualTo(end.getOrDefault(file.part().partition(), 0L));
            end.put(file.part().partition(), file.part().to());
        }
    }

    /** The dataset's files in partition, then offset order. */
    private List<DatasetFile> dataset() throws IOException {
        Path root = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(path -> ParquetDataset.Part.parse(path.getFileName().toString()).isPresent())
                    .toList();
        }
        List<DatasetFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(new DatasetFile(path, ParquetDataset.Part.parse(path.getFileName().toString()).orElseThrow(), readBack(path)));
        }
        files.sort(Comparator.comparingInt((DatasetFile file) -> file.part().partition()).thenComparingLong(file -> file.part().from()));
        return files;
    }

    private static Map<Integer, Long> ends(List<DatasetFile> files) {
        Map<Integer, Long> ends = new HashMap<>();
        files.forEach(file -> ends.merge(file.part().partition(), file.part().to(), Math::max));
        return ends;
    }

    /** Each file's SHA-256: what "left as it was" is checked against. */
    private static Map<Path, String> contents(List<DatasetFile> files) throws IOException {
        Map<Path, String> contents = new HashMap<>();
        for (DatasetFile file : files) {
            contents.put(file.path(), AtomicFileWriter.sha256(Files.readAllBytes(file.path())));
        }
        return contents;
    }

    /** The encodings of each top-level column over all row groups, from the file's footer. */
    private static Map<String, Set<Encoding>> columnEncodings(Path file) throws IOException {
        Map<String, Set<Encoding>> encodings = new HashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    encodings.computeIfAbsent(column.getPath().toDotString(), name -> new HashSet<>()).addAll(column.getEncodings());
                }
            }
        }
        return encodings;
    }

    private static List<UrbanSensorReadingProcessed> readBack(Path file) throws IOException {
        List<UrbanSensorReadingProcessed> rows = new ArrayList<>();
        try (ParquetReader<UrbanSensorReadingProcessed> reader = AvroParquetReader.<UrbanSensorReadingProcessed>builder(
                        new LocalInputFile(file), new PlainParquetConfiguration())
                .withDataModel(SpecificData.getForClass(UrbanSensorReadingProcessed.class))
                .build()) {
            for (UrbanSensorReadingProcessed row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<String> roundLines() {
        return logs.list.stream()
                .filter(event -> event.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Parquet export round:"))
                .toList();
    }

    /** The export's consumer, counting the calls that read records. */
    private static final class CountingConsumer extends KafkaConsumer<byte[], byte[]> {

        private final AtomicInteger polls = new AtomicInteger();

        CountingConsumer(Map<String, Object> config) {
            super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            polls.incrementAndGet();
            return super.poll(timeout);
        }

        int polls() {
            return polls.get();
        }

        /** The client's own count of records fetched (all topics). */
        double recordsConsumed() {
            for (Map.Entry<MetricName, ? extends Metric> metric : metrics().entrySet()) {
                MetricName name = metric.getKey();
                if (name.name().equals("records-consumed-total") && name.group().equals("consumer-fetch-manager-metrics")
                        && !name.tags().containsKey("topic")) {
                    return ((Number) metric.getValue().metricValue()).doubleValue();
                }
            }
            throw new IllegalStateException("no records-consumed-total metric");
        }
    }

    /** A clock the test moves, so rounds fall on days of its choosing. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
