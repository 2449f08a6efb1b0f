package org.etlsuite.dashboard.runs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Asks the transformer for its pipelines, their latest runs and single runs on every request (nothing is cached),
 * and controls runs through it.
 */
@Service
class RunsService {

    static final int LATEST_RUNS = 10;

    private static final Logger log = LoggerFactory.getLogger(RunsService.class);

    private final TransformerClient transformer;

    RunsService(TransformerClient transformer) {
        this.transformer = transformer;
    }

    RunsPage page() {
        String url = transformerUrl();
        List<TransformerApi.Pipeline> pipelines;
        try {
            pipelines = transformer.pipelines();
        } catch (TransformerException e) {
            return unreachable(url, e, List.of(), Map.of());
        }
        Map<String, TransformerApi.RunPage> runs = new LinkedHashMap<>();
        for (TransformerApi.Pipeline pipeline : pipelines) {
            try {
                runs.put(pipeline.id(), transformer.latestRuns(pipeline.id(), LATEST_RUNS));
            } catch (TransformerException e) {
                // stop at the first failure: the next calls would most likely wait out the same timeout
                return unreachable(url, e, pipelines, runs);
            }
        }
        return RunsPageMapper.page(url, pipelines, runs, null, Instant.now());
    }

    /**
     * The page of one run; empty when the transformer knows no such run (404). Any other failure is the page with
     * the problem, as on the runs page.
     */
    Optional<RunDetailPage> run(long id) {
        String url = transformerUrl();
        try {
            return Optional.of(RunDetailMapper.page(url, transformer.run(id), Instant.now()));
        } catch (TransformerException e) {
            if (e.status().filter(status -> status.isSameCodeAs(HttpStatus.NOT_FOUND)).isPresent()) {
                return Optional.empty();
            }
            log.debug("Page of run {}: {}", id, e.getMessage(), e);
            return Optional.of(RunDetailMapper.unreachable(id, url, e.getMessage()));
        }
    }

    /** @throws TransformerException when the transformer refuses the run or cannot be asked */
    TransformerApi.Accepted start(RunForm form) {
        return transformer.startRun(form.pipeline(), form);
    }

    /** @throws TransformerException when the transformer refuses (an unknown pipeline) or cannot be asked */
    TransformerApi.Pipeline setPaused(String pipeline, boolean paused) {
        return transformer.setPaused(pipeline, paused);
    }

    /** @throws TransformerException when the transformer refuses (an unknown or ended run) or cannot be asked */
    TransformerApi.Run cancel(long id) {
        return transformer.cancelRun(id);
    }

    /** The transformer's address as the pages show it: they append API paths to it. */
    private String transformerUrl() {
        return transformer.baseUrl().toString().replaceAll("/+$", "");
    }

    private static RunsPage unreachable(String url, TransformerException e, List<TransformerApi.Pipeline> pipelines,
                                        Map<String, TransformerApi.RunPage> runs) {
        // the page shows the problem; the stack trace is only for whoever turns on debug logging
        log.debug("Pipeline runs page: {}", e.getMessage(), e);
        return RunsPageMapper.page(url, pipelines, runs, e.getMessage(), Instant.now());
    }
}
