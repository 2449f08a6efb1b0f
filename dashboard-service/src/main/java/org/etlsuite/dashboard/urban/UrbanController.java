package org.etlsuite.dashboard.urban;

import org.etlsuite.dashboard.chart.ChartView;
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
        // drawn into the page (a tooltip of an SVG shows only where the SVG is part of the page), and read after it:
        // should the files change in between, the charts are newer than the page's data-version, so live.js fetches
        // the page again; read before, older charts would stay under the newer version
        model.addAttribute("charts", dashboard.figures(ChartView.WHOLE));
        return "urban/dashboard";
    }

    /** The version of the page's data, which the open page polls to reload its content once the files change. */
    @GetMapping("/urban/version")
    ResponseEntity<DataVersion> version() {
        return VersionResponses.json(dashboard.version());
    }
}
