package org.etlsuite.dashboard.product;

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
 * The products page. Answers 200 whatever the files hold: missing or broken data is shown, not thrown; only a time
 * range that does not exist is refused (400).
 */
@Controller
class ProductController {

    private final ProductDashboardService dashboard;

    ProductController(ProductDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/products")
    String products(@RequestParam(name = TimeRange.PARAMETER, required = false) String range, Model model) {
        ChartView view = ChartView.ofRange(range);
        model.addAttribute("page", dashboard.page());
        model.addAttribute("view", view);
        model.addAttribute("rangeChoices", view.rangeChoices("/products"));
        // drawn into the page (a tooltip of an SVG shows only where the SVG is part of the page), and read after it:
        // should the files change in between, the charts are newer than the page's data-version, so live.js fetches
        // the page again; read before, older charts would stay under the newer version
        model.addAttribute("charts", dashboard.figures(view));
        model.addAttribute("revenuePeriod", dashboard.revenuePeriod(view).orElse(null));
        return "product/dashboard";
    }

    /** The version of the page's data, which the open page polls to reload its content once the files change. */
    @GetMapping("/products/version")
    ResponseEntity<DataVersion> version() {
        return VersionResponses.json(dashboard.version());
    }
}
