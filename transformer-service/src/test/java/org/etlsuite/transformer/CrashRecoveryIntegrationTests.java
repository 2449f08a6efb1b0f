package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: stopping the transformer abruptly halfway through 200k events and starting it again gives
 * exactly the same KPI files as an uninterrupted run, against a real broker.
 *
 * <p>The transformer runs as a child JVM ({@link TransformerProcess}) and is killed with SIGKILL once
 * its consumer group has committed about half of the input: no shutdown hook, no last commit, an open
 * transaction left behind, the group member gone without leaving. The restarted process (same state
 * folder, as a restarted container would have) must end with exactly the files an uninterrupted run
 * writes: every reading counted once (none lost, none twice, no false duplicates), the exact means.
 * Those are computed here independently of the transformer, as for the uninterrupted runs of
 * {@link TransformerIntegrationTests} and {@link ScaleOutIntegrationTests}.
 */
class CrashRecoveryIntegrationTests {

    private static final String REGISTRY = "mock://crash-recovery";
    private static final String APPLICATION_ID = "crash-recovery-test";
    private static final UrbanLoad LOAD = new UrbanLoad(200_000, 7_20_2026L);

    private static EmbeddedKafkaKraftBroker broker;
    private static final List<Process> processes = new ArrayList<>();

    @TempDir
    static Path workDir;

    @BeforeAll
    static void startBroker() {
        broker = TestBrokers.startedForExactlyOnce("urban-sensors");
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        TransformerProcess.killAll(processes);
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldWriteExactlyTheUninterruptedFilesAfterAKillHalfwayAndARestart() throws Exception {
        LOAD.produce(broker.getBrokersAsString(), REGISTRY);
        Path data = workDir.resolve("data");
        Path csv = data.resolve(UrbanLoad.CSV);

        Process first = launch("first");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .failFast("the transformer process ended on its own", () -> !first.isAlive())
                .until(() -> committedInput() >= LOAD.count() / 2);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long committedAtKill = committedInput();
        long exportedAtKill = UrbanLoad.readingsIn(csv);
        assertThat(committedAtKill).as("killed halfway, not after the end").isLessThan(LOAD.count());
        assertThat(exportedAtKill).isLessThan(LOAD.count());

        Process second = launch("second");
        await().atMost(UrbanLoad.await(LOAD.count())).pollInterval(Duration.ofMillis(250))
                .failFast("the restarted transformer process ended on its own", () -> !second.isAlive())
                .until(() -> UrbanLoad.readingsIn(csv) == LOAD.count()
                        && UrbanLoad.urbanQualityLines(data.resolve(UrbanLoad.QUALITY_CSV)).equals(LOAD.expectedQualityLines()));

        LOAD.assertAggregatedCsv(csv);
        assertThat(committedInput()).isEqualTo(LOAD.count());
    }

    private static Process launch(String name) throws IOException {
        Process process = TransformerProcess.start(Path.of("target", "crash-recovery-" + name + ".log"), REGISTRY, List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "spring.kafka.properties.schema.registry.url=" + REGISTRY,
                "spring.kafka.streams.application-id=" + APPLICATION_ID,
                "spring.kafka.streams.properties.commit.interval.ms=100",
                // the killed member never leaves the group: the restart waits this long for it to be dropped
                "spring.kafka.streams.properties.session.timeout.ms=6000",
                "spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "etl.export-interval=250ms",
                // the Parquet dataset is not what this test is about; keep its rounds out of the way
                "etl.export.parquet-interval=1h",
                "etl.topic-partitions=3",
                "etl.data-dir=" + workDir.resolve("data"),
                "etl.state-dir=" + workDir.resolve("state")));
        processes.add(process);
        return process;
    }

    /** Input records whose processing the transformer's consumer group has committed. */
    private static long committedInput() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals("urban-sensors") && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }
}
