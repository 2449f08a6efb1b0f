package org.etlsuite.dashboard.runs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.page.PageFormat;
import org.etlsuite.dashboard.runs.RunsPage.Badge;
import org.etlsuite.dashboard.runs.RunsPage.PipelineSection;
import org.etlsuite.dashboard.runs.RunsPage.RunRow;
import org.etlsuite.dashboard.runs.RunsPage.TaskCell;

/** Turns the transformer's answers into the runs page. */
final class RunsPageMapper {

    static final int MAX_ERROR_LENGTH = 140;

    /** The README's example; used while the transformer has not listed its pipelines. */
    static final String DEFAULT_EXAMPLE_PIPELINE = "urban-sensors";

    private static final Badge UNKNOWN_TASK = new Badge(RunsFormat.NONE, "badge-none");

    private RunsPageMapper() {
    }

    /**
     * @param runs    the latest runs by pipeline id; a pipeline without an entry is shown as not loaded
     * @param problem why not everything could be loaded, or null
     * @param now     the end of the durations of runs still going
     */
    static RunsPage page(String transformerUrl, List<TransformerApi.Pipeline> pipelines,
                         Map<String, TransformerApi.RunPage> runs, String problem, Instant now) {
        List<PipelineSection> sections = pipelines.stream()
                .map(pipeline -> section(pipeline, Optional.ofNullable(runs.get(pipeline.id())), now))
                .toList();
        String example = pipelines.isEmpty() ? DEFAULT_EXAMPLE_PIPELINE : pipelines.getFirst().id();
        return new RunsPage(transformerUrl, problem, sections, example);
    }

    static PipelineSection section(TransformerApi.Pipeline pipeline, Optional<TransformerApi.RunPage> runs, Instant now) {
        String zone = pipeline.timeZone() == null ? "UTC" : pipeline.timeZone();
        return new PipelineSection(pipeline.id(), pipeline.dagId(), pipeline.topic(),
                pipeline.schedule() + " (" + zone + ")",
                pipeline.nextFireTime() == null ? RunsFormat.NONE : PageFormat.timestamp(pipeline.nextFireTime()),
                pipeline.paused(), pipeline.paused() ? new Badge("paused", "badge-paused") : new Badge("active", "badge-active"),
                pipeline.activeRunId(),
                pipeline.tasks(), runs.isPresent(), runs.map(RunsPageMapper::shown).orElse(""),
                runs.map(page -> page.content().stream().map(run -> row(run, pipeline.tasks(), now)).toList()).orElse(List.of()));
    }

    static RunRow row(TransformerApi.Run run, List<String> taskNames, Instant now) {
        TransformerApi.Counts counts = run.counts() == null ? new TransformerApi.Counts(null, null, null, null) : run.counts();
        TransformerApi.Files files = run.files() == null ? new TransformerApi.Files(null, null) : run.files();
        // one cell per task of the pipeline, in its order, even if a run lacks one
        List<TaskCell> tasks = taskNames.stream()
                .map(name -> run.tasks().stream().filter(task -> name.equals(task.name())).findFirst()
                        .map(task -> new TaskCell(name, Badge.of(task.state()), RunsFormat.attempts(task.attempts()), blankToNull(task.error())))
                        .orElse(new TaskCell(name, UNKNOWN_TASK, "", null)))
                .toList();
        return new RunRow(run.id(), run.trigger() == null ? RunsFormat.NONE : run.trigger().toLowerCase(Locale.ROOT),
                Badge.of(run.state()), RunsFormat.time(run.startedAt()),
                RunsFormat.runDuration(run.startedAt(), run.endedAt(), now),
                RunsFormat.count(counts.generated()), RunsFormat.count(counts.processed()),
                RunsFormat.count(counts.rejected()), RunsFormat.count(counts.duplicates()), tasks,
                blankToNull(files.raw()), blankToNull(files.processed()),
                RunsFormat.shorten(run.error(), MAX_ERROR_LENGTH), blankToNull(run.error()));
    }

    /** How many runs the table shows, for its heading "Runs (…)": "none yet", "2", "latest 10 of 1,204". */
    static String shown(TransformerApi.RunPage page) {
        int shown = page.content().size();
        long total = Math.max(page.totalElements(), shown);
        if (total == 0) {
            return "none yet";
        }
        return shown == total ? RunsFormat.count(total) : "latest " + shown + " of " + RunsFormat.count(total);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
