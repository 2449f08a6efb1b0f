package org.etlsuite.transformer.run.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.etlsuite.transformer.run.AttemptState;
import org.etlsuite.transformer.run.RunParameters;
import org.etlsuite.transformer.run.RunState;
import org.etlsuite.transformer.run.RunTrigger;
import org.etlsuite.transformer.run.TaskState;
import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunTask;
import org.springframework.data.domain.Page;

/** The JSON bodies of the run API. */
final class RunViews {

    private RunViews() {
    }

    record PipelineView(String id, String dagId, String topic, List<String> tasks, String schedule, String timeZone,
                        Instant nextFireTime, boolean paused, int retries, Duration retryBackoff, double backoffMultiplier,
                        Long activeRunId) {
    }

    record Counts(Long generated, Long processed, Long rejected, Long duplicates) {
    }

    record Files(String raw, String processed) {
    }

    record AttemptView(int attempt, AttemptState state, Instant startedAt, Instant endedAt, String error) {
    }

    record TaskView(String name, TaskState state, int attempts, Instant startedAt, Instant endedAt, String error,
                    List<AttemptView> tries) {
    }

    record RunView(long id, String pipeline, RunTrigger trigger, RunState state, RunParameters parameters, Instant queuedAt,
                   Instant startedAt, Instant endedAt, boolean cancelRequested, String burstId, Counts counts, Files files,
                   String error, List<TaskView> tasks) {
    }

    record RunPage(List<RunView> content, int page, int size, long totalElements, int totalPages) {
    }

    static RunView of(PipelineRun run) {
        return new RunView(run.getId(), run.getPipeline().id(), run.getTrigger(), run.getState(), run.getParameters(),
                run.getQueuedAt(), run.getStartedAt(), run.getEndedAt(), run.isCancelRequested(), run.getBurstId(),
                new Counts(run.getGenerated(), run.getProcessed(), run.getRejected(), run.getDuplicates()),
                new Files(run.getRawFile(), run.getProcessedFile()), run.getError(),
                run.getTasks().stream().map(RunViews::of).toList());
    }

    static TaskView of(RunTask task) {
        return new TaskView(task.getName().label(), task.getState(), task.getAttempts(), task.getStartedAt(), task.getEndedAt(),
                task.getError(), task.getAttemptList().stream()
                .map(attempt -> new AttemptView(attempt.getAttempt(), attempt.getState(), attempt.getStartedAt(),
                        attempt.getEndedAt(), attempt.getError()))
                .toList());
    }

    static RunPage of(Page<PipelineRun> page) {
        return new RunPage(page.getContent().stream().map(RunViews::of).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
