package org.etlsuite.dashboard.runs;

import java.security.Principal;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pipeline runs page and its "start a run" form. The page always answers 200: a transformer that is down
 * or answers an error is shown as a banner, not thrown. The form (signed in, with its CSRF token, see
 * {@link org.etlsuite.dashboard.security.DashboardSecurityConfiguration}) posts, then redirects back to the page
 * with what happened, so a reload never starts a second run.
 */
@Controller
class RunsController {

    static final String NOTICE = "runNotice";
    static final String ERROR = "runError";

    private final RunsService runs;

    RunsController(RunsService runs) {
        this.runs = runs;
    }

    @GetMapping("/runs")
    String runs(Model model, Principal operator) {
        model.addAttribute("page", runs.page());
        model.addAttribute("operator", operator == null ? null : operator.getName());
        return "runs/dashboard";
    }

    @PostMapping("/runs")
    String start(@ModelAttribute RunForm form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasFieldErrors()) {
            FieldError error = binding.getFieldErrors().getFirst();
            redirect.addFlashAttribute(ERROR, "No run started: " + error.getField() + " must be a number, was '"
                    + error.getRejectedValue() + "'.");
            return "redirect:/runs";
        }
        if (form.pipeline() == null || form.pipeline().isBlank()) {
            redirect.addFlashAttribute(ERROR, "No run started: choose a pipeline.");
            return "redirect:/runs";
        }
        try {
            TransformerApi.Run run = runs.start(form);
            redirect.addFlashAttribute(NOTICE, "Run " + run.id() + " of " + run.pipeline() + " is " + run.state().toLowerCase(Locale.ROOT) + ".");
        } catch (TransformerException e) {
            redirect.addFlashAttribute(ERROR, "No run started: the transformer-service " + e.problem() + ".");
        }
        return "redirect:/runs";
    }
}
