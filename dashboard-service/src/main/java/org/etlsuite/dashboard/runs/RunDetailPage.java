package org.etlsuite.dashboard.runs;

import java.util.List;

import org.etlsuite.dashboard.runs.RunsPage.Badge;

/**
 * Everything the page of one run shows, already formatted.
 *
 * @param id             the run asked for
 * @param transformerUrl where the run comes from
 * @param problem        why the run could not be loaded, naming the URL asked; null when it was
 * @param run            the run; null when it could not be loaded
 */
record RunDetailPage(long id, String transformerUrl, String problem, RunDetail run) {

    public boolean unreachable() {
        return problem != null;
    }

    /** The problem as the error banner's detail lines. */
    public List<String> problems() {
        return problem == null ? List.of() : List.of(problem);
    }

    /** Whether the run may still change, so that the page is worth reloading. */
    public boolean active() {
        return run != null && run.active();
    }

    /**
     * @param active          queued or running
     * @param cancelRequested a cancel was asked for while it ran: it stops at its next check
     * @param parameters      what the run was asked to do, in the order the transformer lists them
     * @param rawFile         the raw archive's path as the transformer gives it (below its data directory), or null
     * @param processedFile   the processed file's path as the transformer gives it, or null
     * @param error           the run's error in full, or null
     */
    record RunDetail(long id, String pipeline, String trigger, Badge state, boolean active, boolean cancelRequested,
                     String queued, String started, String ended, String duration, List<Field> parameters,
                     String generated, String processed, String rejected, String duplicates, String rawFile,
                     String processedFile, String error, List<TaskDetail> tasks) {

        RunDetail {
            parameters = List.copyOf(parameters);
            tasks = List.copyOf(tasks);
        }
    }

    /** A labelled value, e.g. "Events" and "5,000". */
    record Field(String label, String value) {
    }

    /**
     * One task and every attempt it made.
     *
     * @param attempts e.g. "3 attempts"; empty before the first
     * @param error    the task's last error in full, or null
     */
    record TaskDetail(String name, Badge state, String attempts, String started, String ended, String error,
                      List<AttemptRow> tries) {

        TaskDetail {
            tries = List.copyOf(tries);
        }
    }

    /** @param error the attempt's error in full, or null */
    record AttemptRow(int attempt, Badge state, String started, String ended, String duration, String error) {
    }
}
