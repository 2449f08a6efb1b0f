package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: two instances give the same files as one. Two transformer contexts in this JVM share one
 * application id (one consumer group, the 3 input partitions split between them) but have their own state
 * and data folders, against a real KRaft broker and a real PostgreSQL. Each instance aggregates only
 * its partitions, yet, since the exported tables are global stores, both write the whole files: byte for
 * byte the same, and exactly the values computed here independently (which is what a single instance
 * writes for the same input, see TransformerIntegrationTests). The Parquet datasets are split into
 * files by each instance's own rounds, so they are compared by content: the same rows in the same
 * partition and offset order.
 */
class ScaleOutIntegrationTests {

    private static final String REGISTRY = "mock://scale-out";
    private static final Pattern PART_FILE = Pattern.compile("part-(\\d+)-(\\d+)-(\\d+)\\.parquet");
    private static final UrbanLoad LOAD = new UrbanLoad(20_000, 20261125L);


    @TempDir
    static Path workDir;

    private static TransformerInstances instances;

    @BeforeAll
    static void startBroker() {
        instances = TransformerInstances.withBroker(REGISTRY, "scale-out-test", workDir, "urban-sensors");
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void shouldWriteTheSameCompleteFilesFromEveryInstanceWhateverPartitionsItOwns() throws IOException {
        ConfigurableApplicationContext first = start("a");
        ConfigurableApplicationContext second = start("b");
        // Both instances own some of the three input partitions before any reading arrives.
        TransformerInstances.awaitSplit("urban-sensors", Duration.ofSeconds(90), first, second);

        LOAD.produce(instances.broker().getBrokersAsString(), REGISTRY);

        Path a = workDir.resolve("a/data");
        Path b = workDir.resolve("b/data");
        await().atMost(UrbanLoad.await(LOAD.count())).pollInterval(Duration.ofMillis(250)).until(() ->
                UrbanLoad.readingsIn(a.resolve(UrbanLoad.CSV)) == LOAD.count() && UrbanLoad.readingsIn(b.resolve(UrbanLoad.CSV)) == LOAD.count()
                        && UrbanLoad.urbanQualityLines(a.resolve(UrbanLoad.QUALITY_CSV)).equals(LOAD.expectedQualityLines())
                        && UrbanLoad.urbanQualityLines(b.resolve(UrbanLoad.QUALITY_CSV)).equals(LOAD.expectedQualityLines()));

        // Each instance read only part of the input partitions, so neither file can come from its own tasks alone.
        Set<Integer> firstPartitions = inputPartitions(first);
        Set<Integer> secondPartitions = inputPartitions(second);
        assertThat(firstPartitions).isNotEmpty().doesNotContainAnyElementsOf(secondPartitions);
        assertThat(secondPartitions).isNotEmpty();
        assertThat(firstPartitions.size() + secondPartitions.size()).isEqualTo(3);
        LOAD.assertAggregatedCsv(a.resolve(UrbanLoad.CSV));
        assertThat(Files.readAllBytes(b.resolve(UrbanLoad.CSV))).isEqualTo(Files.readAllBytes(a.resolve(UrbanLoad.CSV)));
        // data_quality.csv may still show another stream's rows moving; compare once both are settled
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readAllBytes(b.resolve(UrbanLoad.QUALITY_CSV)))
                .isEqualTo(Files.readAllBytes(a.resolve(UrbanLoad.QUALITY_CSV))));

        // The Parquet dataset: every processed reading once, in both data folders, in the same order.
        await().atMost(Duration.ofSeconds(60)).until(() -> parquetRows(a.resolve(UrbanLoad.PARQUET)).size() == LOAD.count()
                && parquetRows(b.resolve(UrbanLoad.PARQUET)).size() == LOAD.count());
        assertThat(parquetRows(a.resolve(UrbanLoad.PARQUET))).containsExactlyInAnyOrderElementsOf(LOAD.identities());
        assertThat(parquetRows(b.resolve(UrbanLoad.PARQUET))).containsExactlyElementsOf(parquetRows(a.resolve(UrbanLoad.PARQUET)));
    }

    private static ConfigurableApplicationContext start(String name) {
        return instances.start(name, "etl.export.parquet-interval=1s");
    }

    /** The urban-sensors partitions this instance's active tasks read. */
    private static Set<Integer> inputPartitions(ConfigurableApplicationContext context) {
        return TransformerInstances.inputPartitions(context, "urban-sensors");
    }

    /** The rows of a Parquet dataset (sensor_id|ts), its files read in partition, then offset order. */
    private static List<String> parquetRows(Path dataset) throws IOException {
        List<String> rows = new ArrayList<>();
        if (!Files.isDirectory(dataset)) {
            return rows;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataset)) {
            files = walk.filter(path -> PART_FILE.matcher(path.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong((Path path) -> partOffsets(path)[0]).thenComparingLong(path -> partOffsets(path)[1]))
                    .toList();
        }
        for (Path file : files) {
            try (ParquetReader<UrbanSensorReadingProcessed> reader = AvroParquetReader.<UrbanSensorReadingProcessed>builder(
                            new LocalInputFile(file), new PlainParquetConfiguration())
                    .withDataModel(SpecificData.getForClass(UrbanSensorReadingProcessed.class))
                    .build()) {
                for (UrbanSensorReadingProcessed row = reader.read(); row != null; row = reader.read()) {
                    rows.add(row.getSensorId() + "|" + row.getTs());
                }
            }
        }
        return rows;
    }

    /** Partition and first offset of a dataset file named part-<partition>-<from>-<to>.parquet. */
    private static long[] partOffsets(Path file) {
        Matcher matcher = PART_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }
}
