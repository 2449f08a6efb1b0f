package org.etlsuite.dashboard.urban;

import org.etlsuite.dashboard.chart.ChartPalette;
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
 * The urban sensors page. Answers 200 whatever the files are (missing or broken data is shown, not thrown), and 400
 * for a time range or zone that does not exist.
 */
@Controller
class UrbanController {

    static final String PATH = "/urban";

    private final UrbanDashboardService dashboard;

    UrbanController(UrbanDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping(PATH)
    String urban(@RequestParam(name = TimeRange.PARAMETER, required = false) String range,
            @RequestParam(name = ChartView.SERIES_PARAMETER, required = false) String zone, Model model) {
        ChartView view = dashboard.view(range, zone);
        model.addAttribute("page", dashboard.page());
        model.addAttribute("view", view);
        model.addAttribute("ranges", view.rangeChoices(PATH));
        model.addAttribute("zones", view.seriesChoices(PATH, "All zones", dashboard.zones(),
                name -> ChartPalette.hex(ChartPalette.zoneColor(name))));
        model.addAttribute("shown", dashboard.shown(view).orElse(null));
        // drawn into the page (a tooltip of an SVG shows only where the SVG is part of the page), and read after it:
        // should the files change in between, the charts are newer than the page's data-version, so live.js fetches
        // the page again; read before, older charts would stay under the newer version
        model.addAttribute("charts", dashboard.figures(view));
        return "urban/dashboard";
    }

    /** The version of the page's data, which the open page polls to reload its content once the files change. */
    @GetMapping(PATH + "/version")
    ResponseEntity<DataVersion> version() {
        return VersionResponses.json(dashboard.version());
    }
}
