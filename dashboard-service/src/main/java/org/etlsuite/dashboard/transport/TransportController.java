package org.etlsuite.dashboard.transport;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The transportation page, at the path the original dashboard used. Always answers 200: missing
 * or broken data is shown, not thrown.
 */
@Controller
class TransportController {

    private final TransportDashboardService dashboard;

    TransportController(TransportDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String transport(Model model) {
        model.addAttribute("page", dashboard.page());
        // drawn into the page: a tooltip of an SVG shows only where the SVG is part of the page
        model.addAttribute("charts", dashboard.figures());
        return "transport/dashboard";
    }
}
