package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.Topics;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.product.ProductAcceptanceTests;
import org.etlsuite.transformer.transport.TransportAcceptanceTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seeded loads of all three streams sent at once through a real broker, and what every KPI file and
 * data_quality.csv must then say, computed here independently of the transformer. Each stream gets about
 * 5 % dirty events (one known defect each) and about 1 % re-sent copies; optionally poison pills (bytes
 * that are not our Avro) mixed in, and a pause halfway through, for the fault tests. The generators and
 * the independent computations are the ones of {@link UrbanLoad}, {@link ProductAcceptanceTests} and
 * {@link TransportAcceptanceTests}: counts exact, money to the cent, means within 1e-9 relative (the
 * urban means exactly the rounded exact mean).
 */
final class AllStreamsLoad {

    static final String URBAN = Topics.URBAN_SENSORS;
    static final String PRODUCT = Topics.PRODUCT_EVENTS;
    static final String TRANSPORT = Topics.TRANSPORTATION_STATS;

    private static final Duration AWAIT_FILES = Duration.ofSeconds(60);
    private static final Instant URBAN_START = Instant.parse("2026-03-03T06:00:00Z");
    /** No registry hands out this id: the poison pills that carry it must be counted as unknown-schema-id. */
    private static final int UNKNOWN_SCHEMA_ID = 40_403;
    private static final List<String> POISON_RULES = List.of("bad-magic-byte", "truncated", "unknown-schema-id");

    private AllStreamsLoad() {
    }

    /**
     * How to send: {@code recordsPerStream} seeded events to each stream, each under {@code key} applied to the key the
     * producer-service would use; before every {@code poisonEvery}-th event of a stream (0: never) a poison pill under the same
     * key, the kinds taken in turn; {@code halfway} runs on each stream's sending thread once half its events are sent (and
     * may block it).
     */
    record Plan(int recordsPerStream, UnaryOperator<String> key, int poisonEvery, Runnable halfway) {

        static Plan of(int recordsPerStream, UnaryOperator<String> key) {
            return new Plan(recordsPerStream, key, 0, () -> { });
        }
    }

    /** What the three seeded loads sent, and the poison pills per stream and rule. */
    record Sent(UrbanSent urban, ProductAcceptanceTests.Load product, TransportAcceptanceTests.Load transport,
                Map<String, Map<String, Long>> undecodable, int recordsPerStream) {

        /** Records sent to the stream's topic: its events and its poison pills. */
        long records(String stream) {
            return recordsPerStream + undecodable.getOrDefault(stream, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        long total() {
            return records(URBAN) + records(PRODUCT) + records(TRANSPORT);
        }

        /** Records of the stream that belong in its dead-letter topic: the dirty events and the poison pills. */
        long deadLetters(String stream) {
            Map<String, Long> rejected = switch (stream) {
                case URBAN -> urban.rejected();
                case PRODUCT -> product.rejected();
                case TRANSPORT -> transport.rejected();
                default -> throw new IllegalArgumentException(stream);
            };
            return Stream.concat(rejected.values().stream(), undecodable.getOrDefault(stream, Map.of()).values().stream())
                    .mapToLong(Long::longValue).sum();
        }
    }

    /** Sends {@code records} seeded events to each stream, without poison or pause; see {@link #send(String, String, Plan)}. */
    static Sent send(String bootstrapServers, String registry, int records, UnaryOperator<String> key) {
        return send(bootstrapServers, registry, Plan.of(records, key));
    }

    /**
     * Sends the plan's events to the three streams at once, one thread per stream sharing one producer, and returns once all are
     * acknowledged. A key function only moves records between partitions: the expected files do not depend on it, but it must map
     * equal keys to equal keys so that copies of an urban reading or a trip still meet (they are de-duplicated by their input
     * partition).
     */
    static Sent send(String bootstrapServers, String registry, Plan plan) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                "schema.registry.url", registry);
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        Map<String, Map<String, Long>> undecodable = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            StreamSender sender = new StreamSender(producer, serializer, plan, undecodable);
            int records = plan.recordsPerStream();
            CompletableFuture<UrbanSent> urban = CompletableFuture.supplyAsync(
                    () -> urbanLoad(records, 20261126L, sender.to(URBAN)), threads);
            CompletableFuture<ProductAcceptanceTests.Load> product = CompletableFuture.supplyAsync(
                    () -> ProductAcceptanceTests.load(records, 20261127L, sender.to(PRODUCT)), threads);
            CompletableFuture<TransportAcceptanceTests.Load> transport = CompletableFuture.supplyAsync(
                    () -> TransportAcceptanceTests.load(records, 20261128L, sender.to(TRANSPORT)), threads);
            Sent sent = new Sent(urban.join(), product.join(), transport.join(), undecodable, plan.recordsPerStream());
            producer.flush();
            return sent;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Serializes and sends the events of the streams, with their poison pills and their pause halfway. */
    private record StreamSender(KafkaProducer<String, byte[]> producer, AvroSerializer<SpecificRecord> serializer, Plan plan,
                                Map<String, Map<String, Long>> undecodable) {

        /** Where a generator sends one stream's events (key as the producer-service would use it); called by one thread. */
        <V extends SpecificRecord> BiConsumer<String, V> to(String topic) {
            AtomicLong sent = new AtomicLong();
            return (key, event) -> {
                long index = sent.getAndIncrement();
                if (index == plan.recordsPerStream() / 2) {
                    producer.flush();
                    plan.halfway().run();
                }
                String recordKey = plan.key().apply(key);
                byte[] value = serializer.serialize(topic, event);
                if (plan.poisonEvery() > 0 && index % plan.poisonEvery() == plan.poisonEvery() - 1) {
                    String rule = POISON_RULES.get((int) (index / plan.poisonEvery() % POISON_RULES.size()));
                    producer.send(new ProducerRecord<>(topic, recordKey, poison(rule, value)));
                    undecodable.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).merge(rule, 1L, Long::sum);
                }
                producer.send(new ProducerRecord<>(topic, recordKey, value));
            };
        }

        /** Bytes that break the wire format in the way the rule names, made from an event's valid bytes. */
        private static byte[] poison(String rule, byte[] valid) {
            return switch (rule) {
                case "bad-magic-byte" -> {
                    byte[] bytes = valid.clone();
                    bytes[0] = 7;
                    yield bytes;
                }
                case "truncated" -> Arrays.copyOf(valid, valid.length - 3);
                case "unknown-schema-id" -> {
                    byte[] bytes = valid.clone();
                    ByteBuffer.wrap(bytes, 1, 4).putInt(UNKNOWN_SCHEMA_ID);
                    yield bytes;
                }
                default -> throw new IllegalArgumentException(rule);
            };
        }
    }

    /** Waits until data_quality.csv accounts for every record sent to each of the three streams (a bound that grows with the load). */
    static void awaitAccountedFor(Path data, Sent sent) {
        Path qualityCsv = data.resolve(UrbanLoad.QUALITY_CSV);
        await().atMost(Duration.ofSeconds(120 + sent.total() / 2_000)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Long> counted = recordsPerStream(qualityCsv);
            return counted.getOrDefault(URBAN, 0L) == sent.records(URBAN) && counted.getOrDefault(PRODUCT, 0L) == sent.records(PRODUCT)
                    && counted.getOrDefault(TRANSPORT, 0L) == sent.records(TRANSPORT);
        });
    }

    /** Every row of data_quality.csv and every KPI file of the three streams equal what plain Java computes from what was sent. */
    static void assertFiles(Path data, Sent sent) throws IOException {
        UrbanSent urban = sent.urban();
        ProductAcceptanceTests.Load product = sent.product();
        TransportAcceptanceTests.Load transport = sent.transport();
        Map<String, Long> expectedQuality = new LinkedHashMap<>();
        expect(expectedQuality, URBAN, urban.clean().size(), urban.duplicates(), urban.rejected(), sent.undecodable());
        expect(expectedQuality, PRODUCT, product.clean().size(), product.duplicates(), product.rejected(), sent.undecodable());
        expect(expectedQuality, TRANSPORT, transport.clean().size(), transport.duplicates(), transport.rejected(), sent.undecodable());

        // data_quality.csv: every row of every stream, the counts of the load or else 0.
        List<String> qualityLines = Files.readAllLines(data.resolve(UrbanLoad.QUALITY_CSV));
        assertThat(qualityLines.getFirst()).isEqualTo("stream,metric,rule,count");
        Map<String, Long> qualityRows = new TreeMap<>();
        for (String line : qualityLines.subList(1, qualityLines.size())) {
            int comma = line.lastIndexOf(',');
            assertThat(qualityRows.put(line.substring(0, comma), Long.parseLong(line.substring(comma + 1))))
                    .as("row %s listed once", line).isNull();
        }
        assertThat(qualityRows.keySet()).as("data_quality.csv rows").containsAll(expectedQuality.keySet());
        qualityRows.forEach((row, count) -> assertThat(count).as("data_quality.csv %s", row)
                .isEqualTo(expectedQuality.getOrDefault(row, 0L)));

        // The KPI files read global stores, which may trail data_quality.csv by a commit: await them settled.
        await().atMost(AWAIT_FILES).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            check(UrbanLoad.CSV, () -> UrbanLoad.assertAggregatedCsv(data.resolve(UrbanLoad.CSV), action -> urban.clean().forEach(action)));

            check(ProductKpiFiles.Category.RELATIVE_PATH, () -> ProductAcceptanceTests.assertCategories(
                    rows(data, ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Category.HEADER), product.clean()));
            check(ProductKpiFiles.Platform.RELATIVE_PATH, () -> ProductAcceptanceTests.assertPlatforms(
                    rows(data, ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpiFiles.Platform.HEADER), product.clean()));
            check(ProductKpiFiles.Funnel.RELATIVE_PATH, () -> ProductAcceptanceTests.assertFunnel(
                    rows(data, ProductKpiFiles.Funnel.RELATIVE_PATH, ProductKpiFiles.Funnel.HEADER), product.clean()));
            check(ProductKpiFiles.RevenueHourly.RELATIVE_PATH, () -> ProductAcceptanceTests.assertHourly(
                    rows(data, ProductKpiFiles.RevenueHourly.RELATIVE_PATH, ProductKpiFiles.RevenueHourly.HEADER), product.clean()));

            check(TransportKpiFiles.Summary.RELATIVE_PATH, () -> TransportAcceptanceTests.assertSummary(
                    rows(data, TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiFiles.Summary.HEADER), transport.clean()));
            check(TransportKpiFiles.Daily.RELATIVE_PATH, () -> TransportAcceptanceTests.assertDaily(
                    rows(data, TransportKpiFiles.Daily.RELATIVE_PATH, TransportKpiFiles.Daily.HEADER), transport.clean()));
            check(TransportKpiFiles.BoardingAreas.RELATIVE_PATH, () -> TransportAcceptanceTests.assertBoardingAreas(
                    rows(data, TransportKpiFiles.BoardingAreas.RELATIVE_PATH, TransportKpiFiles.BoardingAreas.HEADER), transport.clean()));
            check(TransportKpiFiles.Routes.RELATIVE_PATH, () -> TransportAcceptanceTests.assertRoutes(
                    rows(data, TransportKpiFiles.Routes.RELATIVE_PATH, TransportKpiFiles.Routes.HEADER), transport.clean()));
            check(TransportKpiFiles.Fares.RELATIVE_PATH, () -> TransportAcceptanceTests.assertFares(
                    rows(data, TransportKpiFiles.Fares.RELATIVE_PATH, TransportKpiFiles.Fares.HEADER), transport.clean()));
        });
    }

    private interface FileCheck {
        void run() throws IOException;
    }

    /** Runs one file's comparison, naming the file in its failure. */
    private static void check(String file, FileCheck comparison) throws IOException {
        try {
            comparison.run();
        } catch (AssertionError e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    /** The expected data_quality.csv counts of one stream (rows not listed must be 0). */
    private static void expect(Map<String, Long> quality, String stream, long accepted, long duplicates, Map<String, Long> rejected,
                               Map<String, Map<String, Long>> undecodable) {
        quality.put(stream + ",accepted,", accepted);
        quality.put(stream + ",duplicate,", duplicates);
        rejected.forEach((rule, count) -> quality.put(stream + ",rejected," + rule, count));
        undecodable.getOrDefault(stream, Map.of()).forEach((rule, count) -> quality.put(stream + ",undecodable," + rule, count));
    }

    /** Sum of the count column per stream (every input record is counted exactly once under one metric). */
    private static Map<String, Long> recordsPerStream(Path qualityCsv) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        if (!Files.isRegularFile(qualityCsv)) {
            return counts;
        }
        for (String line : Files.readAllLines(qualityCsv).stream().skip(1).toList()) {
            String[] fields = line.split(",", -1);
            counts.merge(fields[0], Long.parseLong(fields[3]), Long::sum);
        }
        return counts;
    }

    /** The data lines of a KPI file, split into fields (none of them is quoted), after checking its header. */
    private static List<String[]> rows(Path data, String relativePath, List<String> header) throws IOException {
        Path file = data.resolve(relativePath);
        assertThat(file).as(relativePath).isRegularFile();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).as(relativePath).isNotEmpty();
        assertThat(lines.getFirst()).as("header of %s", relativePath).isEqualTo(String.join(",", header));
        return lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
    }

    /** What the urban load sent: clean distinct readings, dirty ones by the rule they break, re-sent copies. */
    record UrbanSent(List<UrbanSensorReading> clean, Map<String, Long> rejected, long duplicates) {
    }

    /**
     * Seeded urban readings as {@link UrbanLoad} makes them (100 ms apart, so (sensor_id, ts) is unique), about 5 % with one
     * defect whose rule is known and about 1 % copies of a recent clean reading, keyed by sensor_id as the producer does.
     */
    private static UrbanSent urbanLoad(int records, long seed, BiConsumer<String, UrbanSensorReading> send) {
        Random random = new Random(seed);
        UrbanLocation[] locations = UrbanLocation.values();
        List<UrbanSensorReading> clean = new ArrayList<>();
        Map<String, Long> rejected = new TreeMap<>();
        long duplicates = 0;
        for (int i = 0; i < records; i++) {
            double draw = random.nextDouble();
            if (draw < 0.06 && draw >= 0.05 && !clean.isEmpty()) {
                UrbanSensorReading copy = clean.get(clean.size() - 1 - random.nextInt(Math.min(100, clean.size())));
                duplicates++;
                send.accept(copy.getSensorId(), copy);
                continue;
            }
            UrbanSensorReading reading = UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-" + (100 + random.nextInt(900)))
                    .setTs(URBAN_START.plusMillis(100L * i))
                    .setLocation(locations[random.nextInt(locations.length)])
                    .setVehicleCount(random.nextInt(201))
                    .setAvgSpeedKmh(Math.round(random.nextDouble(0, 80) * 100) / 100.0)
                    .setNoiseDb(Math.round(random.nextDouble(30, 100) * 10) / 10.0)
                    .setPm25(Math.round(random.nextDouble(1, 150) * 100) / 100.0)
                    .setPm10(Math.round(random.nextDouble(5, 200) * 100) / 100.0)
                    .setStatus(SensorStatus.OK)
                    .build();
            if (draw < 0.05) {
                String rule = switch (random.nextInt(8)) {
                    case 0 -> {
                        reading.setSensorId(random.nextBoolean() ? "" : " ");
                        yield "sensor-id-present";
                    }
                    case 1 -> {
                        reading.setTs(Instant.EPOCH);
                        yield "ts-positive";
                    }
                    case 2 -> {
                        reading.setPm10(random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY);
                        yield "measurements-finite";
                    }
                    case 3 -> {
                        reading.setVehicleCount(random.nextBoolean() ? -1 : 201);
                        yield "vehicle-count-range";
                    }
                    case 4 -> {
                        reading.setAvgSpeedKmh(80.01);
                        yield "avg-speed-kmh-range";
                    }
                    case 5 -> {
                        reading.setNoiseDb(29.9);
                        yield "noise-db-range";
                    }
                    case 6 -> {
                        reading.setPm25(150.01);
                        yield "pm25-range";
                    }
                    default -> {
                        reading.setPm10(4.99);
                        yield "pm10-range";
                    }
                };
                rejected.merge(rule, 1L, Long::sum);
                // a blank sensor_id still needs a key: the producer would send it under its blank id
                send.accept(reading.getSensorId(), reading);
            } else {
                clean.add(reading);
                send.accept(reading.getSensorId(), reading);
            }
        }
        long dirty = rejected.values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) dirty / records).isBetween(0.045, 0.055);
        return new UrbanSent(clean, rejected, duplicates);
    }
}
