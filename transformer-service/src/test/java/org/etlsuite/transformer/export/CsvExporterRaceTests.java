package org.etlsuite.transformer.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The export schedule and the runs' exports write the same files at the same time, from different
 * threads, while the tables change under them.
 */
class CsvExporterRaceTests {

    private static final int FILES = 4;
    private static final int ROUNDS = 15;
    private static final int RUN_THREADS = 5;
    private static final int EXPORTS_PER_RUN_THREAD = 4;

    @TempDir
    Path dataDir;

    private final ExecutorService runs = Executors.newFixedThreadPool(RUN_THREADS + 1);

    @AfterEach
    void stopThreads() {
        runs.shutdownNow();
    }

    /**
     * A table that keeps changing: a snapshot shows the version current when it is read, and then takes a
     * moment to build (as iterating a store does), so writers overlap. Remembers the latest version it showed.
     */
    private static final class ChangingTable implements CsvExportSource {

        private final String path;
        private final AtomicLong version = new AtomicLong();
        private final AtomicLong latestShown = new AtomicLong(-1);

        ChangingTable(String path) {
            this.path = path;
        }

        @Override
        public String relativePath() {
            return path;
        }

        @Override
        public Optional<CsvDocument> snapshot() {
            long shown = version.get();
            latestShown.accumulateAndGet(shown, Math::max);
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000));
            return Optional.of(document(shown));
        }

        void change() {
            version.incrementAndGet();
        }

        void settle(long value) {
            version.set(value);
        }

        CsvDocument document(long value) {
            return new CsvDocument(List.of("table", "version"), List.of(List.of(path, Long.toString(value))), value);
        }

        String latestSnapshot() {
            return CsvFormat.render(document(latestShown.get()));
        }
    }

    @Test
    void lastWriteCarriesTheLatestSnapshotWhenWritersRace() throws Exception {
        List<ChangingTable> tables = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            tables.add(new ChangingTable("processed/table_" + i + ".csv"));
        }
        EtlProperties properties = new EtlProperties(dataDir, Duration.ofMillis(1), dataDir.resolve("state"), 3, Duration.ofHours(1));
        CsvExporter exporter = new CsvExporter(List.copyOf(tables), properties, new AtomicFileWriter(), mock(ExportAudit.class));

        for (int round = 1; round <= ROUNDS; round++) {
            race(exporter, tables);
            for (ChangingTable table : tables) {
                assertThat(Files.readString(dataDir.resolve(table.path)))
                        .as("round %d, %s: the file must hold the last snapshot taken", round, table.path)
                        .isEqualTo(table.latestSnapshot());
            }
        }

        // the tables settle: the settled content is written, and so is a change after it (the writer's
        // digest of each file matches what is on disk, otherwise an equal digest would skip the write)
        for (ChangingTable table : tables) {
            table.settle(1_000_000);
        }
        exporter.exportAll();
        assertFilesHold(tables, 1_000_000);
        for (ChangingTable table : tables) {
            table.settle(1_000_001);
        }
        exporter.exportAll();
        assertFilesHold(tables, 1_000_001);
    }

    /** One round: the schedule at its fixed delay plus several runs exporting, while every table keeps changing. */
    private void race(CsvExporter exporter, List<ChangingTable> tables) throws Exception {
        AtomicBoolean changing = new AtomicBoolean(true);
        Future<?> changes = runs.submit(() -> {
            while (changing.get()) {
                tables.forEach(ChangingTable::change);
                LockSupport.parkNanos(50_000);
            }
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runExports = new ArrayList<>();
        for (int i = 0; i < RUN_THREADS; i++) {
            runExports.add(runs.submit(() -> {
                go.await();
                for (int n = 0; n < EXPORTS_PER_RUN_THREAD; n++) {
                    exporter.exportAll();
                }
                return null;
            }));
        }
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        schedule.scheduleWithFixedDelay(exporter::exportAll, 0, 1, TimeUnit.MILLISECONDS);
        go.countDown();
        for (Future<?> export : runExports) {
            export.get(60, TimeUnit.SECONDS);
        }
        // lets the schedule's current round finish, then stops it
        schedule.shutdown();
        assertThat(schedule.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        changing.set(false);
        changes.get(10, TimeUnit.SECONDS);
    }

    private void assertFilesHold(List<ChangingTable> tables, long version) throws IOException {
        for (ChangingTable table : tables) {
            assertThat(Files.readString(dataDir.resolve(table.path))).as(table.path)
                    .isEqualTo(CsvFormat.render(table.document(version)));
        }
    }
}
