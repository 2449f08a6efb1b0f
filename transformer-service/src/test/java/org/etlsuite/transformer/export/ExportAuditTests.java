package org.etlsuite.transformer.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.csv.CsvDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The export record is kept off the export path: PostgreSQL down or stuck never holds up a file. */
class ExportAuditTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dataDir;

    private final CsvExportRepository repository = mock(CsvExportRepository.class);
    private ExportAudit audit;

    @AfterEach
    void stopAudit() {
        if (audit != null) {
            audit.stop();
        }
    }

    private ExportAudit audit(int capacity, Duration warnEvery) {
        audit = new ExportAudit(repository, Clock.fixed(NOW, ZoneOffset.UTC), RETENTION, capacity, Duration.ofHours(1), warnEvery);
        return audit;
    }

    /** A file whose table changes before every export, so that every export writes it. */
    private final class Changing {

        private final AtomicLong version = new AtomicLong();
        private final CsvExporter exporter;
        private final CsvExportSource source = CsvExporterTests.source("processed/zones.csv",
                () -> Optional.of(document(version.get())));

        Changing(ExportAudit audit) {
            EtlProperties properties = new EtlProperties(dataDir, Duration.ofSeconds(2), dataDir.resolve("state"), 3, Duration.ofHours(1));
            exporter = new CsvExporter(List.of(source), properties, new AtomicFileWriter(), audit);
        }

        /** Changes the table, exports, and answers whether the file now holds the change. */
        boolean changeAndExport() throws Exception {
            long next = version.incrementAndGet();
            exporter.exportAll();
            return Files.readString(dataDir.resolve("processed/zones.csv")).equals("zone,readings\nCentro," + next + "\n");
        }

        private static CsvDocument document(long readings) {
            return new CsvDocument(List.of("zone", "readings"), List.of(List.of("Centro", Long.toString(readings))), readings);
        }
    }

    @Test
    void recordsEachWriteStampedWithTheTimeItWasReported() {
        ExportAudit audit = audit(10, Duration.ofMinutes(1));

        audit.record("processed/zones.csv", 2, 7, "ab12");

        assertThat(audit.flush()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<CsvExportEntry>> saved = ArgumentCaptor.forClass(Collection.class);
        verify(repository).saveAll(saved.capture());
        assertThat(saved.getValue()).singleElement().satisfies(entry -> {
            assertThat(entry.getFile()).isEqualTo("processed/zones.csv");
            assertThat(entry.getRowCount()).isEqualTo(2);
            assertThat(entry.getSourceRecords()).isEqualTo(7);
            assertThat(entry.getSha256()).isEqualTo("ab12");
            assertThat(entry.getWrittenAt()).isEqualTo(NOW);
        });
    }

    @Test
    void filesKeepUpdatingWhileTheAuditDatabaseIsDown() throws Exception {
        when(repository.saveAll(anyCollection())).thenThrow(new DataAccessResourceFailureException("Connection to localhost:5432 refused"));
        ExportAudit audit = audit(10, Duration.ofMinutes(1));
        audit.start();
        Changing file = new Changing(audit);

        for (int i = 0; i < 30; i++) {
            assertThat(file.changeAndExport()).as("export %d", i).isTrue();
        }

        // every record was offered, none could be saved: all counted as dropped, none left behind
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.dropped() == 30);
        assertThat(audit.queued()).isZero();
        assertThat(audit.isRunning()).isTrue();
    }

    @Test
    void exportsNeverWaitForABlockedAuditDatabaseAndTheQueueStaysBounded() throws Exception {
        CountDownLatch database = new CountDownLatch(1);
        AtomicInteger saved = new AtomicInteger();
        when(repository.saveAll(anyCollection())).thenAnswer(invocation -> {
            database.await();
            Collection<?> batch = invocation.getArgument(0);
            saved.addAndGet(batch.size());
            return List.copyOf(batch);
        });
        int capacity = 5;
        ExportAudit audit = audit(capacity, Duration.ofMinutes(1));
        audit.start();
        Changing file = new Changing(audit);

        // 100 writes while the only thread that talks to PostgreSQL hangs in it
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 100; i++) {
                assertThat(file.changeAndExport()).as("export %d", i).isTrue();
                assertThat(audit.queued()).isLessThanOrEqualTo(capacity);
            }
        });
        // at most the queue and the batch stuck in the database are kept; the rest was dropped
        assertThat(audit.dropped()).isGreaterThanOrEqualTo(100 - capacity - ExportAudit.BATCH).isLessThan(100);

        database.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.queued() == 0 && saved.get() + audit.dropped() == 100);
        assertThat(saved.get()).isGreaterThanOrEqualTo(capacity);
    }

    @Test
    void dropsAreCountedInOneWarningPerIntervalNotOnePerEntry() {
        Logger logger = (Logger) LoggerFactory.getLogger(ExportAudit.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            // not started yet: nothing drains, so two entries fill the queue
            ExportAudit audit = audit(2, Duration.ofHours(1));
            for (int i = 0; i < 50; i++) {
                audit.record("processed/zones.csv", 1, 1, "sha-" + i);
            }
            assertThat(audit.dropped()).isEqualTo(48);
            // the first drop is reported at once, the next ones wait for the interval ...
            assertThat(warnings.list).hasSize(1);
            // ... or for the stop, which reports what is left
            audit.start();
            audit.stop();

            assertThat(warnings.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                    first -> assertThat(first).startsWith("Dropped 1 export record(s) since the last warning, 1 since start;")
                            .contains("the queue of 2 entries is full"),
                    last -> assertThat(last).startsWith("Dropped 47 export record(s) since the last warning, 48 since start;"));
            verify(repository).saveAll(anyCollection());
        } finally {
            logger.detachAppender(warnings);
        }
    }

    @Test
    void stopSavesWhatIsStillQueued() {
        List<CsvExportEntry> saved = new CopyOnWriteArrayList<>();
        when(repository.saveAll(anyCollection())).thenAnswer(invocation -> {
            Collection<CsvExportEntry> batch = invocation.getArgument(0);
            saved.addAll(batch);
            return List.copyOf(batch);
        });
        ExportAudit audit = audit(500, Duration.ofMinutes(1));
        audit.start();
        for (int i = 0; i < 250; i++) {
            audit.record("processed/zones.csv", i, i, "sha-" + i);
        }

        audit.stop();

        assertThat(audit.isRunning()).isFalse();
        assertThat(saved).hasSize(250);
        assertThat(audit.dropped()).isZero();
    }
}
