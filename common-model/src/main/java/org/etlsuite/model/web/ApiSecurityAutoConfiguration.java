package org.etlsuite.model.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP API security that producer-service and transformer-service share, in one place: both depend on this
 * module, and a service gets it by having Spring Security on its classpath. An application that defines its own
 * {@link SecurityFilterChain} (the dashboard) gets none of it, but shares {@link ApiSecurityProperties} and
 * {@link ApiCredentials#of} (this module's Spring dependencies are optional and reach no other module).
 *
 * <ul>
 * <li>HTTP Basic, one user ({@link ApiSecurityProperties}); stateless (no session, so no cookie a forged request
 * could ride on, and so no CSRF token either); a refusal is 401 {@code application/problem+json}
 * ({@link ProblemAuthenticationEntryPoint}).</li>
 * <li>Every request but a read needs the credentials; reads are open unless {@code etl.api.open-reads=false}, and
 * the actuator's health and info always are. Health details show only to an authenticated caller
 * ({@code management.endpoint.health.show-details: when-authorized} in each service).</li>
 * <li>A POST, PUT or PATCH must be JSON ({@link JsonRequestsOnly}), so no other site's page can send one.</li>
 * <li>A query string or form that cannot be decoded is a 400 problem ({@link MalformedParametersFilter}).</li>
 * </ul>
 *
 * Ordered before Boot's own security: its default filter chain and generated user back off once these exist.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class, WebMvcConfigurer.class})
// an application with its own web security (the dashboard: a sign-in form and CSRF tokens) is no JSON API
@ConditionalOnMissingBean(SecurityFilterChain.class)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public final class ApiSecurityAutoConfiguration {

    /**
     * Order of the Content-Type check among the MVC interceptors; an interceptor that must answer first (such as the
     * producer's 404 for an unknown stream, whatever the request) takes a lower one.
     */
    public static final int JSON_REQUESTS_ORDER = 0;

    private static final boolean ACTUATOR = ClassUtils.isPresent(
            "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints", ApiSecurityAutoConfiguration.class.getClassLoader());

    @Bean
    ApiCredentials apiCredentials(ApiSecurityProperties properties) {
        return ApiCredentials.of(properties);
    }

    @Bean
    InMemoryUserDetailsManager apiUser(ApiCredentials credentials) {
        // {noop}: compared as given, as Boot does for its own default user; a hash would cost every request its time
        return new InMemoryUserDetailsManager(User.withUsername(credentials.user())
                .password("{noop}" + credentials.password()).authorities(new String[0]).build());
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiSecurityProperties properties) {
        ProblemAuthenticationEntryPoint refuse = new ProblemAuthenticationEntryPoint();
        http.authorizeHttpRequests(requests -> {
            // the error page of a request that was already let through
            requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
            if (properties.openReads()) {
                requests.requestMatchers(HttpMethod.GET).permitAll();
                requests.requestMatchers(HttpMethod.HEAD).permitAll();
            } else if (ACTUATOR) {
                requests.requestMatchers(EndpointRequest.to("health", "info").withHttpMethod(HttpMethod.GET)).permitAll();
            }
            requests.anyRequest().authenticated();
        });
        http.httpBasic(basic -> basic.authenticationEntryPoint(refuse));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refuse));
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(AbstractHttpConfigurer::disable);
        http.logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Picked up by Spring Security's filter chain proxy for what its firewall refuses. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    @Bean
    MalformedParametersFilter malformedParametersFilter() {
        return MalformedParametersFilter.answeringProblems();
    }

    @Bean
    WebMvcConfigurer jsonRequestsOnly() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new JsonRequestsOnly()).order(JSON_REQUESTS_ORDER);
            }
        };
    }
}
