package org.etlsuite.dashboard.home;

import java.util.List;

import org.etlsuite.dashboard.page.KpiFilePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Overview of the suite with links to its dashboards. */
@Controller
class HomeController {

    private final List<DashboardLink> dashboards;

    /** @param pages every page that reads KPI files; a page's files are fixed when it is made, so are the cards */
    HomeController(List<KpiFilePage> pages) {
        this.dashboards = DashboardCatalog.links(pages);
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("dashboards", dashboards);
        return "home";
    }
}
