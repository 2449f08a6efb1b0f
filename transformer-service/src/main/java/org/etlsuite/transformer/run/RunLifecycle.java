package org.etlsuite.transformer.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.etlsuite.transformer.csv.AbandonedTempFiles;

import org.etlsuite.transformer.run.schedule.PipelineScheduler;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Starts the schedules and the search for interrupted runs once the application runs, and stops them
 * first on shutdown. Their timer threads are private to the runs (not a TaskScheduler bean, which
 * would change the scheduler of the rest of the application).
 */
class RunLifecycle implements SmartLifecycle {

    private final PipelineScheduler scheduler;
    private final RunRecovery recovery;
    private final Duration recoveryInterval;
    private final Path dataDir;
    private ThreadPoolTaskScheduler timers;

    RunLifecycle(PipelineScheduler scheduler, RunRecovery recovery, Duration recoveryInterval, Path dataDir) {
        this.scheduler = scheduler;
        this.recovery = recovery;
        this.recoveryInterval = recoveryInterval;
        this.dataDir = dataDir;
    }

    @Override
    public synchronized void start() {
        // an hour: far longer than any file write, so a write in progress on another instance is never touched
        Pipeline.all().stream().flatMap(pipeline -> pipeline.folders().stream()).distinct()
                .forEach(folder -> AbandonedTempFiles.sweep(dataDir.resolve(folder), Duration.ofHours(1), Instant.now()));
        timers = new ThreadPoolTaskScheduler();
        timers.setPoolSize(2);
        timers.setThreadNamePrefix("pipeline-schedule-");
        timers.setDaemon(true);
        timers.initialize();
        scheduler.start(timers);
        timers.scheduleWithFixedDelay(recovery::recoverStaleRuns, recoveryInterval);
    }

    @Override
    public synchronized void stop() {
        if (timers != null) {
            scheduler.destroy();
            timers.shutdown();
            timers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timers != null;
    }

    /** After the web server and Kafka Streams: a run starts only when everything it needs is up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
