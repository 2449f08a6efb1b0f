package org.etlsuite.dashboard.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(HomeController.class)
class HomeControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void shouldLinkLiveDashboardsAndMarkPlannedOnesComingSoon() {
        assertThat(mvc.get().uri("/")).hasStatusOk()
                .hasViewName("home")
                .bodyText()
                .contains("<title>Home · ETL Suite</title>")
                .contains("<a href=\"/urban\">Urban sensors</a>")
                .contains("<h3>Transportation</h3>")
                .contains("<h3>Products</h3>")
                .contains("<span class=\"badge badge-muted\">coming soon</span>")
                // planned pages are not linked until they exist
                .doesNotContain("href=\"/dashboard\"")
                .doesNotContain("href=\"/products\"");
    }

    @Test
    void shouldHighlightHomeInTheSharedLayout() {
        assertThat(mvc.get().uri("/")).bodyText()
                .contains("<a href=\"/\" class=\"active\">Home</a>")
                .contains("href=\"/css/dashboard.css\"");
    }
}
