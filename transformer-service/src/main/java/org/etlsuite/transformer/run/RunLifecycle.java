package org.etlsuite.transformer.run;

import java.time.Duration;

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
    private ThreadPoolTaskScheduler timers;

    RunLifecycle(PipelineScheduler scheduler, RunRecovery recovery, Duration recoveryInterval) {
        this.scheduler = scheduler;
        this.recovery = recovery;
        this.recoveryInterval = recoveryInterval;
    }

    @Override
    public synchronized void start() {
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
