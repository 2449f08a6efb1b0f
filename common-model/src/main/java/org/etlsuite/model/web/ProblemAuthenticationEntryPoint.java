package org.etlsuite.model.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without valid credentials: 401 as {@code application/problem+json}, like every other error of
 * the API, with the {@code WWW-Authenticate} challenge that HTTP Basic clients expect. Written here, not by the MVC
 * problem handlers: the request is refused in the security filter chain, before it reaches any handler.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "etl-suite";

    // Jackson 3 with the ProblemDetail mix-in, as MVC renders problems (members of "properties" at the top level)
    private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, failure instanceof BadCredentialsException
                ? "the credentials were not accepted; send the API user and password (etl.api.user, etl.api.password) with HTTP Basic"
                : request.getMethod() + " " + request.getRequestURI()
                        + " needs credentials: the API user and password (etl.api.user, etl.api.password) with HTTP Basic");
        problem.setTitle("Unauthorized");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
    }
}
