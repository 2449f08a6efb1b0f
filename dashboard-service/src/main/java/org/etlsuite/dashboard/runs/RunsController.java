package org.etlsuite.dashboard.runs;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pipeline runs page and the page of each run. Both answer 200 while the transformer is down or answers an
 * error, shown as a banner, not thrown; only a run the transformer does not know is a 404. The controls on them
 * post to {@link RunControlController}.
 */
@Controller
class RunsController {

    /** How often the page of a queued or running run reloads itself, in seconds. */
    static final int REFRESH_SECONDS = 2;

    private final RunsService runs;

    RunsController(RunsService runs) {
        this.runs = runs;
    }

    @GetMapping("/runs")
    String runs(Model model, Principal operator) {
        model.addAttribute("page", runs.page());
        // the controls show only to the signed-in user; everyone else is offered the sign-in
        model.addAttribute("operator", operator == null ? null : operator.getName());
        return "runs/dashboard";
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, Model model) {
        RunDetailPage page = runs.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "The transformer-service knows no run " + id + "."));
        model.addAttribute("page", page);
        // read by the layout; an ended run no longer changes, so its page stops reloading
        if (page.active()) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        return "runs/run";
    }
}
