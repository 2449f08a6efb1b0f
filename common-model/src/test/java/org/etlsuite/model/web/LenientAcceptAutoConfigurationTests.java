package org.etlsuite.model.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What the three services make of an Accept header, and that each of them gets it from here. */
class LenientAcceptAutoConfigurationTests {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebMvcAutoConfiguration.class, LenientAcceptAutoConfiguration.class));

    private static ServletWebRequest request(String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return new ServletWebRequest(request);
    }

    private static List<MediaType> resolve(String accept) throws HttpMediaTypeNotAcceptableException {
        return new LenientAcceptAutoConfiguration.LenientHeaderStrategy().resolveMediaTypes(request(accept));
    }

    @Test
    void shouldTakeAnAcceptHeaderThatIsNoListOfMediaTypesForAnyType() throws HttpMediaTypeNotAcceptableException {
        assertThat(resolve("garbage")).containsExactly(MediaType.ALL);
        assertThat(resolve("not a media type;;;")).containsExactly(MediaType.ALL);
    }

    @Test
    void shouldResolveAWellFormedOrAbsentAcceptHeaderAsSpringDoes() throws HttpMediaTypeNotAcceptableException {
        assertThat(resolve("application/problem+json, text/html;q=0.5"))
                .containsExactly(MediaType.APPLICATION_PROBLEM_JSON, MediaType.parseMediaType("text/html;q=0.5"));
        assertThat(resolve(null)).containsExactly(MediaType.ALL);
    }

    @Test
    void shouldBeTheContentNegotiationOfASpringMvcApplication() {
        web.run(context -> {
            assertThat(context).hasSingleBean(LenientAcceptAutoConfiguration.class);
            // the manager that the handler mappings and the error answers negotiate with
            ContentNegotiationManager negotiation = context.getBean("mvcContentNegotiationManager", ContentNegotiationManager.class);
            assertThat(negotiation.resolveMediaTypes(request("garbage"))).containsExactly(MediaType.ALL);
            assertThat(negotiation.resolveMediaTypes(request("text/html"))).containsExactly(MediaType.TEXT_HTML);
        });
    }

    @Test
    void shouldNeedNoSpringSecurityAsTheDashboardHasNone() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.security."))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(LenientAcceptAutoConfiguration.class));
    }

    @Test
    void shouldStayOutOfAnApplicationThatIsNoServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LenientAcceptAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebMvcConfigurer.class));
    }
}
