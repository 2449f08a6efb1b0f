package org.etlsuite.dashboard.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.runs.RunDetailPage.AttemptRow;
import org.etlsuite.dashboard.runs.RunDetailPage.Field;
import org.etlsuite.dashboard.runs.RunDetailPage.RunDetail;
import org.etlsuite.dashboard.runs.RunDetailPage.TaskDetail;
import org.etlsuite.dashboard.runs.RunsPage.Badge;
import org.junit.jupiter.api.Test;

class RunDetailMapperTests {

    private static final Instant NOW = Instant.parse("2026-11-26T03:00:10Z");

    @Test
    void shouldDescribeTheBurstARunGeneratesWithWhatWasLeftToTheDefaults() {
        assertThat(RunDetailMapper.parameters(new TransformerApi.Parameters(true, 12_000L, 2.5, 90.0, 7L, 0.1))).containsExactly(
                new Field("Source", "a new burst from the producer"), new Field("Events", "12,000"),
                new Field("Rate", "2.5 per second"), new Field("Duration", "90 s"), new Field("Seed", "7"),
                new Field("Dirty fraction", "0.1"));
        assertThat(RunDetailMapper.parameters(new TransformerApi.Parameters(null, null, null, null, null, null))).containsExactly(
                new Field("Source", "a new burst from the producer"), new Field("Events", "–"),
                new Field("Rate", "as fast as possible"), new Field("Duration", "–"), new Field("Seed", "–"),
                new Field("Dirty fraction", "–"));
    }

    @Test
    void shouldDescribeARunThatGeneratesNothingByItsSourceAlone() {
        assertThat(RunDetailMapper.parameters(new TransformerApi.Parameters(false, null, null, null, null, null)))
                .containsExactly(new Field("Source", "the events that arrived since the pipeline's previous such run"));
        assertThat(RunDetailMapper.parameters(null)).isEmpty();
    }

    @Test
    void shouldShowARunStillGoingWithItsDurationsSoFarAndMissingValuesAsDashes() {
        TransformerApi.Task await = new TransformerApi.Task("await", "RUNNING", 2, Instant.parse("2026-11-26T03:00:02Z"), null, " ",
                List.of(new TransformerApi.Attempt(1, "FAILED", Instant.parse("2026-11-26T03:00:02Z"), Instant.parse("2026-11-26T03:00:04Z"), "timed out"),
                        new TransformerApi.Attempt(2, "RUNNING", Instant.parse("2026-11-26T03:00:06Z"), null, null)));
        TransformerApi.Run run = new TransformerApi.Run(21, "transportation", null, "RUNNING", null, Instant.parse("2026-11-26T03:00:00Z"),
                Instant.parse("2026-11-26T03:00:01Z"), null, true, null, null, "", List.of(await));

        RunDetail detail = RunDetailMapper.detail(run, NOW);

        assertThat(detail).isEqualTo(new RunDetail(21, "transportation", "–", new Badge("running", "badge-running"), true, true,
                "2026-11-26 03:00:00", "2026-11-26 03:00:01", "–", "9.0 s so far", List.of(), "–", "–", "–", "–", null, null, null,
                List.of(new TaskDetail("await", new Badge("running", "badge-running"), "2 attempts", "2026-11-26 03:00:02", "–", null,
                        List.of(new AttemptRow(1, new Badge("failed", "badge-failed"), "2026-11-26 03:00:02", "2026-11-26 03:00:04", "2.0 s", "timed out"),
                                new AttemptRow(2, new Badge("running", "badge-running"), "2026-11-26 03:00:06", "–", "4.0 s so far", null))))));
    }

    @Test
    void shouldKeepTheRequestedIdOnThePageOfARunThatCouldNotBeLoaded() {
        RunDetailPage page = RunDetailMapper.unreachable(17, "http://localhost:8091", "GET http://localhost:8091/api/runs/17: connection refused");

        assertThat(page.id()).isEqualTo(17);
        assertThat(page.unreachable()).isTrue();
        assertThat(page.active()).isFalse();
        assertThat(page.problems()).containsExactly("GET http://localhost:8091/api/runs/17: connection refused");
    }
}
