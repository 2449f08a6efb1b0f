package org.etlsuite.transformer.run.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunRequest;
import org.etlsuite.transformer.run.RunService;
import org.etlsuite.transformer.run.RunState;
import org.etlsuite.transformer.run.RunsProperties;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.schedule.PipelineScheduler;
import org.etlsuite.transformer.run.store.PipelineRun;
import org.etlsuite.transformer.run.store.RunStore;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.server.ResponseStatusException;

/** The pipelines, their schedules and their runs. A pipeline is named by its id or by its original DAG id. */
@RestController
@RequestMapping("/api/pipelines")
class PipelineController {

    static final int MAX_PAGE_SIZE = 100;

    private final RunService runs;
    private final RunStore store;
    private final PipelineScheduler scheduler;
    private final RunsProperties properties;
    private final JsonAnswers answers;

    PipelineController(RunService runs, RunStore store, PipelineScheduler scheduler, RunsProperties properties, JsonAnswers answers) {
        this.runs = runs;
        this.store = store;
        this.scheduler = scheduler;
        this.properties = properties;
        this.answers = answers;
    }

    @GetMapping
    List<RunViews.PipelineView> pipelines() {
        return Pipeline.all().stream().map(this::view).toList();
    }

    @GetMapping("/{pipeline}")
    RunViews.PipelineView pipeline(@PathVariable String pipeline) {
        return view(Pipeline.of(pipeline));
    }

    record PausedRequest(Boolean paused) {
    }

    @PutMapping("/{pipeline}/paused")
    RunViews.PipelineView setPaused(@PathVariable String pipeline, @RequestBody PausedRequest request, NativeWebRequest web)
            throws HttpMediaTypeNotAcceptableException {
        Pipeline found = Pipeline.of(pipeline);
        if (request.paused() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "paused: required, true or false");
        }
        answers.require(web);
        scheduler.setPaused(found, request.paused());
        return view(found);
    }

    /*
     * The body stays optional (absent = the defaults), but not the Content-Type: like every POST of the suite this
     * needs application/json (common-model's JsonRequestsOnly answers 415 otherwise), which is what keeps another
     * site's page from starting runs. A body-less POST from curl therefore says -H 'Content-Type: application/json'.
     */
    @PostMapping("/{pipeline}/runs")
    ResponseEntity<RunViews.RunView> start(@PathVariable String pipeline, @RequestBody(required = false) RunRequest request,
                                           NativeWebRequest web) throws HttpMediaTypeNotAcceptableException {
        Pipeline found = Pipeline.of(pipeline);
        answers.require(web);
        PipelineRun run = runs.start(found, request == null ? RunRequest.empty() : request);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.getId())).body(RunViews.of(run));
    }

    @GetMapping("/{pipeline}/runs")
    RunViews.RunPage runs(@PathVariable String pipeline, @RequestParam(required = false) String state,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pipeline found = Pipeline.of(pipeline);
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size: must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        // the query's offset is an int: a page beyond it would fail in the database layer
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: page × size must be at most " + Integer.MAX_VALUE
                    + ", was " + page + " × " + size);
        }
        RunState filter = state == null || state.isBlank() ? null : parseState(state);
        return RunViews.of(runs.list(found, filter, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"))));
    }

    private static RunState parseState(String state) {
        try {
            return RunState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state: must be one of "
                    + Arrays.toString(RunState.values()).toLowerCase(Locale.ROOT) + ", was '" + state + "'");
        }
    }

    private RunViews.PipelineView view(Pipeline pipeline) {
        RunsProperties.PipelineSettings settings = properties.settings(pipeline);
        return new RunViews.PipelineView(pipeline.id(), pipeline.dagId(), pipeline.topic(),
                Arrays.stream(TaskName.values()).map(TaskName::label).toList(), settings.cron(), "UTC",
                scheduler.nextFireTime(pipeline), scheduler.paused(pipeline), settings.retries(), settings.retryBackoff(),
                settings.backoffMultiplier(), store.activeRun(pipeline).orElse(null));
    }
}
