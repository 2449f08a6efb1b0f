package org.etlsuite.dashboard.runs;

import java.util.List;

/**
 * Everything the runs template shows, already formatted.
 *
 * @param transformerUrl  where the runs come from
 * @param problem         why (some of) the runs could not be loaded, naming the URL asked; null when all were
 * @param pipelines       the pipelines the transformer listed, in its order
 * @param examplePipeline the pipeline the "start a run" hint uses
 */
record RunsPage(String transformerUrl, String problem, List<PipelineSection> pipelines, String examplePipeline) {

    RunsPage {
        pipelines = List.copyOf(pipelines);
    }

    public boolean unreachable() {
        return problem != null;
    }

    /** The problem as the error banner's detail lines. */
    public List<String> problems() {
        return problem == null ? List.of() : List.of(problem);
    }

    /**
     * One pipeline and its latest runs.
     *
     * @param schedule   the cron expression and its time zone, e.g. "0 0 * * * * (UTC)"
     * @param nextFire   when the schedule fires next, e.g. "2026-11-26 02:00:00 UTC"
     * @param activeRunId the run queued or running now, or null
     * @param tasks      the task names, in run order: the columns of the runs table
     * @param runsLoaded false when the transformer failed before answering for this pipeline
     * @param runsShown  how many runs the table shows, e.g. "latest 10 of 1,204"
     */
    record PipelineSection(String id, String dagId, String topic, String schedule, String nextFire, boolean paused,
                           Badge scheduleState, Long activeRunId, List<String> tasks, boolean runsLoaded, String runsShown, List<RunRow> runs) {

        PipelineSection {
            tasks = List.copyOf(tasks);
            runs = List.copyOf(runs);
        }
    }

    /**
     * One run: a line of the table, and a second line for its files and error when it has any.
     *
     * @param error     the first line of the error, shortened; the full text is {@code fullError}
     */
    record RunRow(long id, String trigger, Badge state, String started, String duration, String generated,
                  String processed, String rejected, String duplicates, List<TaskCell> tasks, String rawFile,
                  String processedFile, String error, String fullError) {

        RunRow {
            tasks = List.copyOf(tasks);
        }

        public boolean hasDetail() {
            return rawFile != null || processedFile != null || !error.isEmpty();
        }
    }

    /** @param error the task's last error in full, or null */
    record TaskCell(String name, Badge state, String attempts, String error) {
    }

    /** A state shown as a coloured label; the CSS class picks the colour. */
    record Badge(String label, String cssClass) {

        static Badge of(String state) {
            return new Badge(RunsFormat.label(state), RunsFormat.badgeClass(state));
        }
    }
}
