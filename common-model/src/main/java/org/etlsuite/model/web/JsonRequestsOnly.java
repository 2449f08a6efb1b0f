package org.etlsuite.model.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses with 415 every POST, PUT and PATCH to a controller whose {@code Content-Type} is not
 * {@code application/json}, a missing one included, before the handler reads or changes anything; the controllers'
 * problem handlers render it as {@code application/problem+json}.
 *
 * <p>Why: a browser sends a request to another site without asking it first (no CORS preflight) only when the
 * request is a GET, HEAD or POST whose {@code Content-Type} is missing, {@code text/plain} or a form type, e.g. a
 * page's {@code fetch(url, {method: 'POST', mode: 'no-cors'})}. Requiring JSON shuts those out, also for the
 * endpoints that take no body or an optional one (cancel a run, start a run with the defaults). A DELETE is not
 * checked and may come without a {@code Content-Type}: it never leaves a browser for another site without a
 * preflight, which these APIs do not grant, and it carries no body.
 *
 * <p>As an interceptor it runs after the handler was found, so an unknown path (404) or method (405) answers as
 * before, and after authentication (401 comes first).
 */
final class JsonRequestsOnly implements HandlerInterceptor {

    private static final Set<String> CHECKED = Set.of("POST", "PUT", "PATCH");
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        // an error dispatch renders the problem of a request that already passed (or failed) here
        if (!(handler instanceof HandlerMethod) || request.getDispatcherType() != DispatcherType.REQUEST
                || !CHECKED.contains(request.getMethod())) {
            return true;
        }
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            throw refused(null, method, "Content-Type is missing; a " + method + " needs 'application/json'");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw refused(null, method, "Content-Type '" + header + "' is not a media type; a " + method
                    + " needs 'application/json'");
        }
        if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            throw refused(type, method, "Content-Type '" + type + "' is not supported; a " + method
                    + " needs 'application/json'");
        }
        return true;
    }

    private static HttpMediaTypeNotSupportedException refused(MediaType type, HttpMethod method, String detail) {
        HttpMediaTypeNotSupportedException refused = new HttpMediaTypeNotSupportedException(type, JSON, method, detail);
        refused.getBody().setDetail(detail);
        return refused;
    }
}
