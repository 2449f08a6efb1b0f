package org.etlsuite.producer.web;

import java.util.Map;

import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves a handler parameter of type {@link EventStream} from the {@code {stream}} path variable, or answers 404
 * ({@link UnknownStreamException}) when no such stream exists. Spring MVC resolves handler arguments in declaration
 * order, so a handler that declares the stream before its {@code @RequestBody} refuses an unknown stream before it
 * reads (and judges) the body.
 */
public final class EventStreamArgumentResolver implements HandlerMethodArgumentResolver {

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
        return streams.find(name).orElseThrow(() -> new UnknownStreamException(name, streams.names()));
    }
}
