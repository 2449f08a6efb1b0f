package org.etlsuite.producer.continuous;

import java.net.URI;

import jakarta.validation.Valid;

import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.web.JsonAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Starts, re-rates, reports and stops a stream's continuous generator. As for bursts, every handler takes the
 * {@code {stream}} first, so an unknown stream answers 404 whatever the body.
 */
@RestController
@RequestMapping("/api/streams/{stream}/continuous")
class ContinuousController {

    private final ContinuousService continuous;
    private final ContinuousRequestValidator validator;
    private final JsonAnswers answers;

    ContinuousController(ContinuousService continuous, ContinuousRequestValidator validator, JsonAnswers answers) {
        this.continuous = continuous;
        this.validator = validator;
        this.answers = answers;
    }

    /** Adds the configured limits to Bean Validation of the request body (see the burst controller for why so). */
    @InitBinder
    void addLimits(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target != null && validator.supports(target.getClass())) {
            binder.addValidators(validator);
        }
    }

    /** 201 with {@code Location} when a generator starts; 200 when the running one only changed rate or dirtiness. */
    @PutMapping
    ResponseEntity<ContinuousView> start(EventStream<?> stream, @Valid @RequestBody ContinuousRequest request, NativeWebRequest web)
            throws HttpMediaTypeNotAcceptableException {
        answers.require(web);
        ContinuousService.Started started = continuous.start(stream, request.toSpec());
        if (!started.created()) {
            return ResponseEntity.ok(started.view());
        }
        return ResponseEntity.created(URI.create("/api/streams/" + stream.name() + "/continuous")).body(started.view());
    }

    @GetMapping
    ContinuousView status(EventStream<?> stream) {
        return continuous.status(stream);
    }

    /** Stops the running generator: 200 with the final counts; 404 when none is running. */
    @DeleteMapping
    ContinuousView stop(EventStream<?> stream, NativeWebRequest web) throws HttpMediaTypeNotAcceptableException {
        answers.require(web);
        return continuous.stop(stream);
    }
}
