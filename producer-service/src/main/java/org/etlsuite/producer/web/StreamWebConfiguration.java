package org.etlsuite.producer.web;

import java.util.List;

import org.etlsuite.model.web.ApiSecurityAutoConfiguration;
import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every handler take the {@code {stream}} of its path as an {@code EventStream}, and answers 404 for an unknown
 * stream before any other check of the request, the suite's Content-Type rule included.
 */
@Configuration(proxyBeanMethods = false)
class StreamWebConfiguration implements WebMvcConfigurer {

    private final EventStreamArgumentResolver resolver;

    StreamWebConfiguration(StreamCatalog streams) {
        this.resolver = new EventStreamArgumentResolver(streams);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(resolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(resolver).order(ApiSecurityAutoConfiguration.JSON_REQUESTS_ORDER - 1);
    }
}
