package org.etlsuite.dashboard.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form of the run controls (Spring Security handles its POST). */
@Controller
class LoginController {

    @GetMapping(DashboardSecurityConfiguration.LOGIN_PAGE)
    String login() {
        return "login";
    }
}
