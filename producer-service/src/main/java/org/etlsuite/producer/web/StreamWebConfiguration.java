package org.etlsuite.producer.web;

import java.util.List;

import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets every handler take the {@code {stream}} of its path as an {@code EventStream} (404 when unknown). */
@Configuration(proxyBeanMethods = false)
class StreamWebConfiguration implements WebMvcConfigurer {

    private final StreamCatalog streams;

    StreamWebConfiguration(StreamCatalog streams) {
        this.streams = streams;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new EventStreamArgumentResolver(streams));
    }
}
