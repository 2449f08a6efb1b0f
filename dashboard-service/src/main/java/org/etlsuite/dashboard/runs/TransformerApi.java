package org.etlsuite.dashboard.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of the transformer's run API the pages read. States and triggers stay strings and
 * unknown fields are ignored, so a transformer that gains a state or a field still renders.
 */
final class TransformerApi {

    private TransformerApi() {
    }

    /** An element of {@code GET /api/pipelines}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pipeline(String id, String dagId, String topic, List<String> tasks, String schedule, String timeZone,
                    Instant nextFireTime, boolean paused, Integer retries, Duration retryBackoff,
                    Double backoffMultiplier, Long activeRunId) {

        Pipeline {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** {@code GET /api/pipelines/{p}/runs}: newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RunPage(List<Run> content, int page, int size, long totalElements, int totalPages) {

        RunPage {
            content = content == null ? List.of() : List.copyOf(content);
        }
    }

    /**
     * A run: an element of a run page, {@code GET /api/runs/{id}} and the answer to starting or cancelling one.
     *
     * @param cancelRequested a cancel was asked for; a running run stops at its next check
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(long id, String pipeline, String trigger, String state, Parameters parameters, Instant queuedAt,
               Instant startedAt, Instant endedAt, boolean cancelRequested, Counts counts, Files files, String error,
               List<Task> tasks) {

        Run {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }

        /** Queued or running: it may still change, and can be cancelled. */
        boolean active() {
            return "QUEUED".equals(state) || "RUNNING".equals(state);
        }
    }

    /**
     * What the run does, the transformer's defaults filled in. Without {@code generate} it takes the events that
     * arrived since the pipeline's previous such run, and the other fields are null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Parameters(Boolean generate, Long events, Double ratePerSecond, Double durationSeconds, Long seed,
                      Double dirtyFraction) {
    }

    /**
     * The answer to {@code POST /api/pipelines/{p}/runs}.
     *
     * @param runId the run's id, read from the {@code Location} of the 202
     * @param run   the queued run
     */
    record Accepted(long runId, Run run) {
    }

    /** Null until the transform task has counted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(Long generated, Long processed, Long rejected, Long duplicates) {
    }

    /** Paths below the data directory; null until written. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Files(String raw, String processed) {
    }

    /** @param tries every attempt, first to last */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Task(String name, String state, int attempts, Instant startedAt, Instant endedAt, String error, List<Attempt> tries) {

        Task {
            tries = tries == null ? List.of() : List.copyOf(tries);
        }
    }

    /** One attempt of a task; a failed one is retried after the pipeline's backoff. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attempt(int attempt, String state, Instant startedAt, Instant endedAt, String error) {
    }
}
