package org.etlsuite.dashboard.urban;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The urban sensors page. Always answers 200: missing or broken data is shown, not thrown. */
@Controller
class UrbanController {

    private final UrbanDashboardService dashboard;

    UrbanController(UrbanDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/urban")
    String urban(Model model) {
        model.addAttribute("page", dashboard.page());
        // drawn into the page: a tooltip of an SVG shows only where the SVG is part of the page
        model.addAttribute("charts", dashboard.figures());
        return "urban/dashboard";
    }
}
