package org.etlsuite.dashboard.urban;

import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.VersionResponses;
import org.springframework.http.ResponseEntity;
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
        return "urban/dashboard";
    }

    /** The version of the page's data, which the open page polls to reload its content once the files change. */
    @GetMapping("/urban/version")
    ResponseEntity<DataVersion> version() {
        return VersionResponses.json(dashboard.version());
    }
}
