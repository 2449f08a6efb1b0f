package org.etlsuite.dashboard.error;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 and the error page a request whose query string or form cannot be decoded ({@code ?%ZZ}).
 * Tomcat decodes parameters only when something first asks for one and then throws, so such a request otherwise
 * became a 500 from wherever that was: the sign-in page's template, or the CSRF check of a form.
 */
@Component
class MalformedParametersFilter extends OncePerRequestFilter implements Ordered {

    static final String REASON = "The query string or form of this request is not properly encoded.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException malformed) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, REASON);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        // ahead of Spring Security's filters, which read the CSRF token from the parameters
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
