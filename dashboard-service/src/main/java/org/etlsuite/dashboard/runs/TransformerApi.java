package org.etlsuite.dashboard.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of the transformer's run API the page reads. States and triggers stay strings and
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(long id, String pipeline, String trigger, String state, Instant queuedAt, Instant startedAt,
               Instant endedAt, Counts counts, Files files, String error, List<Task> tasks) {

        Run {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** Null until the transform task has counted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(Long generated, Long processed, Long rejected, Long duplicates) {
    }

    /** Paths below the data directory; null until written. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Files(String raw, String processed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Task(String name, String state, int attempts, Instant startedAt, Instant endedAt, String error) {
    }
}
