package org.etlsuite.transformer.run.api;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Refuses a request whose {@code Accept} rules out the JSON answer before anything is done for it. Spring
 * negotiates the answer's type only once the handler has returned, so a run would be queued (or a
 * schedule changed, a run cancelled) and the client told 406 without learning what happened. A handler
 * that changes something calls {@link #require} first, once its pipeline and body have been checked.
 */
@Component
class JsonAnswers {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/*+json"));

    private final ContentNegotiationManager negotiation;

    JsonAnswers(@Qualifier("mvcContentNegotiationManager") ContentNegotiationManager negotiation) {
        this.negotiation = negotiation;
    }

    /** @throws HttpMediaTypeNotAcceptableException (406) when the client accepts no JSON */
    void require(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = negotiation.resolveMediaTypes(request);
        if (accepted.stream().noneMatch(type -> JSON.stream().anyMatch(type::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
    }
}
