package org.etlsuite.dashboard.security;

import jakarta.servlet.DispatcherType;

import org.etlsuite.model.web.ApiCredentials;
import org.etlsuite.model.web.ApiSecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Pages, charts and health stay open to read; everything that changes something (the run controls) needs the
 * suite's user, signed in through the dashboard's own form. Every form carries Spring Security's CSRF token and
 * a POST without it is refused (403), so a page on another site cannot start or cancel runs through a
 * signed-in browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class DashboardSecurityConfiguration {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the error page of a request that was already let through or refused
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage(LOGIN_PAGE).defaultSuccessUrl("/runs").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/runs"));
        return http.build();
    }

    /**
     * Spring Security's firewall, except that it lets any method through to Spring MVC, which answers an unknown
     * one with 405 and the error page. The strict default refuses it with a bare 400 before any page can answer,
     * and refuses the error page's own dispatch again for the same reason, so a browser got an empty page.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    /** The suite's one user ({@code ETL_API_USER} / {@code ETL_API_PASSWORD}), also what the dashboard sends to the transformer. */
    @Bean
    ApiCredentials apiCredentials(ApiSecurityProperties properties) {
        return ApiCredentials.of(properties);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(ApiCredentials credentials, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(credentials.user())
                .password(encoder.encode(credentials.password())).roles("OPERATOR").build());
    }
}
