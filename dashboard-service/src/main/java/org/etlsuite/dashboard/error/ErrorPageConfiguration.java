package org.etlsuite.dashboard.error;

import org.etlsuite.model.web.MalformedParametersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refusals that happen before Spring MVC, answered with the dashboard's error page. */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

    @Bean
    MalformedParametersFilter malformedParametersFilter() {
        return MalformedParametersFilter.answeringWithTheErrorPage();
    }
}
