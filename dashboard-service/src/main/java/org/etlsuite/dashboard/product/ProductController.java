package org.etlsuite.dashboard.product;

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
        // drawn into the page: a tooltip of an SVG shows only where the SVG is part of the page
        model.addAttribute("charts", dashboard.figures());
        return "product/dashboard";
    }
}
