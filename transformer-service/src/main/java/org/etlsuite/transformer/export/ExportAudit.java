package org.etlsuite.transformer.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The record of the files written onto the shared volume ({@code csv_export}, one row per write), kept
 * off the export path. {@link #record} only offers the entry to a bounded queue; one background thread
 * saves what is queued in batches and, every {@code pruneEvery}, deletes the rows older than the
 * retention.
 *
 * <p>The files are what readers need and the rows are bookkeeping, so a slow or unreachable PostgreSQL
 * must never hold up a file: when the queue is full, or a batch cannot be saved, its entries are
 * dropped and counted, and one warning per {@code warnEvery} says how many. Every entry is either
 * saved or counted as dropped.
 *
 * <p>For any export that writes files: the KPI CSVs record through it, and so can other exporters.
 */
public class ExportAudit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExportAudit.class);

    /** Entries saved in one transaction at most. */
    static final int BATCH = 100;
    /**
     * Rows deleted by one derived delete at most span this much time: such a delete loads the rows it
     * removes, and the first prune of a table that was never pruned could otherwise load all of it.
     */
    static final Duration PRUNE_SLICE = Duration.ofHours(1);
    /** How long the background thread waits for an entry before it looks at the clock again. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** How long stopping waits for the last entries to be saved. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final CsvExportRepository repository;
    private final Clock clock;
    private final Duration retention;
    private final Duration pruneEvery;
    private final long warnEveryNanos;
    private final int capacity;
    private final BlockingQueue<CsvExportEntry> queue;

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastWarning;
    private volatile String lastCause = "";
    private volatile boolean running;
    private volatile Thread drainer;

    /**
     * @param retention  rows written longer ago than this are deleted
     * @param capacity   entries waiting to be saved at most; further ones are dropped
     * @param pruneEvery pause between two prunes (the first one runs at start)
     * @param warnEvery  at most one warning about dropped entries per this interval
     */
    ExportAudit(CsvExportRepository repository, Clock clock, Duration retention, int capacity, Duration pruneEvery, Duration warnEvery) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.repository = repository;
        this.clock = clock;
        this.retention = retention;
        this.pruneEvery = pruneEvery;
        this.warnEveryNanos = warnEvery.toNanos();
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        // the first drop is reported at once
        this.lastWarning = new AtomicLong(System.nanoTime() - warnEveryNanos);
    }

    /**
     * Records that a file was written; never blocks.
     *
     * @param relativePath path relative to the shared volume
     * @param rows         rows of the file (without header)
     * @param sourceRecords input records the file summarises
     * @param sha256       hex SHA-256 of the file's content
     */
    public void record(String relativePath, int rows, long sourceRecords, String sha256) {
        CsvExportEntry entry = new CsvExportEntry(relativePath, rows, sourceRecords, sha256, clock.instant());
        if (!queue.offer(entry)) {
            dropped(1, "the queue of " + capacity + " entries is full (PostgreSQL slow or unreachable)");
        }
    }

    /** Entries dropped since start, never saved. */
    long dropped() {
        return dropped.get();
    }

    /** Entries waiting to be saved. */
    int queued() {
        return queue.size();
    }

    /**
     * Saves everything queued on the calling thread (tests, and the last round at stop).
     *
     * @return entries saved
     */
    int flush() {
        int saved = 0;
        for (List<CsvExportEntry> batch = new ArrayList<>(BATCH); queue.drainTo(batch, BATCH) > 0; batch = new ArrayList<>(BATCH)) {
            saved += save(batch);
        }
        return saved;
    }

    /**
     * Deletes the rows written before now minus the retention, oldest first.
     *
     * @return rows deleted
     */
    long prune() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        for (Optional<CsvExportEntry> oldest = repository.findFirstByOrderByWrittenAtAsc();
             oldest.isPresent() && oldest.get().getWrittenAt().isBefore(cutoff);
             oldest = repository.findFirstByOrderByWrittenAtAsc()) {
            Instant sliceEnd = oldest.get().getWrittenAt().plus(PRUNE_SLICE);
            // each slice removes at least the oldest row, so the loop ends
            deleted += repository.deleteByWrittenAtBefore(sliceEnd.isBefore(cutoff) ? sliceEnd : cutoff);
        }
        return deleted;
    }

    private int save(List<CsvExportEntry> batch) {
        try {
            repository.saveAll(batch);
            return batch.size();
        } catch (RuntimeException e) {
            dropped(batch.size(), "saving failed: " + e);
            return 0;
        }
    }

    private void dropped(int count, String cause) {
        dropped.addAndGet(count);
        unreported.addAndGet(count);
        lastCause = cause;
        warnIfDue(false);
    }

    /** One warning per interval however many entries are dropped; {@code now} reports what is left regardless. */
    private void warnIfDue(boolean now) {
        long last = lastWarning.get();
        long time = System.nanoTime();
        if (unreported.get() == 0 || !now && time - last < warnEveryNanos || !lastWarning.compareAndSet(last, time)) {
            return;
        }
        long count = unreported.getAndSet(0);
        if (count > 0) {
            log.warn("Dropped {} export record(s) since the last warning, {} since start; the files themselves were written. Last cause: {}",
                    count, dropped.get(), lastCause);
        }
    }

    private void drain() {
        long nextPrune = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextPrune >= 0) {
                    pruneLogged();
                    nextPrune = System.nanoTime() + pruneEvery.toNanos();
                }
                CsvExportEntry first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<CsvExportEntry> batch = new ArrayList<>(BATCH);
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    save(batch);
                }
                warnIfDue(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        flush();
        warnIfDue(true);
    }

    private void pruneLogged() {
        try {
            long deleted = prune();
            if (deleted > 0) {
                log.info("Deleted {} export record(s) older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning export records older than {} failed, retrying in {}: {}", retention, pruneEvery, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::drain, "export-audit");
        thread.setDaemon(true);
        drainer = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread thread = drainer;
        drainer = null;
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // stuck in a call to PostgreSQL: leave it, the entries still queued are lost with the process
            thread.interrupt();
            log.warn("Stopped without saving {} queued export record(s): PostgreSQL did not answer within {}", queue.size(), STOP_WAIT);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the default phase, where the export schedule runs. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
