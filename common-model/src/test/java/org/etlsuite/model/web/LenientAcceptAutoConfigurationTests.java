package org.etlsuite.model.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LenientAcceptAutoConfigurationTests {

    private final LenientAcceptAutoConfiguration.LenientHeaderStrategy strategy = new LenientAcceptAutoConfiguration.LenientHeaderStrategy();

    private List<MediaType> resolve(String accept) throws HttpMediaTypeNotAcceptableException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Accept", accept);
        return strategy.resolveMediaTypes(new ServletWebRequest(request));
    }

    @Test
    void anAcceptHeaderThatIsNoListOfMediaTypesCountsAsAnyType() throws HttpMediaTypeNotAcceptableException {
        assertThat(resolve("not a media type;;;")).containsExactly(MediaType.ALL);
    }

    @Test
    void aWellFormedAcceptHeaderIsResolvedAsSpringDoes() throws HttpMediaTypeNotAcceptableException {
        assertThat(resolve("application/problem+json, text/html;q=0.5"))
                .containsExactly(MediaType.APPLICATION_PROBLEM_JSON, MediaType.parseMediaType("text/html;q=0.5"));
    }
}
