package org.etlsuite.transformer.run.api;

import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every request of the API fuzz test is built here: the one place where credentials go once the mutating
 * endpoints require them.
 */
final class ApiRequests {

    private ApiRequests() {
    }

    /**
     * @param uri already encoded, sent as it is. (A malformed escape such as {@code %ZZ} in the path never reaches
     * the application: Tomcat refuses it with its own 400, which the dashboard's raw-socket fuzz test covers.)
     */
    static MockHttpServletRequestBuilder request(HttpMethod method, String uri) {
        return MockMvcRequestBuilders.request(method, URI.create(uri));
    }
}
