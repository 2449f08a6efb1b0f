package org.etlsuite.model.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MalformedParametersFilterTests {

    /** What Tomcat does when a parameter cannot be decoded: it throws on the first read. */
    private static HttpServletRequest undecodable() {
        return new HttpServletRequestWrapper(new MockHttpServletRequest("GET", "/api/pipelines/urban-sensors/runs")) {
            @Override
            public Map<String, String[]> getParameterMap() {
                throw new IllegalStateException("Character decoding failed. Parameter [%ZZ] with value [] has been ignored.");
            }
        };
    }

    @Test
    void shouldAnswerAnApiRequestWithUndecodableParametersWith400ProblemAndGoNoFurther() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        MalformedParametersFilter.answeringProblems().doFilter(undecodable(), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"detail\":\"" + MalformedParametersFilter.REASON + "\"")
                .contains("\"status\":400");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldSendAPageRequestWithUndecodableParametersToTheErrorPage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        MalformedParametersFilter.answeringWithTheErrorPage().doFilter(undecodable(), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getErrorMessage()).isEqualTo(MalformedParametersFilter.REASON);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldPassARequestWithDecodableParametersOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/pipelines/urban-sensors/runs");
        request.addParameter("state", "FAILED");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        MalformedParametersFilter.answeringProblems().doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
