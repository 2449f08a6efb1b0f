package org.etlsuite.dashboard.runs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Asks the transformer for its pipelines and their latest runs on every request (nothing is cached), and
 * starts runs through it.
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
        // the page appends API paths to it
        String url = transformer.baseUrl().toString().replaceAll("/+$", "");
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

    /** @throws TransformerException when the transformer refuses the run or cannot be asked */
    TransformerApi.Run start(RunForm form) {
        return transformer.startRun(form.pipeline(), form);
    }

    private static RunsPage unreachable(String url, TransformerException e, List<TransformerApi.Pipeline> pipelines,
                                        Map<String, TransformerApi.RunPage> runs) {
        // the page shows the problem; the stack trace is only for whoever turns on debug logging
        log.debug("Pipeline runs page: {}", e.getMessage(), e);
        return RunsPageMapper.page(url, pipelines, runs, e.getMessage(), Instant.now());
    }
}
