package org.etlsuite.dashboard.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.runs.RunsPage.Badge;
import org.etlsuite.dashboard.runs.RunsPage.PipelineSection;
import org.etlsuite.dashboard.runs.RunsPage.RunRow;
import org.etlsuite.dashboard.runs.RunsPage.TaskCell;
import org.junit.jupiter.api.Test;

class RunsPageMapperTests {

    private static final List<String> TASKS = List.of("extract", "await", "load-raw", "transform");
    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

    private static TransformerApi.Pipeline pipeline(String id, boolean paused, Long activeRunId) {
        return new TransformerApi.Pipeline(id, "VMI_" + id, id, TASKS, "0 0 * * * *", "UTC",
                Instant.parse("2026-11-26T04:00:00Z"), paused, 2, Duration.ofMinutes(2), 2.0, activeRunId);
    }

    private static TransformerApi.Task task(String name, String state, int attempts, String error) {
        return new TransformerApi.Task(name, state, attempts, null, null, error, List.of());
    }

    private static TransformerApi.RunPage page(long total, TransformerApi.Run... runs) {
        return new TransformerApi.RunPage(List.of(runs), 0, 10, total, 1);
    }

    @Test
    void shouldFormatAFinishedRunWithCountsFilesAndEveryTask() {
        TransformerApi.Run run = new TransformerApi.Run(17, "urban-sensors", "API", "SUCCESS", null, Instant.parse("2026-11-26T01:04:59Z"),
                Instant.parse("2026-11-26T01:05:00Z"), Instant.parse("2026-11-26T01:08:07Z"), false,
                new TransformerApi.Counts(12_000L, 11_404L, 596L, 0L),
                new TransformerApi.Files("raw/urban_sensors_raw_20261126_0105.csv", "processed/urban_sensors_processed_20261126_0105_17.csv"),
                null, List.of(task("extract", "SUCCESS", 1, null), task("await", "SUCCESS", 2, "not yet processed"),
                task("load-raw", "SUCCESS", 1, null), task("transform", "SUCCESS", 1, "")));

        RunRow row = RunsPageMapper.row(run, TASKS, NOW);

        assertThat(row).isEqualTo(new RunRow(17, "api", new Badge("success", "badge-success"), "2026-11-26 01:05:00",
                "3 min 07 s", "12,000", "11,404", "596", "0",
                List.of(new TaskCell("extract", new Badge("success", "badge-success"), "1 attempt", null),
                        new TaskCell("await", new Badge("success", "badge-success"), "2 attempts", "not yet processed"),
                        new TaskCell("load-raw", new Badge("success", "badge-success"), "1 attempt", null),
                        new TaskCell("transform", new Badge("success", "badge-success"), "1 attempt", null)),
                "raw/urban_sensors_raw_20261126_0105.csv", "processed/urban_sensors_processed_20261126_0105_17.csv", "", null));
        assertThat(row.hasDetail()).isTrue();
    }

    @Test
    void shouldShowARunningRunWithItsDurationSoFarAndMissingValuesAsDashes() {
        TransformerApi.Run run = new TransformerApi.Run(18, "urban-sensors", "SCHEDULE", "RUNNING", null, Instant.parse("2026-11-26T02:59:00Z"),
                Instant.parse("2026-11-26T02:59:30Z"), null, false, null, null, null,
                List.of(task("extract", "SUCCESS", 1, null), task("await", "UP_FOR_RETRY", 1, "timed out")));

        RunRow row = RunsPageMapper.row(run, TASKS, NOW);

        assertThat(row.state()).isEqualTo(new Badge("running", "badge-running"));
        assertThat(row.trigger()).isEqualTo("schedule");
        assertThat(row.duration()).isEqualTo("30.0 s so far");
        assertThat(List.of(row.generated(), row.processed(), row.rejected(), row.duplicates())).containsOnly("–");
        // tasks the run does not report still get their column, so the table stays aligned
        assertThat(row.tasks()).containsExactly(
                new TaskCell("extract", new Badge("success", "badge-success"), "1 attempt", null),
                new TaskCell("await", new Badge("up for retry", "badge-up-for-retry"), "1 attempt", "timed out"),
                new TaskCell("load-raw", new Badge("–", "badge-none"), "", null),
                new TaskCell("transform", new Badge("–", "badge-none"), "", null));
        assertThat(row.rawFile()).isNull();
        assertThat(row.hasDetail()).isFalse();
    }

    @Test
    void shouldShortenTheErrorOfAFailedRunAndKeepItInFull() {
        String error = "await: Kafka Streams did not process the range within PT10M\nlast committed offsets: 0=120";
        TransformerApi.Run run = new TransformerApi.Run(19, "urban-sensors", "MANUAL", "FAILED", null, null, null, null, false, null,
                null, error, List.of());

        RunRow row = RunsPageMapper.row(run, TASKS, NOW);

        assertThat(row.error()).isEqualTo("await: Kafka Streams did not process the range within PT10M…");
        assertThat(row.fullError()).isEqualTo(error);
        assertThat(row.started()).isEqualTo("–");
        assertThat(row.duration()).isEqualTo("–");
        assertThat(row.hasDetail()).isTrue();
    }

    @Test
    void shouldDescribeAPipelineWithItsScheduleStateAndActiveRun() {
        PipelineSection paused = RunsPageMapper.section(pipeline("urban-sensors", true, null), Optional.of(page(0)), NOW);
        PipelineSection active = RunsPageMapper.section(pipeline("transportation", false, 21L), Optional.empty(), NOW);

        assertThat(paused).isEqualTo(new PipelineSection("urban-sensors", "VMI_urban-sensors", "urban-sensors",
                "0 0 * * * * (UTC)", "2026-11-26 04:00:00 UTC", true, new Badge("paused", "badge-paused"), null, TASKS,
                true, "none yet", List.of()));
        assertThat(active.scheduleState()).isEqualTo(new Badge("active", "badge-active"));
        assertThat(active.activeRunId()).isEqualTo(21L);
        assertThat(active.runsLoaded()).isFalse();
        assertThat(active.runsShown()).isEmpty();
    }

    @Test
    void shouldSayHowManyOfThePipelinesRunsAreShown() {
        TransformerApi.Run run = new TransformerApi.Run(1, "p", "API", "SUCCESS", null, null, null, null, false, null, null, null, List.of());

        assertThat(RunsPageMapper.shown(page(0))).isEqualTo("none yet");
        assertThat(RunsPageMapper.shown(page(2, run, run))).isEqualTo("2");
        assertThat(RunsPageMapper.shown(page(1_204, run, run))).isEqualTo("latest 2 of 1,204");
    }

    @Test
    void shouldShowPipelinesWhoseRunsCouldNotBeLoadedAsNotLoaded() {
        RunsPage page = RunsPageMapper.page("http://localhost:8091",
                List.of(pipeline("transportation", false, null), pipeline("urban-sensors", true, null)),
                Map.of("transportation", page(0)), "GET http://localhost:8091/api/pipelines/urban-sensors/runs?size=10: answered 500 Internal Server Error",
                NOW);

        assertThat(page.unreachable()).isTrue();
        assertThat(page.problems()).containsExactly("GET http://localhost:8091/api/pipelines/urban-sensors/runs?size=10: answered 500 Internal Server Error");
        assertThat(page.pipelines()).extracting(PipelineSection::id, PipelineSection::runsLoaded)
                .containsExactly(tuple("transportation", true), tuple("urban-sensors", false));
        assertThat(page.examplePipeline()).isEqualTo("transportation");
    }

    @Test
    void shouldFallBackToTheReadmesExamplePipelineWhileNoneIsKnown() {
        RunsPage page = RunsPageMapper.page("http://localhost:8091", List.of(), Map.of(), "GET http://localhost:8091/api/pipelines: connection refused", NOW);

        assertThat(page.pipelines()).isEmpty();
        assertThat(page.examplePipeline()).isEqualTo("urban-sensors");
    }
}
