package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

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
 * Acceptance: a transformer killed abruptly while bursts on all three streams are being processed, and
 * started again, ends with exactly the files an uninterrupted run writes, against a real broker.
 *
 * <p>The bursts carry dirty events, re-sent copies and poison pills (a wrong magic byte, a truncated body,
 * an unknown schema id) on every stream. The transformer runs as a child JVM ({@link TransformerProcess})
 * and is killed with SIGKILL once its consumer group has committed part of every stream: no shutdown
 * hook, no last commit, open transactions left behind, the group member gone without leaving. Each
 * stream's burst pauses halfway until then and goes on as the transformer dies, so its second half arrives
 * while the transformer is down and while the restarted process (same state folder, as a restarted
 * container would have) starts. Every KPI file and data_quality.csv must then equal the independent
 * computation of {@link AllStreamsLoad} (none lost, none twice, no false duplicates, every poison pill
 * counted once), and each dead-letter topic must hold exactly the stream's rejected and undecodable
 * records, committed once.
 *
 * <p>Size: {@code etl.fault.events} events over the three streams together (default 200,000; the
 * documented full-size run is {@code -Detl.fault.events=1000000}).
 */
class CrashRecoveryIntegrationTests {

    private static final String REGISTRY = "mock://crash-recovery";
    private static final String APPLICATION_ID = "crash-recovery-test";
    private static final int EVENTS = Integer.getInteger("etl.fault.events", 200_000);
    private static final int POISON_EVERY = 1_000;
    private static final List<String> STREAMS = List.of(AllStreamsLoad.URBAN, AllStreamsLoad.PRODUCT, AllStreamsLoad.TRANSPORT);

    private static EmbeddedKafkaKraftBroker broker;
    private static final List<Process> processes = new ArrayList<>();

    @TempDir
    static Path workDir;

    @BeforeAll
    static void startBroker() {
        broker = TestBrokers.startedForExactlyOnce(STREAMS.toArray(String[]::new));
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        TransformerProcess.killAll(processes);
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldWriteExactKpiFilesAfterAKillDuringBurstsOnAllThreeStreams() throws Exception {
        TransformerProcess.registerInputSchemas(REGISTRY);
        Path data = workDir.resolve("data");
        int perStream = EVENTS / STREAMS.size();
        CountDownLatch secondHalves = new CountDownLatch(1);
        Process first = launch("first");
        long started = System.nanoTime();
        CompletableFuture<AllStreamsLoad.Sent> sending = CompletableFuture.supplyAsync(() -> AllStreamsLoad.send(broker.getBrokersAsString(),
                REGISTRY, new AllStreamsLoad.Plan(perStream, UnaryOperator.identity(), POISON_EVERY, () -> awaitQuietly(secondHalves))));
        Map<String, Long> committedAtKill;
        long killedAt;
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .failFast("the transformer process ended on its own", () -> !first.isAlive())
                    .until(() -> {
                        Map<String, Long> committed = committedInput();
                        return STREAMS.stream().allMatch(stream -> committed.getOrDefault(stream, 0L) > 0);
                    });
            // the second halves start, and the transformer dies as they arrive
            secondHalves.countDown();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            killedAt = System.nanoTime();
            committedAtKill = committedInput();
        } finally {
            // whatever happened: the sending threads must not wait forever
            secondHalves.countDown();
        }
        long committedTotal = committedAtKill.values().stream().mapToLong(Long::longValue).sum();
        assertThat(committedTotal).as("killed during the first halves, not after them").isLessThan(STREAMS.size() * (perStream / 2L));

        Process second = launch("second");
        long restarted = System.nanoTime();
        AllStreamsLoad.Sent sent = sending.get(5, TimeUnit.MINUTES);
        assertThat(second.isAlive()).as("the restarted transformer process is running").isTrue();
        AllStreamsLoad.awaitAccountedFor(data, sent);
        long accounted = System.nanoTime();
        AllStreamsLoad.assertFiles(data, sent);
        long checked = System.nanoTime();

        for (String stream : STREAMS) {
            assertThat(committedInput().get(stream)).as("committed input of %s", stream).isEqualTo(sent.records(stream));
            assertThat(CommittedRecords.read(broker.getBrokersAsString(), stream + ".DLT")).as("dead letters of %s", stream)
                    .hasSize((int) sent.deadLetters(stream));
        }

        System.out.printf("CrashRecoveryIntegrationTests: %d records (%d events, %d poison pills) on 3 streams; killed after %d ms with %d"
                        + " committed %s; restarted; all accounted for in data_quality.csv %d ms after the restart, KPI files equal after %d ms%n",
                sent.total(), STREAMS.size() * perStream, sent.total() - STREAMS.size() * perStream, (killedAt - started) / 1_000_000,
                committedTotal, committedAtKill, (accounted - restarted) / 1_000_000, (checked - restarted) / 1_000_000);
    }

    /** Holds a sending thread halfway until the second halves may go. */
    private static void awaitQuietly(CountDownLatch secondHalves) {
        try {
            if (!secondHalves.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the second halves were not released within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(String name) throws IOException {
        Process process = TransformerProcess.start(Path.of("target", "crash-recovery-" + name + ".log"), REGISTRY, List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "spring.kafka.properties.schema.registry.url=" + REGISTRY,
                "spring.kafka.streams.application-id=" + APPLICATION_ID,
                // commit.interval.ms stays the service's 1 s: with three streams a commit is a transaction over some forty
                // partitions, and at 100 ms the commits alone made the transformer several times slower
                // the killed member never leaves the group: the restart waits this long for it to be dropped
                "spring.kafka.streams.properties.session.timeout.ms=6000",
                "spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                // small fetches: the consumer takes turns over the nine input partitions instead of draining a few of them
                // first, so that every stream has committed work when the kill comes
                "spring.kafka.streams.properties.main.consumer.max.partition.fetch.bytes=65536",
                "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "etl.export-interval=500ms",
                // the Parquet dataset is not what this test is about; keep its rounds out of the way
                "etl.export.parquet-interval=1h",
                "etl.topic-partitions=3",
                "etl.data-dir=" + workDir.resolve("data"),
                "etl.state-dir=" + workDir.resolve("state")));
        processes.add(process);
        return process;
    }

    /** Input records per topic whose processing the transformer's consumer group has committed. */
    private static Map<String, Long> committedInput() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
            Map<String, Long> committed = new TreeMap<>();
            offsets.forEach((partition, offset) -> {
                if (STREAMS.contains(partition.topic()) && offset != null) {
                    committed.merge(partition.topic(), offset.offset(), Long::sum);
                }
            });
            return committed;
        }
    }
}
