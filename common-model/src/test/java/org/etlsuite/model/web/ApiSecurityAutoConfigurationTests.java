package org.etlsuite.model.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** When the shared API security applies, and with which credentials. */
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityAutoConfigurationTests {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            ApiSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

    @Test
    void shouldReplaceBootsDefaultSecurityWithTheApiUserInAServletApplicationWithSpringSecurity() {
        web.withPropertyValues("etl.api.user=operator", "etl.api.password=s3cret").run(context -> {
            assertThat(context).hasSingleBean(SecurityFilterChain.class).hasBean("apiSecurityFilterChain");
            assertThat(context).hasSingleBean(UserDetailsService.class).hasBean("apiUser");
            assertThat(context.getBean(ApiCredentials.class)).isEqualTo(new ApiCredentials("operator", "s3cret"));
            assertThat(context.getBean(UserDetailsService.class).loadUserByUsername("operator").getPassword()).isEqualTo("{noop}s3cret");
            assertThat(context).hasBean("jsonRequestsOnly");
        });
    }

    @Test
    void shouldStayOutOfAnApplicationWithoutSpringSecurityAsTheDashboard() {
        // the dashboard's classpath: this module, Spring MVC, no Spring Security
        web.withClassLoader(new FilteredClassLoader("org.springframework.security.")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ApiCredentials.class).doesNotHaveBean(WebMvcConfigurer.class)
                    .doesNotHaveBean(SecurityFilterChain.class);
        });
    }

    @Test
    void shouldStayOutOfAnApplicationThatIsNoServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiSecurityAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiCredentials.class));
    }

    @Test
    void shouldGenerateAPasswordForTheDefaultUserAndLogItOnceAtWarnWhenNoneIsConfigured(CapturedOutput output) {
        web.withPropertyValues("etl.api.password=  ").run(context -> {
            ApiCredentials credentials = context.getBean(ApiCredentials.class);
            assertThat(credentials.user()).isEqualTo("etl");
            assertThat(credentials.password()).hasSizeGreaterThanOrEqualTo(32).isNotBlank();
            assertThat(output.getOut().split(credentials.password(), -1)).hasSize(2);
            assertThat(output.getOut()).contains("WARN").contains("etl.api.password (ETL_API_PASSWORD) is not set");
            assertThat(credentials.toString()).doesNotContain(credentials.password());
        });
    }

    @Test
    void shouldGenerateADifferentPasswordAtEveryStart() {
        String[] passwords = new String[2];
        web.run(context -> passwords[0] = context.getBean(ApiCredentials.class).password());
        web.run(context -> passwords[1] = context.getBean(ApiCredentials.class).password());
        assertThat(passwords[0]).isNotEqualTo(passwords[1]);
    }

    @Test
    void shouldRefuseAUserThatHttpBasicCannotCarry() {
        // "user:password" on the wire: the first colon ends the user
        web.withPropertyValues("etl.api.user=a:b", "etl.api.password=x").run(context -> assertThat(context).hasFailed());
    }
}
