package org.etlsuite.producer.burst;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts bursts of generated events and reports their progress. */
@RestController
@RequestMapping("/api/streams/{stream}/bursts")
class BurstController {

    private final StreamCatalog streams;
    private final BurstService bursts;
    private final BurstLimitsValidator limits;

    BurstController(StreamCatalog streams, BurstService bursts, BurstLimitsValidator limits) {
        this.streams = streams;
        this.bursts = bursts;
        this.limits = limits;
    }

    /** Adds the configured maxima to Bean Validation of the request body (binder name = parameter name). */
    @InitBinder("burstRequest")
    void addLimits(WebDataBinder binder) {
        binder.addValidators(limits);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BurstView> start(@PathVariable String stream, @Valid @RequestBody BurstRequest burstRequest) {
        EventStream<?> target = require(stream);
        BurstView burst = bursts.start(target, burstRequest.events(), burstRequest.ratePerSecond(), burstRequest.seed());
        // The stream name is a known one, so the path needs no encoding.
        URI location = URI.create("/api/streams/" + target.name() + "/bursts/" + burst.id());
        return ResponseEntity.accepted().location(location).body(burst);
    }

    @GetMapping("/{id}")
    BurstView get(@PathVariable String stream, @PathVariable String id) {
        EventStream<?> target = require(stream);
        return bursts.find(target.name(), id).orElseThrow(() -> new UnknownBurstException(target.name(), id));
    }

    @GetMapping
    List<BurstView> list(@PathVariable String stream) {
        return bursts.list(require(stream).name());
    }

    private EventStream<?> require(String stream) {
        return streams.find(stream).orElseThrow(() -> new UnknownStreamException(stream, streams.names()));
    }
}
