package org.etlsuite.producer.status;

import java.util.List;

import org.etlsuite.producer.burst.BurstService;
import org.etlsuite.producer.continuous.ContinuousService;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The status of every stream: topic, key, continuous generator, recent bursts. */
@RestController
@RequestMapping("/api/streams")
class StreamStatusController {

    private final StreamCatalog streams;
    private final BurstService bursts;
    private final ContinuousService continuous;

    StreamStatusController(StreamCatalog streams, BurstService bursts, ContinuousService continuous) {
        this.streams = streams;
        this.bursts = bursts;
        this.continuous = continuous;
    }

    /** Every stream, in name order. */
    @GetMapping
    List<StreamStatus> list() {
        return streams.names().stream().map(name -> status(streams.find(name).orElseThrow())).toList();
    }

    /** One stream; 404 when unknown. */
    @GetMapping("/{stream}")
    StreamStatus get(EventStream<?> stream) {
        return status(stream);
    }

    private StreamStatus status(EventStream<?> stream) {
        return new StreamStatus(stream.name(), stream.topic(), stream.keyField(), stream.defects().kinds(),
                continuous.status(stream), bursts.counts(stream.name()));
    }
}
