package org.etlsuite.dashboard.transport;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.TimeRange;
import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.VersionResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The transportation page, at the path the original dashboard used. Always answers 200 for the data: missing
 * or broken data is shown, not thrown; a time range there is not is the reader's mistake, a 400.
 */
@Controller
class TransportController {

    private final TransportDashboardService dashboard;

    TransportController(TransportDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String transport(@RequestParam(name = TimeRange.PARAMETER, required = false) String range, Model model) {
        ChartView view = ChartView.ofRange(range);
        model.addAttribute("view", view);
        model.addAttribute("rangeChoices", view.rangeChoices("/dashboard"));
        model.addAttribute("page", dashboard.page(view));
        // drawn into the page (a tooltip of an SVG shows only where the SVG is part of the page), and read after it:
        // should the files change in between, the charts are newer than the page's data-version, so live.js fetches
        // the page again; read before, older charts would stay under the newer version
        model.addAttribute("charts", dashboard.figures(view));
        return "transport/dashboard";
    }

    /** The version of the page's data, which the open page polls to reload its content once the files change. */
    @GetMapping("/dashboard/version")
    ResponseEntity<DataVersion> version() {
        return VersionResponses.json(dashboard.version());
    }
}
