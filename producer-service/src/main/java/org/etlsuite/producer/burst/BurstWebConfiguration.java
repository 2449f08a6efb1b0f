package org.etlsuite.producer.burst;

import java.util.List;

import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets burst handlers take the {@code {stream}} of their path as an {@code EventStream}. */
@Configuration(proxyBeanMethods = false)
class BurstWebConfiguration implements WebMvcConfigurer {

    private final StreamCatalog streams;

    BurstWebConfiguration(StreamCatalog streams) {
        this.streams = streams;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new EventStreamArgumentResolver(streams));
    }
}
