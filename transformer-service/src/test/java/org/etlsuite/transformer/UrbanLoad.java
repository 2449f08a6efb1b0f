package org.etlsuite.transformer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.serde.AvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large, reproducible load of valid urban readings for the scale-out and fault tests, and what the
 * KPI files must say about it, computed here independently of the transformer: exact per-bucket counts
 * and means (exact decimal sums rounded once to a double, which is what the transformer promises
 * whatever order the readings arrive in). Public for the end-to-end fault tests of local-stack, which
 * check the files of the packaged transformer with it.
 */
public final class UrbanLoad {

    public static final String CSV = "processed/urban_sensors_processed_aggregated.csv";
    public static final String QUALITY_CSV = "processed/data_quality.csv";
    /** The Parquet dataset folder: exported=<yyyy-MM-dd>/part-<partition>-<from>-<to>.parquet below it. */
    static final String PARQUET = "analytics/urban_sensors_processed";
    static final String HEADER = "location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db";
    private static final Instant START = Instant.parse("2026-03-02T05:00:00Z");

    private record Bucket(String location, LocalDate day, int hour) {
    }

    /** Exact sums of one bucket. */
    private static final class Sums {
        long readings;
        final BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static final List<ToDoubleFunction<UrbanSensorReading>> FIELDS = List.of(
            reading -> reading.getVehicleCount(),
            UrbanSensorReading::getAvgSpeedKmh,
            UrbanSensorReading::getPm25,
            UrbanSensorReading::getPm10,
            reading -> 0.6 * reading.getPm25() + 0.4 * reading.getPm10(),
            UrbanSensorReading::getNoiseDb);

    private final int count;
    private final long seed;
    private final Instant start;

    public UrbanLoad(int count, long seed) {
        this(count, seed, START);
    }

    /** A load whose readings begin at {@code start}: loads that do not overlap in time share no reading. */
    public UrbanLoad(int count, long seed, Instant start) {
        this.count = count;
        this.seed = seed;
        this.start = start;
    }

    public int count() {
        return count;
    }

    /**
     * Passes every reading of the load, in order, to the action. Readings are 100 ms apart, so no two share (sensor_id, ts) and none
     * is a duplicate; locations and measurements are random with the generator's ranges and decimals.
     */
    public void forEach(Consumer<UrbanSensorReading> action) {
        Random random = new Random(seed);
        UrbanLocation[] locations = UrbanLocation.values();
        for (int i = 0; i < count; i++) {
            action.accept(UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-" + (100 + random.nextInt(900)))
                    .setTs(start.plusMillis(100L * i))
                    .setLocation(locations[random.nextInt(locations.length)])
                    .setVehicleCount(random.nextInt(201))
                    .setAvgSpeedKmh(Math.round(random.nextDouble(0, 80) * 100) / 100.0)
                    .setNoiseDb(Math.round(random.nextDouble(30, 100) * 10) / 10.0)
                    .setPm25(Math.round(random.nextDouble(1, 150) * 100) / 100.0)
                    .setPm10(Math.round(random.nextDouble(5, 200) * 100) / 100.0)
                    .setStatus(SensorStatus.OK)
                    .build());
        }
    }

    /** Sends the whole load to urban-sensors, keyed by sensor_id as the producer service does. */
    void produce(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                "schema.registry.url", registryUrl);
        AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, UrbanSensorReading> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            forEach(reading -> producer.send(new ProducerRecord<>("urban-sensors", reading.getSensorId(), reading)));
            producer.flush();
        }
    }

    /** The (sensor_id|ts) identities of the load, for comparing with the Parquet dataset. */
    List<String> identities() {
        List<String> ids = new ArrayList<>(count);
        forEach(reading -> ids.add(reading.getSensorId() + "|" + reading.getTs()));
        return ids;
    }

    /** Sum of the readings column of an aggregated CSV (0 while the file is missing). */
    public static long readingsIn(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        return Files.readAllLines(csv).stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",", -1)[3])).sum();
    }

    /** The urban-sensors lines of data_quality.csv when every reading of the load was accepted once. */
    public List<String> expectedQualityLines() {
        return expectedQualityLines(count);
    }

    /** The urban-sensors lines of data_quality.csv when {@code accepted} distinct, valid readings were read and nothing else. */
    public static List<String> expectedQualityLines(long accepted) {
        return List.of(
                "urban-sensors,accepted,," + accepted,
                "urban-sensors,rejected,value-present,0",
                "urban-sensors,rejected,sensor-id-present,0",
                "urban-sensors,rejected,ts-positive,0",
                "urban-sensors,rejected,measurements-finite,0",
                "urban-sensors,rejected,vehicle-count-range,0",
                "urban-sensors,rejected,avg-speed-kmh-range,0",
                "urban-sensors,rejected,noise-db-range,0",
                "urban-sensors,rejected,pm25-range,0",
                "urban-sensors,rejected,pm10-range,0",
                "urban-sensors,duplicate,,0",
                "urban-sensors,undecodable,bad-magic-byte,0",
                "urban-sensors,undecodable,truncated,0",
                "urban-sensors,undecodable,unknown-schema-id,0",
                "urban-sensors,undecodable,unusable-schema,0",
                "urban-sensors,undecodable,wrong-record-type,0",
                "urban-sensors,undecodable,corrupt-payload,0");
    }

    /** The urban-sensors lines of a data_quality.csv (other streams may share the file). */
    public static List<String> urbanQualityLines(Path qualityCsv) throws IOException {
        if (!Files.isRegularFile(qualityCsv)) {
            return List.of();
        }
        return Files.readAllLines(qualityCsv).stream().filter(line -> line.startsWith("urban-sensors,")).toList();
    }

    /**
     * Asserts that the aggregated CSV holds exactly the load's buckets, in file order (location, day,
     * hour), with their exact counts and means.
     */
    public void assertAggregatedCsv(Path csv) throws IOException {
        assertAggregatedCsv(csv, this::forEach);
    }

    /** The same for any accepted, distinct readings (each passed once to the action by {@code readings}). */
    public static void assertAggregatedCsv(Path csv, Consumer<Consumer<UrbanSensorReading>> readings) throws IOException {
        Map<Bucket, Sums> expected = new TreeMap<>(Comparator.comparing(Bucket::location)
                .thenComparing(Bucket::day).thenComparingInt(Bucket::hour));
        readings.accept(reading -> {
            ZonedDateTime utc = reading.getTs().atZone(ZoneOffset.UTC);
            Sums sums = expected.computeIfAbsent(new Bucket(displayName(reading.getLocation()), utc.toLocalDate(), utc.getHour()),
                    bucket -> new Sums());
            sums.readings++;
            for (int f = 0; f < FIELDS.size(); f++) {
                sums.sums[f] = sums.sums[f].add(new BigDecimal(FIELDS.get(f).applyAsDouble(reading)));
            }
        });
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(HEADER);
        List<String[]> rows = lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(rows).extracting(row -> new Bucket(row[0], LocalDate.parse(row[1]), Integer.parseInt(row[2])))
                .containsExactlyElementsOf(expected.keySet());
        for (String[] row : rows) {
            Sums sums = expected.get(new Bucket(row[0], LocalDate.parse(row[1]), Integer.parseInt(row[2])));
            assertThat(row).as("fields of %s", String.join(",", row)).hasSize(10);
            assertThat(Long.parseLong(row[3])).as("readings of %s", String.join(",", row)).isEqualTo(sums.readings);
            for (int f = 0; f < FIELDS.size(); f++) {
                double exactMean = sums.sums[f].divide(BigDecimal.valueOf(sums.readings), MathContext.DECIMAL128).doubleValue();
                assertThat(Double.parseDouble(row[4 + f])).as("column %d of %s", 4 + f, String.join(",", row)).isEqualTo(exactMean);
            }
        }
    }

    private static String displayName(UrbanLocation location) {
        return switch (location) {
            case CENTRO -> "Centro";
            case ALTABRISA -> "Altabrisa";
            case CAUCEL -> "Caucel";
            case KANASIN -> "Kanasin";
            case EMILIANO_ZAPATA -> "Emiliano Zapata";
        };
    }

    public static Duration await(int count) {
        return Duration.ofSeconds(60 + count / 2_000);
    }
}
