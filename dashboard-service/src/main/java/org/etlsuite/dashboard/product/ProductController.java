package org.etlsuite.dashboard.product;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.VersionResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The products page. Always answers 200: missing or broken data is shown, not thrown. */
@Controller
class ProductController {

    private final ProductDashboardService dashboard;

    ProductController(ProductDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/products")
    String products(Model model) {
        model.addAttribute("page", dashboard.page());
        // drawn into the page (a tooltip of an SVG shows only where the SVG is part of the page), and read after it:
        // should the files change in between, the charts are newer than the page's data-version, so live.js fetches
        // the page again; read before, older charts would stay under the newer version
        model.addAttribute("charts", dashboard.figures(ChartView.WHOLE));
        return "product/dashboard";
    }

    /** The version of the page's data, which the open page polls to reload its content once the files change. */
    @GetMapping("/products/version")
    ResponseEntity<DataVersion> version() {
        return VersionResponses.json(dashboard.version());
    }
}
