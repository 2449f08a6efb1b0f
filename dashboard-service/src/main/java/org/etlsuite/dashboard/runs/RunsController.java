package org.etlsuite.dashboard.runs;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pipeline runs page, read-only. Always answers 200: a transformer that is down or answers an
 * error is shown as a banner, not thrown.
 */
@Controller
class RunsController {

    private final RunsService runs;

    RunsController(RunsService runs) {
        this.runs = runs;
    }

    @GetMapping("/runs")
    String runs(Model model) {
        model.addAttribute("page", runs.page());
        return "runs/dashboard";
    }
}
