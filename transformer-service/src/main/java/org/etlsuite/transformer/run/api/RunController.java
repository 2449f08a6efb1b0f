package org.etlsuite.transformer.run.api;

import org.etlsuite.transformer.run.RunService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;

/** One run, by id, whatever its pipeline. */
@RestController
@RequestMapping("/api/runs")
class RunController {

    private final RunService runs;
    private final JsonAnswers answers;

    RunController(RunService runs, JsonAnswers answers) {
        this.runs = runs;
        this.answers = answers;
    }

    @GetMapping("/{id}")
    RunViews.RunView run(@PathVariable long id) {
        return RunViews.of(runs.get(id));
    }

    /**
     * 202: a queued run is cancelled at once; a running one stops at its next check (poll until CANCELLED). No body,
     * but a {@code Content-Type: application/json} as on every POST of the suite (415 otherwise; see common-model's
     * JsonRequestsOnly), so that no other site's page can cancel runs.
     */
    @PostMapping("/{id}/cancel")
    ResponseEntity<RunViews.RunView> cancel(@PathVariable long id, NativeWebRequest web) throws HttpMediaTypeNotAcceptableException {
        answers.require(web);
        return ResponseEntity.accepted().body(RunViews.of(runs.cancel(id)));
    }
}
