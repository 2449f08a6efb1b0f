package org.etlsuite.dashboard.runs;

import org.etlsuite.dashboard.page.PageFormat;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The run controls: start a run, cancel one, pause or resume a pipeline's schedule. Each needs the signed-in user
 * and the form's CSRF token (see {@link org.etlsuite.dashboard.security.DashboardSecurityConfiguration}), asks the
 * transformer, then redirects to a page with what happened as a flash message, so a reload never sends it twice. A
 * refusal of the transformer, or a transformer that cannot be reached, is such a message too.
 */
@Controller
class RunControlController {

    static final String NOTICE = "runNotice";
    static final String ERROR = "runError";

    private static final String RUNS_PAGE = "redirect:/runs";

    private final RunsService runs;

    RunControlController(RunsService runs) {
        this.runs = runs;
    }

    /** Starts a run and shows its page; a refused one goes back to the runs page with the reason. */
    @PostMapping("/runs")
    String start(@ModelAttribute RunForm form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasFieldErrors()) {
            FieldError error = binding.getFieldErrors().getFirst();
            redirect.addFlashAttribute(ERROR, "No run started: " + error.getField() + " must be a number, was '"
                    + error.getRejectedValue() + "'.");
            return RUNS_PAGE;
        }
        if (form.pipeline() == null || form.pipeline().isBlank()) {
            redirect.addFlashAttribute(ERROR, "No run started: choose a pipeline.");
            return RUNS_PAGE;
        }
        try {
            TransformerApi.Accepted accepted = runs.start(form);
            TransformerApi.Run run = accepted.run();
            redirect.addFlashAttribute(NOTICE, "Run " + accepted.runId() + " of " + run.pipeline() + " is " + RunsFormat.label(run.state()) + ".");
            return "redirect:/runs/" + accepted.runId();
        } catch (TransformerException e) {
            redirect.addFlashAttribute(ERROR, "No run started: the transformer-service " + e.outcome() + ".");
            return RUNS_PAGE;
        }
    }

    @PostMapping("/runs/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            TransformerApi.Run run = runs.cancel(id);
            // a queued run is cancelled at once; a running one finishes its current check first
            redirect.addFlashAttribute(NOTICE, run.active()
                    ? "Run " + run.id() + " of " + run.pipeline() + " is being cancelled: it stops at its next check."
                    : "Run " + run.id() + " of " + run.pipeline() + " is " + RunsFormat.label(run.state()) + ".");
        } catch (TransformerException e) {
            redirect.addFlashAttribute(ERROR, "Run " + id + " was not cancelled: the transformer-service " + e.outcome() + ".");
        }
        return RUNS_PAGE;
    }

    /** @param paused what the schedule is to be: the form sends the opposite of what it is */
    @PostMapping("/runs/pipelines/{pipeline}/paused")
    String setPaused(@PathVariable String pipeline, @RequestParam boolean paused, RedirectAttributes redirect) {
        try {
            // worded after the transformer's answer: what the schedule is now, whatever was asked
            TransformerApi.Pipeline now = runs.setPaused(pipeline, paused);
            redirect.addFlashAttribute(NOTICE, now.paused()
                    ? "The schedule of " + now.id() + " is paused: it starts no run until it is resumed."
                    : "The schedule of " + now.id() + " is resumed" + (now.nextFireTime() == null ? "."
                    : ": it starts the next run at " + PageFormat.timestamp(now.nextFireTime()) + "."));
        } catch (TransformerException e) {
            redirect.addFlashAttribute(ERROR, "The schedule of " + pipeline + " was not changed: the transformer-service "
                    + e.outcome() + ".");
        }
        return RUNS_PAGE;
    }
}
