package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the Parquet rounds on a thread of their own, at a fixed delay: a round that catches up with a
 * backlog (after downtime, or the first round of a new installation) may take a while, and must not
 * hold up the CSV exports on the shared scheduler.
 */
final class ParquetSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParquetSchedule.class);

    private final TopicParquetExport<?> export;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ParquetSchedule(TopicParquetExport<?> export, Duration interval) {
        this.export = export;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parquet-export");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            export.exportNewRecords();
        } catch (WakeupException e) {
            // stopping
        } catch (IOException | RuntimeException e) {
            log.warn("Parquet export failed, retrying next round: {}", e.toString(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        export.wakeup();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
