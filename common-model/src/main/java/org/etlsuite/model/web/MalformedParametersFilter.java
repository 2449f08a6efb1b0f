package org.etlsuite.model.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a request whose query string or form cannot be decoded ({@code ?%ZZ}). Tomcat decodes parameters
 * only when something first asks for one and then throws, so such a request otherwise became a 500 from wherever
 * that was: a {@code @RequestParam}, a template reading {@code param}, or the CSRF check of a form. Runs before
 * every other filter, Spring Security's included.
 */
public final class MalformedParametersFilter extends OncePerRequestFilter implements Ordered {

    public static final String REASON = "The query string or form of this request is not properly encoded.";

    /** How the refusal is answered. */
    @FunctionalInterface
    private interface Refusal {
        void answer(HttpServletResponse response) throws IOException;
    }

    private final Refusal refusal;

    private MalformedParametersFilter(Refusal refusal) {
        this.refusal = refusal;
    }

    /** For an HTTP API: the 400 is {@code application/problem+json}, as every other refusal of the API. */
    public static MalformedParametersFilter answeringProblems() {
        return new MalformedParametersFilter(response -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST, REASON));
    }

    /** For pages: the 400 goes to the servlet container's error page, with {@link #REASON} as its message. */
    public static MalformedParametersFilter answeringWithTheErrorPage() {
        return new MalformedParametersFilter(response -> response.sendError(HttpStatus.BAD_REQUEST.value(), REASON));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException malformed) {
            refusal.answer(response);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
