package org.etlsuite.dashboard;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An {@code Accept} header that is not a list of media types counts as absent (any type). Spring otherwise
 * fails content negotiation for every answer, the error page included: a refused request (an unknown page,
 * a wrong method) then got a bare status and an empty body instead of the error page.
 */
@Configuration(proxyBeanMethods = false)
class LenientAcceptConfiguration implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new LenientHeaderStrategy()));
    }

    static final class LenientHeaderStrategy extends HeaderContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            try {
                return super.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException unparseable) {
                return MEDIA_TYPE_ALL_LIST;
            }
        }
    }
}
