package org.etlsuite.producer.burst;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.web.JsonAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Starts, reports and cancels bursts of generated events. Every handler takes the {@code {stream}} as its first
 * argument ({@link EventStreamArgumentResolver}), so an unknown stream answers 404 whatever else the request holds.
 */
@RestController
@RequestMapping("/api/streams/{stream}/bursts")
class BurstController {

    private final BurstService bursts;
    private final BurstLimitsValidator limits;
    private final JsonAnswers answers;

    BurstController(BurstService bursts, BurstLimitsValidator limits, JsonAnswers answers) {
        this.bursts = bursts;
        this.limits = limits;
        this.answers = answers;
    }

    /**
     * Adds the configured limits to Bean Validation of the request body. Not bound by name: {@code @InitBinder("x")}
     * matches the binder's object name, which Spring derives from the body's type, so a renamed request class would
     * silently lose its limits. Instead every binder of this controller passes here and the validator's own
     * {@code supports} picks the request body (path variables get binders without a target).
     */
    @InitBinder
    void addLimits(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target != null && limits.supports(target.getClass())) {
            binder.addValidators(limits);
        }
    }

    /*
     * No `consumes` condition: it would answer 415 before the stream is resolved. The suite's Content-Type check
     * (common-model's JsonRequestsOnly) refuses anything but JSON with 415, once the stream is known to exist.
     */
    @PostMapping
    ResponseEntity<BurstView> start(EventStream<?> stream, @Valid @RequestBody BurstRequest request, NativeWebRequest web)
            throws HttpMediaTypeNotAcceptableException {
        answers.require(web);
        BurstView burst = bursts.start(stream, request.toSpec());
        // The stream name is a known one, so the path needs no encoding.
        URI location = URI.create("/api/streams/" + stream.name() + "/bursts/" + burst.id());
        return ResponseEntity.accepted().location(location).body(burst);
    }

    @GetMapping("/{id}")
    BurstView get(EventStream<?> stream, @PathVariable String id) {
        return bursts.find(stream.name(), id).orElseThrow(() -> new UnknownBurstException(stream.name(), id));
    }

    @GetMapping
    List<BurstView> list(EventStream<?> stream) {
        return bursts.list(stream.name());
    }

    /** Stops a running burst; 409 when it has already ended. */
    @DeleteMapping("/{id}")
    BurstView cancel(EventStream<?> stream, @PathVariable String id, NativeWebRequest web) throws HttpMediaTypeNotAcceptableException {
        answers.require(web);
        return bursts.cancel(stream.name(), id).orElseThrow(() -> new UnknownBurstException(stream.name(), id));
    }
}
