package org.etlsuite.dashboard.runs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.etlsuite.dashboard.runs.RunDetailPage.AttemptRow;
import org.etlsuite.dashboard.runs.RunDetailPage.Field;
import org.etlsuite.dashboard.runs.RunDetailPage.RunDetail;
import org.etlsuite.dashboard.runs.RunDetailPage.TaskDetail;
import org.etlsuite.dashboard.runs.RunsPage.Badge;

/** Turns the transformer's answer for one run into the run's page. */
final class RunDetailMapper {

    private RunDetailMapper() {
    }

    /** @param now the end of the durations of a run or attempt still going */
    static RunDetailPage page(String transformerUrl, TransformerApi.Run run, Instant now) {
        return new RunDetailPage(run.id(), transformerUrl, null, detail(run, now));
    }

    /** The page of a run that could not be loaded, saying why. */
    static RunDetailPage unreachable(long id, String transformerUrl, String problem) {
        return new RunDetailPage(id, transformerUrl, problem, null);
    }

    static RunDetail detail(TransformerApi.Run run, Instant now) {
        TransformerApi.Counts counts = run.counts() == null ? new TransformerApi.Counts(null, null, null, null) : run.counts();
        TransformerApi.Files files = run.files() == null ? new TransformerApi.Files(null, null) : run.files();
        return new RunDetail(run.id(), run.pipeline(), run.trigger() == null ? RunsFormat.NONE : run.trigger().toLowerCase(Locale.ROOT),
                Badge.of(run.state()), run.active(), run.cancelRequested(), RunsFormat.time(run.queuedAt()),
                RunsFormat.time(run.startedAt()), RunsFormat.time(run.endedAt()),
                RunsFormat.runDuration(run.startedAt(), run.endedAt(), now), parameters(run.parameters()),
                RunsFormat.count(counts.generated()), RunsFormat.count(counts.processed()),
                RunsFormat.count(counts.rejected()), RunsFormat.count(counts.duplicates()),
                RunsPageMapper.blankToNull(files.raw()), RunsPageMapper.blankToNull(files.processed()),
                RunsPageMapper.blankToNull(run.error()), run.tasks().stream().map(task -> task(task, now)).toList());
    }

    /** What the run was asked to do; a run that generates nothing has no burst to describe. */
    static List<Field> parameters(TransformerApi.Parameters parameters) {
        if (parameters == null) {
            return List.of();
        }
        if (Boolean.FALSE.equals(parameters.generate())) {
            return List.of(new Field("Source", "the events that arrived since the pipeline's previous such run"));
        }
        return List.of(new Field("Source", "a new burst from the producer"),
                new Field("Events", RunsFormat.count(parameters.events())),
                new Field("Rate", parameters.ratePerSecond() == null ? "as fast as possible"
                        : RunsFormat.decimal(parameters.ratePerSecond()) + " per second"),
                new Field("Duration", parameters.durationSeconds() == null ? RunsFormat.NONE
                        : RunsFormat.decimal(parameters.durationSeconds()) + " s"),
                new Field("Seed", parameters.seed() == null ? RunsFormat.NONE : parameters.seed().toString()),
                new Field("Dirty fraction", RunsFormat.decimal(parameters.dirtyFraction())));
    }

    static TaskDetail task(TransformerApi.Task task, Instant now) {
        return new TaskDetail(task.name(), Badge.of(task.state()), RunsFormat.attempts(task.attempts()),
                RunsFormat.time(task.startedAt()), RunsFormat.time(task.endedAt()), RunsPageMapper.blankToNull(task.error()),
                task.tries().stream().map(attempt -> new AttemptRow(attempt.attempt(), Badge.of(attempt.state()),
                        RunsFormat.time(attempt.startedAt()), RunsFormat.time(attempt.endedAt()),
                        RunsFormat.runDuration(attempt.startedAt(), attempt.endedAt(), now),
                        RunsPageMapper.blankToNull(attempt.error()))).toList());
    }
}
