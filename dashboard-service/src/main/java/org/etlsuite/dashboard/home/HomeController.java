package org.etlsuite.dashboard.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Overview of the suite with links to its dashboards. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("dashboards", DashboardCatalog.DASHBOARDS);
        return "home";
    }
}
