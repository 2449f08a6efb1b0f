package org.etlsuite.transformer.run.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.etlsuite.transformer.run.ActiveRunConflictException;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunRequest;
import org.etlsuite.transformer.run.RunService;
import org.etlsuite.transformer.run.RunTrigger;
import org.etlsuite.transformer.run.RunsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires each pipeline's cron (UTC). A fire while the pipeline is paused, or while it still has an
 * active run, starts nothing (as Airflow with max_active_runs=1); with several instances every one
 * fires, and the database lets exactly one run through.
 */
public class PipelineScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PipelineScheduler.class);

    private final RunsProperties properties;
    private final ScheduleRepository schedules;
    private final RunService runs;
    private final Clock clock;
    private final List<ScheduledFuture<?>> fires = new ArrayList<>();

    public PipelineScheduler(RunsProperties properties, ScheduleRepository schedules, RunService runs, Clock clock) {
        this.properties = properties;
        this.schedules = schedules;
        this.runs = runs;
        this.clock = clock;
    }

    /** Creates the missing schedule rows (paused as configured) and starts the triggers. */
    public void start(TaskScheduler scheduler) {
        properties.all().forEach((pipeline, settings) -> {
            if (!schedules.existsById(pipeline.id())) {
                try {
                    schedules.saveAndFlush(new PipelineSchedule(pipeline, settings.paused(), clock.instant()));
                } catch (DataIntegrityViolationException e) {
                    // another instance created it at the same moment
                }
            }
            fires.add(scheduler.schedule(() -> fire(pipeline), new CronTrigger(settings.cron(), ZoneOffset.UTC)));
        });
    }

    void fire(Pipeline pipeline) {
        try {
            if (paused(pipeline)) {
                return;
            }
            runs.start(pipeline, RunTrigger.SCHEDULE, new RunRequest(null, null, null, null, null, null, null)
                    .toParameters(properties.defaultEvents(), properties.maxEvents()));
        } catch (ActiveRunConflictException e) {
            log.info("Scheduled run of {} skipped: run {} is still active", pipeline.id(), e.activeRunId());
        } catch (RuntimeException e) {
            log.warn("Scheduled run of {} could not be started: {}", pipeline.id(), e.toString());
        }
    }

    public boolean paused(Pipeline pipeline) {
        return schedules.findById(pipeline.id()).map(PipelineSchedule::isPaused).orElse(properties.settings(pipeline).paused());
    }

    @Transactional
    public boolean setPaused(Pipeline pipeline, boolean paused) {
        PipelineSchedule schedule = schedules.findById(pipeline.id())
                .orElseGet(() -> new PipelineSchedule(pipeline, paused, clock.instant()));
        schedule.setPaused(paused, clock.instant());
        schedules.save(schedule);
        log.info("Schedule of {} {}", pipeline.id(), paused ? "paused" : "resumed");
        return paused;
    }

    /** When the cron fires next (whether or not the pipeline is paused). */
    public Instant nextFireTime(Pipeline pipeline) {
        ZonedDateTime next = CronExpression.parse(properties.settings(pipeline).cron()).next(ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return next == null ? null : next.toInstant();
    }

    @Override
    public void destroy() {
        fires.forEach(fire -> fire.cancel(false));
    }
}
