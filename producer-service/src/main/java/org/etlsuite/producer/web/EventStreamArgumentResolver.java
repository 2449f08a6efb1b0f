package org.etlsuite.producer.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves the {@code {stream}} path variable to its {@link EventStream}, or answers 404 ({@link UnknownStreamException})
 * when no such stream exists: as a handler parameter of that type, and first, as an interceptor, for every request
 * whose path has the variable. So an unknown stream answers 404 whatever the rest of the request: before the
 * interceptors that judge its Content-Type (ordered after this one) and before the handler reads the body.
 */
public final class EventStreamArgumentResolver implements HandlerMethodArgumentResolver, HandlerInterceptor {

    static final String PATH_VARIABLE = "stream";

    private final StreamCatalog streams;

    public EventStreamArgumentResolver(StreamCatalog streams) {
        this.streams = streams;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == EventStream.class;
    }

    @Override
    public EventStream<?> resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String name = variables == null ? null : variables.get(PATH_VARIABLE);
        if (name == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes an EventStream but its path has no {"
                    + PATH_VARIABLE + "} variable");
        }
        return find(name);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null && variables.containsKey(PATH_VARIABLE)) {
            find(variables.get(PATH_VARIABLE));
        }
        return true;
    }

    private EventStream<?> find(String name) {
        return streams.find(name).orElseThrow(() -> new UnknownStreamException(name, streams.names()));
    }
}
