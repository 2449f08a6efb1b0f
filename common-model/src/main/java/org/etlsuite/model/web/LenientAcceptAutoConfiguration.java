package org.etlsuite.model.web;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * For all three services, the dashboard included (it needs no Spring Security for this one): an {@code Accept}
 * header that is not a list of media types counts as absent (any type). Spring otherwise fails content negotiation
 * for every answer, error answers included: a refused request (a bad body, an unknown stream, pipeline, run or page,
 * a wrong method) then got a bare status and an empty body instead of the problem or the error page that says why.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
public final class LenientAcceptAutoConfiguration implements WebMvcConfigurer {

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
